// Lint enforces the module boundaries (STYLE.md §4): app/ never opens sockets or touches
// IndexedDB, engine/ imports no React, relay/ imports nothing from engine/ or app/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'dev-dist/', 'test-results/', '.data/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Function']", message: 'no new Function' }],
      'no-eval': 'error',
    },
  },
  {
    files: ['relay/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/engine/**', '**/app/**'], message: 'relay/ imports nothing from engine/ or app/' }] }],
    },
  },
  {
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'react', message: 'engine/ imports no React' }, { name: 'react-dom', message: 'engine/ imports no React' }],
        patterns: [{ group: ['**/app/**'], message: 'engine/ imports nothing from app/' }],
      }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: [{ name: 'idb', message: 'app/ does not touch IndexedDB; ask the engine' }],
        patterns: [{ group: ['**/relay/**', '!**/relay/protocol.ts'], message: 'app/ imports only the protocol from relay/' }],
      }],
      'no-restricted-globals': ['error', { name: 'WebSocket', message: 'app/ does not open sockets; the engine owns them' }, { name: 'indexedDB', message: 'app/ does not touch IndexedDB' }],
    },
  },
);
