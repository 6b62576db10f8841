/**
 * From the sources, the experiment's worker threads start from one esbuild bundle of the worker: it serves
 * the same runs as the TypeScript sources compute in this thread; a script a bundle would change (one that
 * reads import.meta) is not bundled, and then loads through tsx as before.
 */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { experimentExamples } from '../../../src-shared/data/experiment-examples';
import { planExperiment } from '../../../src-shared/experiment/plan';
import { runExperimentRun } from '../../../src-shared/experiment/run-one';
import type { RunReply } from '../../../src-shared/experiment/worker-conversation';
import { threadWorkerStarter } from '../../../src-main/experiment/thread-host';
import { bundleWorkerScript } from '../../../src-main/experiment/worker-bundle';

const smallXor = () => {
  const model = experimentExamples.find((e) => e.id === 'experiment-xor-hidden')!.build();
  return { ...model, experiment: { ...model.experiment!, replications: 2, epochs: 120 } };
};

describe('the experiment worker bundled from the sources', () => {
  it('is one piece of code that, evaluated by a worker thread, serves the runs the sources compute', async () => {
    const code = await bundleWorkerScript(new URL('../../../src-main/experiment/run-worker.ts', import.meta.url));
    expect(code).toEqual(expect.any(String));
    expect(code).not.toMatch(/^import .* from ['"]\.\.?\//m);
    const model = smallXor();
    const worker = new Worker(code!, { eval: true, workerData: { model } });
    try {
      const replies: RunReply[] = [];
      worker.on('message', (reply: RunReply) => replies.push(reply));
      worker.postMessage({ index: 3 });
      await expect.poll(() => replies.length, { timeout: 20_000 }).toBe(2);
      expect(replies).toEqual([{ ready: true }, { index: 3, result: runExperimentRun(model, planExperiment(model), 3) }]);
    } finally {
      await worker.terminate();
    }
  });

  it('is not made for a script that reads import.meta, which then loads through tsx', async () => {
    const meta = new URL('../../fixtures/experiment/meta-worker.ts', import.meta.url);
    expect(await bundleWorkerScript(meta)).toBeNull();
    expect(await bundleWorkerScript(new URL('../../fixtures/experiment/no-such-worker.ts', import.meta.url))).toBeNull();
  });

  it('starts threads that compute runs through the pool’s worker interface, and one stopped before it started never starts', async () => {
    const model = smallXor();
    const start = threadWorkerStarter(model);
    const worker = start();
    try {
      expect(await worker.run(4)).toEqual(runExperimentRun(model, planExperiment(model), 4));
    } finally {
      await worker.terminate();
    }
    const never = start();
    await never.terminate();
    await expect(never.run(0)).rejects.toThrow(/stopped/);
  });
});
