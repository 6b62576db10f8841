/**
 * The Representations tab's views over training, on the pinned Rumelhart network
 * (test/fixtures/model/rumelhart-graph-v3.bplab) trained with snapshots: the PCA trajectories against each
 * snapshot's representation projected by hand with ml-matrix, RSA over the snapshots against Spearman's ρ
 * computed here (ranks and Pearson written out), other layers that group the patterns differently refused,
 * and model RDMs read from CSV files, wrong-shaped ones refused naming the row and column.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { layerRepresentation } from '../../../src-shared/analysis/representations/layer-patterns';
import { FrameCache, framesOf, framesToShow } from '../../../src-shared/analysis/representations/over-training';
import { alignModelRdm, readModelRdm } from '../../../src-shared/analysis/representations/model-rdm';
import { principalComponents } from '../../../src-shared/analysis/representations/pca';
import { rsaOverTraining } from '../../../src-shared/analysis/representations/rsa-over-training';
import { pcaTrajectories, trajectoryRows } from '../../../src-shared/analysis/representations/trajectories';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import { parseModelText } from '../../../src-shared/model/parse';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { modelAtSnapshot } from '../../../src-shared/model/snapshots';

const FIXTURE = fileURLToPath(new URL('../../fixtures/model/rumelhart-graph-v3.bplab', import.meta.url));
const ITEMS = ['pine', 'oak', 'rose', 'daisy', 'robin', 'canary', 'sunfish', 'salmon'];
const REPRESENTATION = 2;
const HIDDEN = 3;

function trainedWithSnapshots(epochs: number, every: number): ModelDocument {
  const parsed = parseModelText(readFileSync(FIXTURE, 'utf8'));
  if (!parsed.ok) throw new Error('the pinned Rumelhart network does not load');
  const run = new GraphRun(parsed.model);
  run.configure({ snapshots: { kind: 'every', epochs: every } });
  run.advance(Number.MAX_SAFE_INTEGER, epochs);
  return run.toModel();
}

const model = trainedWithSnapshots(130, 20);
const state = model.state!;
const shown = { epoch: state.epoch, weights: state.weights, biases: state.biases };
const frames = framesOf(model, framesToShow(state.snapshots ?? [], shown));

/** Ranks from 1, ties the mean of their positions: written out here, apart from rdm.ts's. */
function ranks(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return values.map((v) => {
    const first = sorted.indexOf(v);
    const last = sorted.lastIndexOf(v);
    return (first + last) / 2 + 1;
  });
}

function spearman(a: readonly number[], b: readonly number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (x: readonly number[]) => x.reduce((s, v) => s + v, 0) / x.length;
  const [ma, mb] = [mean(ra), mean(rb)];
  let ab = 0;
  let aa = 0;
  let bb = 0;
  ra.forEach((_, i) => {
    ab += (ra[i] - ma) * (rb[i] - mb);
    aa += (ra[i] - ma) ** 2;
    bb += (rb[i] - mb) ** 2;
  });
  return ab / Math.sqrt(aa * bb);
}

/** The pairs p < q of a matrix of points, by the Euclidean distance: an RDM's upper triangle, by hand. */
function euclideanPairs(rows: readonly (readonly number[])[]): number[] {
  const out: number[] = [];
  for (let p = 0; p < rows.length; p++) {
    for (let q = p + 1; q < rows.length; q++) out.push(Math.hypot(...rows[p].map((x, u) => x - rows[q][u])));
  }
  return out;
}

describe('frames over training', () => {
  it('are the snapshots before the epoch shown, then the weights shown, counted once', () => {
    expect(state.epoch).toBe(130);
    expect(frames.map((f) => f.epoch)).toEqual([0, 20, 40, 60, 80, 100, 120, 130]);
    const atSnapshot = { ...shown, epoch: 120 };
    expect(framesToShow(state.snapshots!, atSnapshot).map((f) => f.epoch)).toEqual([0, 20, 40, 60, 80, 100, 120]);
  });
});

describe('PCA trajectories', () => {
  it('are each snapshot’s representations projected on the current epoch’s basis, as ml-matrix projects them', () => {
    const basis = principalComponents(layerRepresentation(model, REPRESENTATION).activations);
    const trajectories = pcaTrajectories(model, frames, REPRESENTATION, basis);
    expect(trajectories.labels).toEqual(ITEMS);
    expect(trajectories.epochs).toEqual(frames.map((f) => f.epoch));
    const components = new Matrix(basis.components.slice(0, 2)).transpose();
    frames.forEach((frame, f) => {
      const atEpoch = frame.epoch === state.epoch ? model : modelAtSnapshot(model, frame.epoch);
      const activations = new Matrix(layerRepresentation(atEpoch, REPRESENTATION).activations);
      const centred = activations.subRowVector(basis.mean);
      const scores = centred.mmul(components);
      ITEMS.forEach((_, p) => {
        expect(trajectories.paths[p][f][0]).toBeCloseTo(scores.get(p, 0), 12);
        expect(trajectories.paths[p][f][1]).toBeCloseTo(scores.get(p, 1), 12);
      });
    });
    // The paths end at the scatter's points: the current epoch's own PCA scores.
    ITEMS.forEach((_, p) => {
      expect(trajectories.paths[p].at(-1)![0]).toBeCloseTo(basis.scores[p][0], 12);
    });
    // Training moves the items apart: at the end they lie much farther from their centroid than at epoch 0.
    const spread = (f: number) => {
      const centroid = [0, 1].map((k) => trajectories.paths.reduce((sum, path) => sum + path[f][k], 0) / ITEMS.length);
      return Math.max(...trajectories.paths.map((path) => Math.hypot(path[f][0] - centroid[0], path[f][1] - centroid[1])));
    };
    expect(spread(frames.length - 1)).toBeGreaterThan(5 * spread(0));
    const rows = trajectoryRows(trajectories);
    expect(rows).toHaveLength(frames.length * ITEMS.length);
    expect(rows[ITEMS.length + 4]).toEqual([20, 'robin', trajectories.paths[4][1][0], trajectories.paths[4][1][1]]);
  });
});

