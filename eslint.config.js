// Layers import only downward: src-shared is pure (no electron, node:* or DOM), the renderer
// never reaches into main, and main never reaches into the renderer.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'module',
  'net', 'os', 'path', 'perf_hooks', 'process', 'stream', 'url', 'util', 'worker_threads', 'zlib',
];
const domGlobals = [
  'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'HTMLElement',
  'Worker', 'self', 'postMessage', 'alert', 'requestAnimationFrame',
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'dist-web/**', 'dist-cli/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['src-shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'src-shared is pure TypeScript: no electron.' }],
        patterns: [
          { group: ['node:*', ...nodeBuiltins], message: 'src-shared is pure TypeScript: no Node built-ins.' },
          { group: ['**/src-main/**', '**/src-renderer/**', '../../src-main/*', '../../src-renderer/*'], message: 'src-shared is the lowest layer.' },
        ],
      }],
      'no-restricted-globals': ['error', ...domGlobals.map((name) => ({ name, message: 'src-shared is pure TypeScript: no DOM.' }))],
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer reaches Electron only through the preload.' }],
        patterns: [
          { group: ['node:*', ...nodeBuiltins], message: 'The renderer runs in a browser: no Node built-ins.' },
          { group: ['**/src-main/**'], message: 'The renderer never imports main-process code.' },
        ],
      }],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/src-renderer/**'], message: 'Main never imports renderer code.' }],
      }],
    },
  },
  {
    // Every ipc handler goes through the one wrapper that checks the sender frame and the payload.
    files: ['**/*.ts', '**/*.js'],
    ignores: ['src-main/main/ipc-handlers.ts'],
    rules: {
      'no-restricted-properties': ['error',
        ...['handle', 'handleOnce', 'on', 'once', 'addListener', 'prependListener'].map((property) => ({
          object: 'ipcMain',
          property,
          message: 'Register ipc handlers only through registerChannelHandlers (src-main/main/ipc-handlers.ts), which checks the sender and the payload.',
        })),
      ],
      // …and ipcMain goes by that name only, so the rule above sees every use of it.
      'no-restricted-syntax': ['error',
        ...[
          "ImportSpecifier[imported.name='ipcMain'][local.name!='ipcMain']",
          "ObjectPattern > Property[key.name='ipcMain'][value.name!='ipcMain']",
          "VariableDeclarator[init.type='Identifier'][init.name='ipcMain']",
          "AssignmentExpression[right.type='Identifier'][right.name='ipcMain']",
          "MemberExpression[object.type='MemberExpression'][object.property.name='ipcMain'][property.name=/^(handle|handleOnce|on|once|addListener|prependListener)$/]",
        ].map((selector) => ({
          selector,
          message: 'Call ipcMain by its own name (no alias, no electron.ipcMain.…): ipc handlers are registered only through registerChannelHandlers.',
        })),
      ],
    },
  },
);
