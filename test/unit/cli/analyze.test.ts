/**
 * `cli analyze`: each table's numbers checked against the activations and weights read another way. The
 * four-item network is pinned here (λ = 0.02, σ = 0.01, seed 1), so later changes to the example do not move it.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../support/cli-harness';
import { patternActivations, networkWithWeights } from '../../../src-shared/data/export/activations';
import { estimatedInitialStrengths, inputOutputModes, modeStrengths } from '../../../src-shared/engine/modes';
import { findExample } from '../../../src-shared/data/examples';
import { parseModelText } from '../../../src-shared/model/parse';
import { serializeModel } from '../../../src-shared/model/serialize';
import type { ModelDocument } from '../../../src-shared/model/schema';

let dir: string;
let trainedFile: string;
let trained: ModelDocument;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bplab-analyze-'));
  const untrained = join(dir, 'semantic.bplab');
  const example = findExample('semantic')!.build();
  // Pinned as the example stood when these numbers were worked out (16 hidden units, λ = 0.02), so later
  // changes to the example do not move the test.
  const pinned: ModelDocument = {
    ...example,
    layers: example.layers.map((layer) => (layer.kind === 'hidden' ? { ...layer, units: 16 } : layer)),
    training: { ...example.training, learningRate: 0.02, init: { kind: 'gaussian', sd: 0.01 }, seed: 1, errorCriterion: 0.01, maxEpochs: 1000 },
  };
  await writeFile(untrained, serializeModel(pinned));
  trainedFile = join(dir, 'semantic-150.bplab');
  expect((await cli('train', untrained, '--epochs', '150', '--out', trainedFile)).code).toBe(0);
  const parsed = parseModelText(await readFile(trainedFile, 'utf8'));
  if (!parsed.ok) throw new Error('trained model refused');
  trained = parsed.model;
});

async function table(...args: string[]): Promise<{ rows: Record<string, string>[]; err: string; header: string[] }> {
  const out = join(dir, `${args.join('_').replace(/[^a-z0-9]+/gi, '_')}.csv`);
  const result = await cli('analyze', trainedFile, ...args, '--out', out);
  expect(result.code, result.err).toBe(0);
  expect(result.out).toBe(`wrote ${out}\n`);
  const parsed = Papa.parse<Record<string, string>>(await readFile(out, 'utf8'), { header: true, skipEmptyLines: true });
  return { rows: parsed.data, err: result.err, header: parsed.meta.fields ?? [] };
}

describe('cli analyze', () => {
  it('--pca: each pattern’s scores keep its distance from the mean (a rotation), and the shares sum to 1', async () => {
    const { rows, header } = await table('--pca');
    expect(header).toEqual(['layer', 'pattern', 'component', 'score', 'explained_variance']);
    const hidden = patternActivations(trained).map((layers) => layers[1]);
    const mean = hidden[0].map((_, u) => hidden.reduce((s, row) => s + row[u], 0) / hidden.length);
    expect(new Set(rows.map((r) => r.component))).toEqual(new Set(['1', '2', '3'])); // 4 patterns: 3 components
    trained.patterns.forEach((pattern, p) => {
      const mine = rows.filter((r) => r.pattern === pattern.name);
      const squaredScores = mine.reduce((s, r) => s + Number(r.score) ** 2, 0);
      const squaredDistance = hidden[p].reduce((s, x, u) => s + (x - mean[u]) ** 2, 0);
      expect(squaredScores).toBeCloseTo(squaredDistance, 12);
    });
    const shares = rows.filter((r) => r.pattern === 'canary').map((r) => Number(r.explained_variance));
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(shares[0]).toBeGreaterThan(shares[1]);
  });

  it('--rdm --distance euclidean: the distances between the hidden activations', async () => {
    const { rows } = await table('--rdm', '--distance', 'euclidean', '--layer', '1');
    const hidden = patternActivations(trained).map((layers) => layers[1]);
    expect(rows).toHaveLength(16);
    const names = trained.patterns.map((p) => p.name);
    for (const row of rows) {
      const a = hidden[names.indexOf(row.pattern_a)];
      const b = hidden[names.indexOf(row.pattern_b)];
      expect(Number(row.dissimilarity)).toBeCloseTo(Math.sqrt(a.reduce((s, x, u) => s + (x - b[u]) ** 2, 0)), 12);
      expect(row.distance).toBe('euclidean');
    }
  });

  it('--cluster: P − 1 merges in scipy’s numbering, plants and animals apart before they join', async () => {
    const { rows, header } = await table('--cluster', '--linkage', 'average');
    expect(header).toEqual(['layer', 'linkage', 'distance', 'merge', 'left', 'right', 'left_label', 'right_label', 'height', 'size']);
    expect(rows.map((r) => r.size)).toEqual(['2', '2', '4']);
    const pairs = rows.slice(0, 2).map((r) => [r.left_label, r.right_label].sort().join('+')).sort();
    expect(pairs).toEqual(['canary+salmon', 'oak+rose']);
    expect(rows[2]).toMatchObject({ left: '4', right: '5', left_label: 'merge 1', right_label: 'merge 2' });
    expect(Number(rows[2].height)).toBeGreaterThan(Number(rows[1].height));
  });

  it('--mds: two centred coordinates per pattern, each dimension’s eigenvalue its sum of squares', async () => {
    const { rows } = await table('--mds', '--distance', 'euclidean');
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.dimension === '1' || r.dimension === '2')).toBe(true);
    const first = rows.filter((r) => r.dimension === '1').map((r) => Number(r.coordinate));
    expect(first.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12); // centred
    expect(Number(rows[0].eigenvalue)).toBeCloseTo(first.reduce((s, x) => s + x * x, 0), 12);
  });

  it('--modes: strengths from the weights, a_0 from the seed’s initial weights, the analytic curve beside them', async () => {
    const { rows, err } = await table('--modes');
    const modes = inputOutputModes(trained.patterns);
    const network = networkWithWeights(trained);
    const strengths = modeStrengths(network.weights, network.sizes, modes);
    const start = networkWithWeights({ ...trained, state: null });
    const a0 = estimatedInitialStrengths(start.weights, start.sizes, modes);
    expect(rows.map((r) => r.subspace)).toEqual(['1', '2', '3', '3']);
    rows.forEach((row, alpha) => {
      expect(Number(row.singular_value)).toBeCloseTo(modes.strengths[alpha], 12);
      expect(Number(row.strength)).toBeCloseTo(strengths[alpha], 12);
      expect(Number(row.a0)).toBeCloseTo(a0[alpha], 14);
      expect(row.strength_kind).toBe('linear map');
      expect(row.epoch).toBe('150');
    });
    // The strongest mode is learned by epoch 150 at λ = 0.02, the weakest is not, and the formula agrees.
    expect(Number(rows[0].strength) / Math.sqrt(7)).toBeGreaterThan(0.99);
    expect(Number(rows[0].predicted_strength) / Math.sqrt(7)).toBeGreaterThan(0.99);
    expect(Number(rows[3].half_time)).toBeGreaterThan(150);
    expect(err).toMatch(/λ s_max = 0\.0529: above about 5·10⁻⁴/);
    expect(err).toMatch(/read subspace_strength/);
  });

  it('--modes on a network the theory does not cover: descriptive strengths, no analytic columns, and why', async () => {
    const file = join(dir, 'rumelhart.bplab');
    await writeFile(file, (await cli('example', 'rumelhart')).out);
    const out = join(dir, 'rumelhart-modes.csv');
    const result = await cli('analyze', file, '--modes', '--out', out);
    expect(result.code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(await readFile(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows.every((r) => r.strength_kind === 'descriptive' && r.a0 === '' && r.half_time === '')).toBe(true);
    expect(result.err).toMatch(/no analytic curve, as Saxe et al.'s formula does not apply: .*momentum is 0\.9, not 0/);
  });

  it('--epoch E reads the snapshot of epoch E that `train --snapshots` kept, and names the epochs there are when E has none', async () => {
    const untrained = join(dir, 'semantic-snapshots.bplab');
    await writeFile(untrained, serializeModel({ ...trained, state: null }));
    const file = join(dir, 'semantic-snapshots-60.bplab');
    expect((await cli('train', untrained, '--epochs', '60', '--snapshots', '20', '--out', file)).code).toBe(0);
    const parsed = parseModelText(await readFile(file, 'utf8'));
    if (!parsed.ok) throw new Error('refused');
    const snapshot = parsed.model.state!.snapshots!.find((s) => s.epoch === 40)!;
    expect(parsed.model.state!.snapshots!.map((s) => s.epoch)).toEqual([0, 20, 40, 60]);
    const out = join(dir, 'semantic-40-rdm.csv');
    expect((await cli('analyze', file, '--rdm', '--layer', '1', '--distance', 'euclidean', '--epoch', '40', '--out', out)).code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(await readFile(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
    // By hand from the snapshot's weights: the Euclidean distance between two items' representations.
    const hidden = (model: ModelDocument) => patternActivations(model).map((layers) => layers[1]);
    const atForty = hidden({ ...parsed.model, state: { ...parsed.model.state!, weights: snapshot.weights, biases: snapshot.biases } });
    const atSixty = hidden(parsed.model);
    const names = parsed.model.patterns.map((p) => p.name);
    const distance = (h: number[][], row: Record<string, string>) => {
      const [a, b] = [h[names.indexOf(row.pattern_a)], h[names.indexOf(row.pattern_b)]];
      return Math.sqrt(a.reduce((sum, x, u) => sum + (x - b[u]) ** 2, 0));
    };
    expect(rows).toHaveLength(16);
    for (const row of rows) expect(Number(row.dissimilarity)).toBeCloseTo(distance(atForty, row), 12);
    // …which are not the network's distances at epoch 60.
    expect(rows.some((row) => Math.abs(Number(row.dissimilarity) - distance(atSixty, row)) > 1e-6)).toBe(true);
    const none = await cli('analyze', file, '--rdm', '--epoch', '30', '--out', out);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/has no snapshot at epoch 30; its snapshots are at epochs 0, 20, 40 and 60/);
    // Trained on without --snapshots, the file's schedule goes on keeping them.
    const more = join(dir, 'semantic-snapshots-80.bplab');
    expect((await cli('train', file, '--epochs', '20', '--out', more)).code).toBe(0);
    const continued = parseModelText(await readFile(more, 'utf8'));
    expect(continued.ok && continued.model.state!.snapshots!.map((s) => s.epoch)).toEqual([0, 20, 40, 60, 80]);
    expect((await cli('train', untrained, '--epochs', '1', '--snapshots', 'often', '--out', file)).err).toMatch(/--snapshots must be a whole number of epochs K \(a snapshot every K\) or "log", not "often"/);
  });

  it('refuses what it cannot do, saying what and where', async () => {
    const out = join(dir, 'never.csv');
    const epoch = await cli('analyze', trainedFile, '--pca', '--epoch', '40', '--out', out);
    expect(epoch.code).toBe(1);
    expect(epoch.err).toMatch(/has no snapshot at epoch 40: its run kept no snapshots \(set a snapshot schedule in the training settings and train\) \(the network itself is at epoch 150\)/);
    expect((await cli('analyze', trainedFile, '--pca', '--epoch', '150', '--out', out)).code).toBe(0);
    expect((await cli('analyze', trainedFile, '--out', out)).err).toMatch(/say which analysis: --pca, --rdm, --cluster, --mds or --modes/);
    expect((await cli('analyze', trainedFile, '--pca', '--rdm', '--out', out)).err).toMatch(/choose one analysis, not --pca and --rdm/);
    expect((await cli('analyze', trainedFile, '--pca')).err).toMatch(/say where to write the table with --out FILE\.csv/);
    expect((await cli('analyze', trainedFile, '--pca', '--layer', '3', '--out', out)).err).toMatch(/--layer must be a whole number from 0 to 2, not "3"/);
    expect((await cli('analyze', trainedFile, '--cluster', '--linkage', 'ward', '--distance', 'correlation', '--out', out)).err)
      .toMatch(/cannot analyse .*: Ward's linkage needs Euclidean distances; these are correlation distances/);
    expect((await cli('analyze', trainedFile, '--cluster', '--linkage', 'median', '--out', out)).err).toMatch(/--linkage must be one of average, complete, single, ward, not "median"/);
  });
});
