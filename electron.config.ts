/**
 * electron-vite configuration: the app's three bundles. Build with
 * `electron-vite build --config electron.config.ts` (without --config this file is silently ignored).
 *
 *   out/main/index.js       Electron main (ESM, as package.json says "type": "module")
 *   out/main/trainer.js     the trainer's process entry: Electron's utility process in the app, and a plain
 *                           `child_process.fork` under Node for the command line and the tests
 *   out/main/experiment-worker.js   the experiment worker's entry (src-main/experiment/run-worker.ts): a worker
 *                           thread of `experiment run`, and one of the desktop app's experiment utility processes
 *   out/preload/index.cjs   the preload (CommonJS: a sandboxed preload cannot load ES modules)
 *   out/renderer/           the Svelte app, from the renderer's shared Vite settings
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'electron-vite';
import { rendererViteConfig } from './src-renderer/vite.renderer.ts';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  main: {
    build: {
      // The trainer bundle also runs under the plain Node the tests and the command line use, so it may
      // not rely on syntax newer than the Node the project supports (package.json engines).
      target: 'node20.19',
      rolldownOptions: {
        input: {
          index: fromRoot('src-main/main/index.ts'),
          trainer: fromRoot('src-main/trainer/index.ts'),
          'experiment-worker': fromRoot('src-main/experiment/run-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: fromRoot('src-main/preload/index.ts') },
        // A sandboxed preload runs as one CommonJS script with only `require('electron')`: no ES modules,
        // no chunks. It has a single input and imports only constants, so nothing is split off.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  // electron-vite looks for src/renderer/index.html by default; this app keeps its page in src-renderer.
  renderer: mergeConfig(rendererViteConfig(), {
    build: { rolldownOptions: { input: fromRoot('src-renderer/index.html') } },
  }),
});
