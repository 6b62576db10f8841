/**
 * `cli analyze` on a graph network (the pinned Rumelhart file, trained a little): every mode runs, --layer
 * takes a name or an index, and the numbers are checked against the activations computed another way.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelActivations } from '../../../src-shared/analysis/representations/activations-at';
import { parseModelText } from '../../../src-shared/model/parse';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { cli } from '../../support/cli-harness';

const FIXTURE = fileURLToPath(new URL('../../fixtures/model/rumelhart-graph-v3.bplab', import.meta.url));
const ITEMS = ['pine', 'oak', 'rose', 'daisy', 'robin', 'canary', 'sunfish', 'salmon'];
let dir: string;
let file: string;
let model: ModelDocument;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bplab-analyze-graph-'));
  file = join(dir, 'rumelhart-80.bplab');
  expect((await cli('train', FIXTURE, '--epochs', '80', '--out', file)).code).toBe(0);
  const parsed = parseModelText(await readFile(file, 'utf8'));
  if (!parsed.ok) throw new Error('trained model refused');
  model = parsed.model;
});

async function table(...args: string[]): Promise<{ rows: Record<string, string>[]; err: string }> {
  const out = join(dir, `${args.join('_').replace(/[^a-z0-9]+/gi, '_')}.csv`);
  const result = await cli('analyze', file, ...args, '--out', out);
  expect(result.code, result.err).toBe(0);
  return { rows: Papa.parse<Record<string, string>>(await readFile(out, 'utf8'), { header: true, skipEmptyLines: true }).data, err: result.err };
}

/** The representation layer's activations per item, read by hand: the first pattern naming the item. */
function itemActivations(): number[][] {
  const all = modelActivations(model);
  return ITEMS.map((item) => all[model.patterns.findIndex((p) => p.name.startsWith(`${item} `))][2]);
}

describe('cli analyze on a graph network', () => {
  it('--rdm on the representation layer, named or by index: one row and column per item, Euclidean distances as computed by hand', async () => {
    const byName = await table('--rdm', '--distance', 'euclidean', '--layer', 'representation');
    const byIndex = await table('--rdm', '--distance', 'euclidean', '--layer', '2');
    expect(byName.rows).toEqual(byIndex.rows);
    expect(byName.rows).toHaveLength(64);
    expect(byName.err).toMatch(/layer 2 \(representation\) sees the same input in several patterns: 32 patterns give 8 points/);
    const h = itemActivations();
    for (const row of byName.rows) {
      const [a, b] = [ITEMS.indexOf(row.pattern_a), ITEMS.indexOf(row.pattern_b)];
      expect(Number(row.dissimilarity)).toBeCloseTo(Math.hypot(...h[a].map((x, u) => x - h[b][u])), 12);
    }
  });

  it('--pca, --mds and --cluster give one point per item of the representation layer (the default layer) and one per pattern of hidden', async () => {
    const pca = await table('--pca');
    expect([...new Set(pca.rows.map((r) => r.pattern))]).toEqual(ITEMS);
    const mds = await table('--mds', '--distance', 'euclidean');
    expect([...new Set(mds.rows.map((r) => r.pattern))]).toEqual(ITEMS);
    // Classical MDS on Euclidean distances keeps them in its two dimensions only approximately; its first
    // coordinate's spread equals the first principal component's (both the top eigenvector of the centred Gram matrix).
    const spread = (values: number[]) => values.reduce((s, x) => s + x * x, 0);
    const first = (rows: Record<string, string>[], column: string, key: string) => rows.filter((r) => r[key] === '1').map((r) => Number(r[column]));
    expect(spread(first(mds.rows, 'coordinate', 'dimension'))).toBeCloseTo(spread(first(pca.rows, 'score', 'component')), 9);
    const cluster = await table('--cluster', '--linkage', 'average', '--distance', 'euclidean');
    expect(cluster.rows).toHaveLength(ITEMS.length - 1);
    const hidden = await table('--pca', '--layer', 'Hidden');
    expect(new Set(hidden.rows.map((r) => r.pattern)).size).toBe(32);
  });

  it('--modes reads descriptive strengths from the outputs and says why there is no analytic curve', async () => {
    const modes = await table('--modes');
    expect(modes.rows.length).toBeGreaterThan(0);
    expect(modes.rows.every((r) => r.strength_kind === 'descriptive' && r.a0 === '')).toBe(true);
    expect(modes.err).toMatch(/the network is a graph: strengths are descriptive/);
    expect(modes.err).toMatch(/no analytic curve, as Saxe et al.'s formula does not apply: the network is a graph/);
  });

  it('refuses a layer it does not have, listing the layers', async () => {
    const out = join(dir, 'never.csv');
    expect((await cli('analyze', file, '--pca', '--layer', 'context', '--out', out)).err)
      .toMatch(/--layer "context" names no layer of this model: give an index or a name \(0 item, 1 relation, 2 representation, 3 hidden, 4 attributes\)/);
    expect((await cli('analyze', file, '--pca', '--layer', '5', '--out', out)).err).toMatch(/--layer must be a whole number from 0 to 4, not "5"/);
  });
});
