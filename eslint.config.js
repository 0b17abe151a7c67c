// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import boundaries from './scripts/eslint/boundaries.mjs';

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
  {
    // Each context imports only itself and src/shared, judged on resolved paths (DESIGN.md);
    // the exceptions are listed in scripts/eslint/boundaries.mjs.
    files: ['src/**/*.ts'],
    plugins: { tabsight: boundaries },
    rules: { 'tabsight/context-boundaries': 'error' },
  },
  {
    files: ['src/shared/**/*.ts'],
    // Tests run under Node only, and may use its crypto to check what shared code computes.
    ignores: ['src/shared/**/*.test.ts'],
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
