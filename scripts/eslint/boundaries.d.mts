import type { ESLint } from 'eslint';

declare const plugin: ESLint.Plugin;
export default plugin;
export const EXTRA_ALLOWED: Record<string, { always: string[]; tests?: string[] }>;
export function resolveImport(importer: string, specifier: string): string | undefined;
export function crossing(importer: string, target: string): string | undefined;
