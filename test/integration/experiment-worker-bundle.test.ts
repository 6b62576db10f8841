/**
 * The app's bundled experiment worker (out/main/experiment-worker.js) under plain Node computes the same run
 * files as the TypeScript sources. `npm test` builds it first; run `npm run build` before running this alone.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { experimentExamples } from '../../src-shared/data/experiment-examples';
import { runExperiment } from '../../src-main/experiment/run-experiment';
import { threadWorkerStarter } from '../../src-main/experiment/thread-host';
import { planExperiment } from '../../src-shared/experiment/plan';
import { runExperimentRun } from '../../src-shared/experiment/run-one';
import type { RunReply } from '../../src-shared/experiment/worker-conversation';

const entry = fileURLToPath(new URL('../../out/main/experiment-worker.js', import.meta.url));

describe('the bundled experiment worker', () => {
  it('computes byte-identical run files to the TypeScript worker', async () => {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first (npm test does).`);
    const example = experimentExamples.find((e) => e.id === 'experiment-xor-hidden')!.build();
    const model = { ...example, experiment: { ...example.experiment!, replications: 2, epochs: 100 } };
    const root = await mkdtemp(join(tmpdir(), 'bplab-worker-bundle-'));
    try {
      const bundled = join(root, 'bundled');
      const sources = join(root, 'sources');
      const outcome = await runExperiment({ model, dir: bundled, jobs: 2, merge: false, startWorker: threadWorkerStarter(model, pathToFileURL(entry)) });
      expect(outcome).toMatchObject({ finished: 6, failed: 0 });
      await runExperiment({ model, dir: sources, jobs: 2, merge: false });
      const names = (await readdir(join(sources, 'runs'))).sort();
      expect((await readdir(join(bundled, 'runs'))).sort()).toEqual(names);
      for (const name of names) {
        expect(await readFile(join(bundled, 'runs', name), 'utf8'), name).toBe(await readFile(join(sources, 'runs', name), 'utf8'));
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('serves runs as a process with an IPC channel, as the desktop app’s utility processes do over their port', async () => {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first (npm test does).`);
    const example = experimentExamples.find((e) => e.id === 'experiment-xor-hidden')!.build();
    const model = { ...example, experiment: { ...example.experiment!, replications: 2, epochs: 100 } };
    const child = fork(entry, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const replies: RunReply[] = [];
    child.on('message', (reply) => replies.push(reply as RunReply));
    try {
      child.send({ model });
      child.send({ index: 5 });
      await expect.poll(() => replies.length, { timeout: 20_000 }).toBe(2);
      expect(replies).toEqual([{ ready: true }, { index: 5, result: runExperimentRun(model, planExperiment(model), 5) }]);
    } finally {
      child.kill();
    }
  });
});
