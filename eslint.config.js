import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='console'][callee.property.name=/log|info|debug/] Identifier[name=/apiKey|api_key|password/]", message: 'Never log a credential.' },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: ['**/electron/**', 'node:*', 'electron'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/electron/**', '**/renderer/**', 'electron', 'node:*'] }] },
  },
  {
    // The core runs in plain Node: only the thin shell may import Electron.
    files: ['electron/core/**/*.ts', 'electron/web/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'], patterns: ['**/renderer/**', '**/main/**', '**/preload/**'] }] },
  },
  {
    // Test scaffolding is for tests: no product file may come to depend on it. typescript-eslint's copy of the rule,
    // so that it adds to the layers' no-restricted-imports above instead of replacing their options.
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: ['**/*.test.ts', 'e2e/**', 'test-support/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/test-support/**'], message: 'test-support/ is for tests (*.test.ts), e2e/ and bench/ only.' }] },
      ],
    },
  },
  { files: ['scripts/**/*.mjs', 'e2e/**/*.ts', '*.config.*'], languageOptions: { globals: globals.node } },
  // electron-builder loads its hooks with require().
  {
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Playwright fixtures declare their dependencies with an object pattern, empty when there are none.
  { files: ['e2e/**/*.ts'], rules: { 'no-empty-pattern': 'off' } },
);
