// @vitest-environment node
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import boundaries from './boundaries.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Lints one probe file (it need not exist) with only the boundary rule. */
function problems(file: string, code: string): string[] {
  const linter = new Linter({ cwd: ROOT });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { tabsight: boundaries },
        rules: { 'tabsight/context-boundaries': 'error' },
      },
    ],
    { filename: path.join(ROOT, file) },
  );
  return messages.map((m) => m.message);
}

describe('context boundaries in lint, by resolved path', () => {
  it.each([
    ['src/popup/probe.ts', "import { x } from '../content';"],
    ['src/popup/probe.ts', "import { x } from '../content/engine';"],
    ['src/popup/probe.ts', "import { x } from '../../src/content/engine';"],
    ['src/popup/deep/probe.ts', "import { x } from '../../background/index';"],
    ['src/content/probe.ts', "export * from '../background/sessions';"],
    ['src/content/probe.ts', "export { y } from '../bridge/http/app';"],
    ['src/content/probe.ts', "const m = import('../popup/view');"],
    ['src/shared/probe.ts', "import { x } from '../content/engine';"],
    ['src/bridge/http/probe.ts', "import { x } from '../../mcp/main';"],
    ['src/mcp/probe.ts', "import { createApp } from '../bridge/http/app';"],
    ['src/mcp/probe.ts', "import { createTestApp } from '../bridge/testing/test-app';"],
  ])('refuses %s: %s', (file, code) => {
    const found = problems(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^src\/\w+ may import only src\/\w+, src\/shared.*; this import resolves to src\//,
    );
  });

  it.each([
    ['src/popup/probe.ts', "import { x } from './view';"],
    ['src/popup/probe.ts', "import { x } from '../shared/protocol/engine';"],
    ['src/content/probe.ts', "import { x } from '@shared/protocol/engine';"],
    ['src/background/probe.ts', "import { x } from './popup/reply';"],
    ['src/bridge/http/compat/probe.ts', "import pkg from '../../../../package.json';"],
    ['src/bridge/http/probe.ts', "import { readFileSync } from 'node:fs';"],
    ['src/mcp/probe.ts', "import { tokenPathOf } from '../bridge/config/token';"],
    ['src/mcp/probe.ts', "import { Client } from '../client';"],
    ['src/mcp/probe.test.ts', "import { createTestApp } from '../bridge/testing/test-app';"],
  ])('accepts %s: %s', (file, code) => {
    expect(problems(file, code)).toEqual([]);
  });

  it('is on for every file under src/ in the project config', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const config = (await eslint.calculateConfigForFile('src/popup/index.ts')) as {
      rules: Record<string, unknown>;
    };
    expect(config.rules['tabsight/context-boundaries']).toEqual([2]);
  });
});
