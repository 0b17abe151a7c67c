// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Each context imports only itself and src/shared (DESIGN.md). src/mcp is a client of the bridge:
 * it also uses the typed client and the bridge's config-dir, status and token files.
 */
const contexts = ['content', 'background', 'popup', 'bridge', 'client', 'mcp'];
const extraAllowed = { mcp: ['client', 'bridge'] };
const boundaries = contexts.map((self) => ({
  files: [`src/${self}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: contexts
          .filter((other) => other !== self && !(extraAllowed[self] ?? []).includes(other))
          .map((other) => ({
            // `./…` stays inside the importing folder, so it never crosses a context (and
            // src/background/popup is not src/popup).
            group: [`**/${other}/**`, `../${other}`, `../../${other}/**`, '!./**'],
            message: `src/${self} may import only itself, src/shared${(extraAllowed[self] ?? []).map((o) => `, src/${o}`).join('')}.`,
          })),
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      '.tmp/**',
      'dist/**',
      'dist-bridge/**',
      'node_modules/**',
      'test-results/**',
      'e2e/pages/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      curly: ['error', 'all'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...boundaries,
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'chrome', 'browser', 'document', 'window', 'process'],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'webextension-polyfill'] }],
    },
  },
  {
    files: ['src/background/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', 'document', 'window', 'process'] },
  },
  {
    // Playwright fixtures take their dependencies by destructuring, `{}` included.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['*.js', '*.ts', 'scripts/**', '.ci/**'],
    ...tseslint.configs.disableTypeChecked,
  },
);
