/** The engine fingerprint: the same in every host that computes the same bits, and pinned to this engine's bits. */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { engineFingerprint } from '../../../src-shared/experiment/fingerprint';

describe('the engine fingerprint', () => {
  it('is a short hex digest, the same on the main thread and on a worker thread', async () => {
    const here = engineFingerprint();
    expect(here).toMatch(/^[0-9a-f]{16}$/);
    expect(engineFingerprint()).toBe(here);
    const module = new URL('../../../src-shared/experiment/fingerprint.ts', import.meta.url).href;
    const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(module)}); })
      .then(({ engineFingerprint }) => require('node:worker_threads').parentPort.postMessage(engineFingerprint()))`;
    const there = await new Promise<string>((resolve, reject) => {
      const worker = new Worker(code, { eval: true, execArgv: [] });
      worker.once('message', (value: string) => void worker.terminate().then(() => resolve(value)));
      worker.once('error', reject);
    });
    expect(there).toBe(here);
  });

  it('is pinned: a different value means this engine computes different bits than the one results were made with', () => {
    // Changing it is a decision: results folders and cluster bundles made before no longer match this engine.
    expect(engineFingerprint()).toBe('f95f23ff66ac1617');
  });
});
