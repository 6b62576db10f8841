/**
 * Progressive differentiation in Rumelhart's network (issue 15's first done-when), read from `cli analyze`'s
 * own tables: over seeds 1–10, each trained to its criterion from the pinned file
 * test/fixtures/model/rumelhart-graph-v3.bplab (the example as it was saved, so later changes to the example
 * do not move this test), the representation layer separates plants from animals before trees from flowers
 * and before birds from fish. A split's epoch is the first at which the distance between the two groups'
 * mean representations reaches half its value at the criterion. Snapshots being a later feature, the run is
 * trained in steps of STEP epochs (`train --epochs STEP`), analysed after each.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { cli } from '../../support/cli-harness';

const FIXTURE = fileURLToPath(new URL('../../fixtures/model/rumelhart-graph-v3.bplab', import.meta.url));
/** Epochs between analyses: the splits lie 20 or more epochs apart (about 55, 95 and 125 in these runs). */
const STEP = 5;
const PLANTS = ['pine', 'oak', 'rose', 'daisy'];
const ANIMALS = ['robin', 'canary', 'sunfish', 'salmon'];
const SPLITS = {
  'plants from animals': [PLANTS, ANIMALS],
  'trees from flowers': [['pine', 'oak'], ['rose', 'daisy']],
  'birds from fish': [['robin', 'canary'], ['sunfish', 'salmon']],
} as const;
type Split = keyof typeof SPLITS;

/** The representation layer's PCA scores per item, as `cli analyze --pca` writes them (every component: a rotation of the centred activations). */
async function representationScores(file: string, out: string): Promise<Map<string, number[]>> {
  const analysed = await cli('analyze', file, '--pca', '--layer', 'representation', '--out', out);
  expect(analysed.code, analysed.err).toBe(0);
  const rows = Papa.parse<Record<string, string>>(await readFile(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
  const scores = new Map<string, number[]>();
  for (const row of rows) {
    const item = scores.get(row.pattern) ?? [];
    item[Number(row.component) - 1] = Number(row.score);
    scores.set(row.pattern, item);
  }
  return scores;
}

function groupDistance(scores: Map<string, number[]>, a: readonly string[], b: readonly string[]): number {
  const mean = (names: readonly string[]) => scores.get(names[0])!.map((_, k) => names.reduce((sum, name) => sum + scores.get(name)![k], 0) / names.length);
  const [ma, mb] = [mean(a), mean(b)];
  return Math.hypot(...ma.map((x, k) => x - mb[k]));
}

/** One seed to its criterion in steps; each split's epoch. */
async function splitEpochs(seed: number, dir: string): Promise<Record<Split, number> & { criterion: number }> {
  const file = join(dir, `seed-${seed}.bplab`);
  const table = join(dir, `seed-${seed}.csv`);
  const epochs: number[] = [];
  const distances: Record<Split, number[]> = { 'plants from animals': [], 'trees from flowers': [], 'birds from fish': [] };
  for (let step = 0; ; step++) {
    const trained = await cli('train', step === 0 ? FIXTURE : file, ...(step === 0 ? ['--seed', String(seed)] : []), '--epochs', String(STEP), '--out', file);
    expect(trained.code, trained.err).toBe(0);
    const scores = await representationScores(file, table);
    expect([...scores.keys()]).toEqual([...PLANTS, ...ANIMALS]);
    epochs.push(Number(/^epoch (\d+) /.exec(trained.out)![1]));
    for (const [split, [a, b]] of Object.entries(SPLITS) as [Split, readonly [readonly string[], readonly string[]]][]) distances[split].push(groupDistance(scores, a, b));
    if (trained.out.includes('(stopping criterion reached)')) break;
    expect(step, `seed ${seed} reaches its criterion within 3000 epochs`).toBeLessThan(3000 / STEP);
  }
  const at = (split: Split) => {
    const series = distances[split];
    const final = series[series.length - 1];
    return epochs[series.findIndex((d) => d >= final / 2)];
  };
  return { 'plants from animals': at('plants from animals'), 'trees from flowers': at('trees from flowers'), 'birds from fish': at('birds from fish'), criterion: epochs[epochs.length - 1] };
}

describe('Rumelhart\'s network differentiates its items progressively', () => {
  it('separates plants from animals before trees from flowers and birds from fish, for seeds 1–10', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bplab-rumelhart-'));
    const results = [];
    for (let seed = 1; seed <= 10; seed++) results.push({ seed, ...(await splitEpochs(seed, dir)) });
    for (const result of results) {
      expect(result['plants from animals'], `seed ${result.seed}`).toBeLessThan(result['trees from flowers']);
      expect(result['plants from animals'], `seed ${result.seed}`).toBeLessThan(result['birds from fish']);
      // Every split happens before the criterion, so its half-way point is a point of learning, not of the end.
      expect(result['birds from fish'], `seed ${result.seed}`).toBeLessThan(result.criterion);
    }
  }, 120_000);
});
