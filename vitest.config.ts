import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  // The renderer's rune modules (*.svelte.ts, and tests named *.svelte.test.ts) compiled as the page runs
  // them, reactive: Vitest runs in Node, which the plugin would otherwise compile for the server (no reactivity).
  plugins: [svelte({ configFile: false, dynamicCompileOptions: () => ({ generate: 'client' }) })],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