describe('RSA over training', () => {
  it('with the targets is Spearman’s ρ between the representation’s distances and the items’ mean targets’ at every snapshot', () => {
    const points = rsaOverTraining(model, frames, REPRESENTATION, 'euclidean', { kind: 'targets' });
    expect(points.map((p) => p.epoch)).toEqual(frames.map((f) => f.epoch));
    // Each item's four patterns (one per relation), their targets averaged.
    const targets = ITEMS.map((item) => {
      const own = model.patterns.filter((pattern) => pattern.name.split(' ')[0] === item);
      expect(own).toHaveLength(4);
      return own[0].target.map((_, k) => own.reduce((sum, pattern) => sum + pattern.target[k]!, 0) / 4);
    });
    const targetPairs = euclideanPairs(targets);
    points.forEach((point) => {
      const atEpoch = point.epoch === state.epoch ? model : modelAtSnapshot(model, point.epoch);
      const expected = spearman(euclideanPairs(layerRepresentation(atEpoch, REPRESENTATION).activations), targetPairs);
      expect(point.rsa.spearman).not.toBeNull();
      expect(point.rsa.spearman!).toBeCloseTo(expected, 12);
    });
    // The representation comes to mirror the items' attributes as training goes on.
    expect(points.at(-1)!.rsa.spearman!).toBeGreaterThan(0.6);
    expect(points.at(-1)!.rsa.spearman!).toBeGreaterThan(points[0].rsa.spearman! + 0.3);
  });

  it('with a layer that groups the patterns differently says so instead of a number', () => {
    const points = rsaOverTraining(model, frames, REPRESENTATION, 'correlation', { kind: 'layer', layer: HIDDEN });
    for (const point of points) {
      expect(point.rsa.spearman).toBeNull();
      expect((point.rsa as { because: string }).because).toBe(
        'layer 2 (representation) has 8 points and layer 3 (hidden) 32: they group the patterns by different inputs, so their RDMs compare different points and cannot be correlated',
      );
    }
  });

  it('with another layer over the same points compares the two layers at each frame', () => {
    // The hidden and attribute layers both see item and relation: 32 points each.
    const ATTRIBUTES = 4;
    const points = rsaOverTraining(model, frames, HIDDEN, 'euclidean', { kind: 'layer', layer: ATTRIBUTES });
    points.forEach((point, f) => {
      const rows = (j: number) => frames[f].all.map((pattern) => pattern[j]);
      expect(point.rsa.spearman!).toBeCloseTo(spearman(euclideanPairs(rows(HIDDEN)), euclideanPairs(rows(ATTRIBUTES))), 12);
    });
  });

  it('with the inputs that reach the layer: the items’ one-hot codes are all equally far apart, which RSA cannot rank', () => {
    const points = rsaOverTraining(model, frames, REPRESENTATION, 'euclidean', { kind: 'inputs' });
    expect(points[0].rsa).toEqual({ spearman: null, because: 'one RDM has all its distances equal' });
  });

  it('with a model RDM from a file, in the file’s own order of items', () => {
    // Plants near plants, animals near animals, trees nearer trees: 1, 2 and 3 apart.
    const order = ['salmon', ...ITEMS.slice(0, 7)];
    const group = (item: string) => Math.floor(ITEMS.indexOf(item) / 2);
    const distance = (a: string, b: string) => (a === b ? 0 : group(a) === group(b) ? 1 : Math.floor(group(a) / 2) === Math.floor(group(b) / 2) ? 2 : 3);
    const text = [',' + order.join(','), ...order.map((a) => [a, ...order.map((b) => distance(a, b))].join(','))].join('\n');
    const rdm = readModelRdm(text, 'taxonomy.csv');
    expect(rdm.labels).toEqual(order);
    const points = rsaOverTraining(model, frames, REPRESENTATION, 'euclidean', { kind: 'model', rdm });
    const modelPairs: number[] = [];
    ITEMS.forEach((a, p) => ITEMS.slice(p + 1).forEach((b) => modelPairs.push(distance(a, b))));
    points.forEach((point) => {
      const atEpoch = point.epoch === state.epoch ? model : modelAtSnapshot(model, point.epoch);
      expect(point.rsa.spearman!).toBeCloseTo(spearman(euclideanPairs(layerRepresentation(atEpoch, REPRESENTATION).activations), modelPairs), 12);
    });
    // Against the hidden layer's 32 points, the file's 8 names do not fit: said, not drawn.
    const hidden = rsaOverTraining(model, frames.slice(-1), HIDDEN, 'euclidean', { kind: 'model', rdm });
    expect((hidden[0].rsa as { because: string }).because).toMatch(/^taxonomy\.csv does not fit this layer’s 32 points: it has no row or column for "pine isa"/);
  });
});

