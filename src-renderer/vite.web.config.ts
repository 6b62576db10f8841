/**
 * The web build: the same renderer with the trainer in a Web Worker, served by `vite preview` for the
 * end-to-end tests and for teaching in a browser.
 */
// This file configures the build and runs in Node, never in the renderer.
// eslint-disable-next-line no-restricted-imports
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import { rendererViteConfig } from './vite.renderer.ts';

export default defineConfig(
  mergeConfig(rendererViteConfig(), {
    // BPLAB_WEB_OUT lets two end-to-end runs side by side (each with its own E2E_PORT) build apart.
    build: { outDir: process.env.BPLAB_WEB_OUT ?? fileURLToPath(new URL('../dist-web', import.meta.url)), emptyOutDir: true },
    // The e2e tests and the README expect this address; a busy port moves on unless --strictPort is given.
    preview: { port: 4173 },
  }),
);
