// @vitest-environment node
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
const dir = mkdtempSync(path.join(ROOT, '.tmp', 'boundaries-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One tsc over a single probe file with the compiler options of a context's project. */
function typecheck(
  project: string,
  name: string,
  source: string,
): Promise<{ ok: boolean; out: string }> {
  const file = path.join(dir, `${name}.ts`);
  writeFileSync(file, source);
  const config = path.join(dir, `${name}.tsconfig.json`);
  writeFileSync(config, JSON.stringify({ extends: path.join(ROOT, project), include: [file] }));
  return new Promise((resolve) => {
    const tsc = spawn(process.execPath, [
      path.join(ROOT, 'node_modules/typescript/bin/tsc'),
      '-p',
      config,
    ]);
    let out = '';
    tsc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    tsc.on('exit', (code) => resolve({ ok: code === 0, out }));
  });
}

const NODE_IMPORT = "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n";
const DOM_GLOBAL = 'export const title = document.title;\n';
const CHROME_GLOBAL = 'export const id = chrome.runtime.id;\n';

// Under load each tsc takes seconds; the bound is for a hang, not a speed goal.
const TSC_TIMEOUT_MS = 120_000;

describe('context boundaries are compile errors', () => {
  it(
    'rejects a Node import in a content script, a DOM global in the bridge, the worker or shared code, and chrome in shared code',
    async () => {
      const cases = await Promise.all([
        typecheck('tsconfig.content.json', 'content-node', NODE_IMPORT),
        typecheck('tsconfig.node.json', 'bridge-dom', DOM_GLOBAL),
        typecheck('tsconfig.background.json', 'background-dom', DOM_GLOBAL),
        typecheck('tsconfig.shared.json', 'shared-dom', DOM_GLOBAL),
        typecheck('tsconfig.shared.json', 'shared-chrome', CHROME_GLOBAL),
        typecheck('tsconfig.shared.json', 'shared-node', NODE_IMPORT),
      ]);
      const [contentNode, bridgeDom, backgroundDom, sharedDom, sharedChrome, sharedNode] = cases;
      expect(contentNode?.out).toMatch(/content-node\.ts.*Cannot find module 'node:fs'/);
      expect(bridgeDom?.out).toMatch(/bridge-dom\.ts.*Cannot find name 'document'/);
      expect(backgroundDom?.out).toMatch(/background-dom\.ts.*Cannot find name 'document'/);
      expect(sharedDom?.out).toMatch(/shared-dom\.ts.*Cannot find name 'document'/);
      expect(sharedChrome?.out).toMatch(/shared-chrome\.ts.*Cannot find name 'chrome'/);
      expect(sharedNode?.out).toMatch(/shared-node\.ts.*Cannot find module 'node:fs'/);
      expect(cases.every((c) => !c.ok)).toBe(true);
    },
    TSC_TIMEOUT_MS,
  );

  it(
    'accepts the same code where its context has it',
    async () => {
      const cases = await Promise.all([
        typecheck('tsconfig.content.json', 'content-dom', DOM_GLOBAL + CHROME_GLOBAL),
        typecheck('tsconfig.node.json', 'bridge-node', NODE_IMPORT),
        typecheck('tsconfig.background.json', 'background-chrome', CHROME_GLOBAL),
      ]);
      expect(cases.map((c) => c.out)).toEqual(['', '', '']);
    },
    TSC_TIMEOUT_MS,
  );
});
