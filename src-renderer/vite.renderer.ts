/**
 * The renderer's Vite settings, shared by the web build (vite.web.config.ts) and the Electron build
 * (electron.config.ts's renderer section), so both bundle the same app the same way.
 */
// This file configures the build and runs in Node, never in the renderer.
// eslint-disable-next-line no-restricted-imports
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { UserConfig } from 'vite';
import { helpPagesPlugin } from '../build/help-pages.ts';

export function rendererViteConfig(): UserConfig {
  return {
    root: fileURLToPath(new URL('.', import.meta.url)),
    // Relative asset paths: Electron loads the app from file://, where '/' would mean the disk's root.
    base: './',
    // Everything the Svelte plugin needs is here; no svelte.config.js to look for.
    // The help pages (docs/ rendered) ship in the build, so Help works offline in both hosts.
    plugins: [svelte({ configFile: false }), helpPagesPlugin(new URL('../', import.meta.url))],
    // The trainer worker imports modules; a module worker is what both Chromium and Electron run.
    worker: { format: 'es' },
  };
}
