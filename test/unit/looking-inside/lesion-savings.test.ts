/**
 * Savings after a lesion (issue 15's done-when), through the command line: for seeds 1–10, Rumelhart's
 * network (the pinned file test/fixtures/model/rumelhart-graph-v3.bplab) trained to its criterion, then half
 * its representation units lesioned (`cli lesion --fraction 0.5`), relearns to the criterion in fewer epochs
 * than the same network takes from its initial weights — and, the stricter comparison, than the same lesioned
 * network takes from its initial weights.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRun } from '../../../src-shared/engine/training-run';
import { parseModelText } from '../../../src-shared/model/parse';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { serializeModel } from '../../../src-shared/model/serialize';
import { cli } from '../../support/cli-harness';

const FIXTURE = fileURLToPath(new URL('../../fixtures/model/rumelhart-graph-v3.bplab', import.meta.url));

async function read(file: string): Promise<ModelDocument> {
  const parsed = parseModelText(await readFile(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file} refused: ${JSON.stringify(parsed.problems)}`);
  return parsed.model;
}

/** `train FILE` to the file's criterion; the epoch it stopped at. */
async function trainToCriterion(file: string, out: string): Promise<number> {
  const trained = await cli('train', file, '--out', out);
  expect(trained.code, trained.err).toBe(0);
  expect(trained.out).toMatch(/\(stopping criterion reached\)/);
  return Number(/^epoch (\d+) /.exec(trained.out)![1]);
}

async function lesionHalf(file: string, seed: number, out: string): Promise<void> {
  const lesioned = await cli('lesion', file, '--layer', 'representation', '--fraction', '0.5', '--seed', String(seed), '--out', out);
  expect(lesioned.code, lesioned.err).toBe(0);
  expect(lesioned.out).toMatch(/^lesioned units \d, \d, \d, \d of layer 2 \(representation\); wrote /);
}

describe('savings after a lesion of Rumelhart\'s representation layer', () => {
  it('relearns in fewer epochs than the network, or the lesioned network, takes from its initial weights, for at least 8 of seeds 1–10', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bplab-savings-'));
    const fixture = await read(FIXTURE);
    const results = [];
    for (let seed = 1; seed <= 10; seed++) {
      const untrained = join(dir, `seed-${seed}.bplab`);
      await writeFile(untrained, serializeModel({ ...fixture, training: { ...fixture.training, seed } }));
      const trained = join(dir, `trained-${seed}.bplab`);
      const fromInitial = await trainToCriterion(untrained, trained);

      const lesioned = join(dir, `lesioned-${seed}.bplab`);
      await lesionHalf(trained, seed, lesioned);
      // The lesion did damage: the network no longer meets its criterion.
      const damaged = createRun(await read(lesioned)).testPass();
      expect(damaged.fractionCorrect, `seed ${seed}`).toBeLessThan(1);
      const relearned = join(dir, `relearned-${seed}.bplab`);
      const relearning = (await trainToCriterion(lesioned, relearned)) - fromInitial;
      // The lesioned units stayed silent: their outgoing weights are still 0 after relearning.
      const after = await read(relearned);
      const silent = after.projections!.flatMap((p, q) => (after.layers[p.from].name === 'representation (lesioned)' ? [q] : []));
      expect(silent).toHaveLength(1);
      expect(after.state!.weights[silent[0]].flat().every((w) => w === 0)).toBe(true);

      const lesionedAtStart = join(dir, `lesioned-start-${seed}.bplab`);
      await lesionHalf(untrained, seed, lesionedAtStart);
      const lesionedFromInitial = await trainToCriterion(lesionedAtStart, join(dir, `lesioned-trained-${seed}.bplab`));
      results.push({ seed, fromInitial, relearning, lesionedFromInitial, damagedTss: damaged.tss });
    }
    const savings = results.filter((r) => r.relearning < r.fromInitial);
    const strictSavings = results.filter((r) => r.relearning < r.lesionedFromInitial);
    expect(savings.length, JSON.stringify(results)).toBeGreaterThanOrEqual(8);
    expect(strictSavings.length, JSON.stringify(results)).toBeGreaterThanOrEqual(8);
  }, 120_000);
});
