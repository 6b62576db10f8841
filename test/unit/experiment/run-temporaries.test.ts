/**
 * Temporaries of run files left by a killed experiment: removed with one listing when an experiment
 * (or a share of its runs) starts — only its own runs', since a cluster's array tasks share the folder —
 * and not looked for again as each run is written.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { experimentExamples } from '../../../src-shared/data/experiment-examples';
import { runExperiment } from '../../../src-main/experiment/run-experiment';
import { removeStaleRunTemporaries, writeRun } from '../../../src-main/experiment/results-folder';
import type { RunResult } from '../../../src-shared/experiment/run-one';

async function endedPid(): Promise<number> {
  const ended = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => ended.once('exit', resolve));
  return ended.pid!;
}

describe('temporaries of run files', () => {
  it('go when the runs they belong to start, and only theirs', async () => {
    const root = await mkdtemp(join(tmpdir(), 'bplab-run-temporaries-'));
    try {
      const model = experimentExamples.find((e) => e.id === 'experiment-xor-hidden')!.build();
      const small = { ...model, experiment: { ...model.experiment!, replications: 2, epochs: 50 } };
      const dir = join(root, 'xor.results');
      const dead = await endedPid();
      await runExperiment({ model: small, dir, jobs: 1, merge: false, range: { first: 0, last: 0 } });
      const left = [
        `.run-00001.json.${dead}.1a2b3c4d.tmp`, // run 1's, of a process that ended: goes
        `.run-00002.failed.json.${dead}.00000000.tmp`, // run 2's failure record's: goes
        `.run-00001.json.${process.pid}.5e6f7a8b.tmp`, // this process's own: stays
        `.run-00005.json.${dead}.1a2b3c4d.tmp`, // run 5 is not in this share: stays
        `.notes.txt.${dead}.1a2b3c4d.tmp`, // not a run file's: stays
      ];
      for (const name of left) await writeFile(join(dir, 'runs', name), 'x');
      const outcome = await runExperiment({ model: small, dir, jobs: 1, merge: false, range: { first: 1, last: 3 } });
      expect(outcome).toMatchObject({ finished: 3, failed: 0 });
      const names = (await readdir(join(dir, 'runs'))).sort();
      expect(names).toEqual(['run-00000.json', 'run-00001.json', 'run-00002.json', 'run-00003.json', ...left.slice(2)].sort());
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('are looked for by writeRun unless it is told the sweep was done', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bplab-run-temporaries-'));
    try {
      await mkdir(join(dir, 'runs'));
      const stale = `.run-00000.json.${await endedPid()}.1a2b3c4d.tmp`;
      await writeFile(join(dir, 'runs', stale), 'x');
      const run = { index: 0 } as RunResult;
      await writeRun(dir, run, { sweep: false });
      expect(await readdir(join(dir, 'runs'))).toContain(stale);
      await writeRun(dir, run);
      expect(await readdir(join(dir, 'runs'))).not.toContain(stale);
      await writeFile(join(dir, 'runs', stale), 'x');
      await removeStaleRunTemporaries(dir, [0]);
      expect((await readdir(join(dir, 'runs'))).sort()).toEqual(['run-00000.json']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