describe('model RDM files', () => {
  const good = ',a,b,c\na,0,1,2\nb,1,0,3\nc,2,3,0\n';

  it('reads a square, symmetric, labelled matrix, comma, tab or semicolon separated', () => {
    expect(readModelRdm(good, 'm.csv')).toEqual({ file: 'm.csv', labels: ['a', 'b', 'c'], values: [[0, 1, 2], [1, 0, 3], [2, 3, 0]] });
    expect(readModelRdm(good.replaceAll(',', '\t'), 'm.tsv').values).toEqual([[0, 1, 2], [1, 0, 3], [2, 3, 0]]);
    expect(readModelRdm(good.replaceAll(',', ';'), 'm.csv').labels).toEqual(['a', 'b', 'c']);
    expect(alignModelRdm(readModelRdm(good, 'm.csv'), ['c', 'a', 'b'])).toEqual({ values: [[0, 2, 3], [2, 0, 1], [3, 1, 0]] });
  });

  it('refuses a wrong-shaped or wrong file, naming the row and column', () => {
    expect(() => readModelRdm(',a,b,c\na,0,1,2\nb,1,0,3\n', 'm.csv')).toThrow('m.csv, line 3, column 1: the matrix is not square: 3 columns (a, b, c) but 2 rows');
    expect(() => readModelRdm(good + 'd,1,1,1\n', 'm.csv')).toThrow('m.csv, line 5, column 1: the matrix is not square: 3 columns (a, b, c) but 4 rows');
    expect(() => readModelRdm(',a,b,c\na,0,1,2\nc,1,0,3\nb,2,3,0\n', 'm.csv')).toThrow('m.csv, line 3, column 1: row 2 is named "c" but column 2 is "b"');
    expect(() => readModelRdm(',a,b,c\na,0,1,2\nb,1,0\nc,2,3,0\n', 'm.csv')).toThrow('m.csv, line 3, column 6: row "b" has 2 values, expected 3');
    expect(() => readModelRdm(',a,b,c\na,0,1,x\nb,1,0,3\nc,2,3,0\n', 'm.csv')).toThrow('m.csv, line 2, column 7: row "a", column "c": "x" is not a number');
    expect(() => readModelRdm(',a,b,c\na,0,1,2\nb,1,0,3\nc,2,4,0\n', 'm.csv')).toThrow('m.csv, line 4, column 5: the matrix is not symmetric: row "b", column "c" is 3 but row "c", column "b" is 4');
    expect(() => readModelRdm(',a,b\na,0,1\nb,1,0\n', 'm.csv')).toThrow('the header row names 2 columns: RSA needs at least 3 patterns');
    expect(() => readModelRdm(',a,a,c\na,0,1,2\na,1,0,3\nc,2,3,0\n', 'm.csv')).toThrow('column "a" is named twice');
    expect(() => readModelRdm(',a,b,c\na,0,-1,2\nb,-1,0,3\nc,2,3,0\n', 'm.csv')).toThrow('a dissimilarity cannot be negative');
    expect(alignModelRdm(readModelRdm(good, 'm.csv'), ['a', 'b', 'd'])).toEqual({
      because: 'm.csv does not fit this layer’s 3 points: it has no row or column for "d"; its "c" is not among the layer’s points',
    });
  });
});

describe('the frame cache', () => {
  it('keeps a snapshot’s activations while its numbers stay the same, and works out new or changed ones', () => {
    const cache = new FrameCache(model);
    const snapshots = state.snapshots!;
    const first = cache.frames(snapshots.slice(0, 3));
    expect(first.map((f) => f.all)).toEqual(framesOf(model, snapshots.slice(0, 3)).map((f) => f.all));
    // The trainer's next report: copies of the same snapshots, and one more.
    const again = cache.frames(structuredClone(snapshots.slice(0, 4)));
    expect(again[0]).toBe(first[0]);
    expect(again[2]).toBe(first[2]);
    expect(again[3].all).toEqual(framesOf(model, [snapshots[3]])[0].all);
    // A run started over: epoch 20 with other weights is worked out again.
    const changed = structuredClone(snapshots.slice(0, 2));
    changed[1].weights[0][0][0] += 0.5;
    const redone = cache.frames(changed);
    expect(redone[0]).toBe(first[0]);
    expect(redone[1]).not.toBe(first[1]);
    expect(redone[1].all).toEqual(framesOf(model, [changed[1]])[0].all);
    expect(redone[1].all).not.toEqual(first[1].all);
  });
});
