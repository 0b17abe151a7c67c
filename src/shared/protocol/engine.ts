/**
 * The content script is two parts (src/content/README.md): a small loader declared for every
 * frame, and the engine (perception, page content, actions), which the service worker injects
 * into a frame the first time it asks that frame something. No zod here: the loader imports this
 * file, and it must stay small.
 */

/** The engine's file in the built extension (written by vite.engine.config.ts). */
export const ENGINE_FILE = 'engine.js';

/** The loader's answer while its frame has no engine: inject it, then ask again. */
export const ENGINE_MISSING = { tabsight_engine: 'missing' } as const;

export const isEngineMissing = (reply: unknown): boolean =>
  typeof reply === 'object' &&
  reply !== null &&
  (reply as Record<string, unknown>).tabsight_engine === ENGINE_MISSING.tabsight_engine;
