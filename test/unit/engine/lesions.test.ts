/**
 * Lesions: the split the file can hold (lesioned units as a layer of their own, its outgoing projections zero
 * and frozen) trains exactly as the unsplit network with those units' outgoing weights held at 0 — checked
 * against an independent way of holding them: the unsplit network trained one update at a time, the
 * lesioned columns and their momentum set back to 0 after each.
 */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import { lesionUnits } from '../../../src-shared/engine/lesions/lesion-units';
import { addNoiseToUnits, scaleUnits, unitsAtRandom } from '../../../src-shared/engine/lesions/perturb-units';
import { addNoiseToProjection, lesionProjection, scaleProjection } from '../../../src-shared/engine/lesions/damage-projection';
import { createRun } from '../../../src-shared/engine/training-run';
import { checkConsistency } from '../../../src-shared/model/consistency';
import { parseModelText } from '../../../src-shared/model/parse';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { serializeModel } from '../../../src-shared/model/serialize';

const REPRESENTATION = 2;
const LESIONED = [0, 3, 4, 6];

function trained(epochs: number, changes: Partial<ModelDocument['training']> = {}): ModelDocument {
  const example = findExample('rumelhart-graph')!.build();
  const run = new GraphRun({ ...example, training: { ...example.training, ...changes } });
  run.advance(Number.MAX_SAFE_INTEGER, epochs);
  return run.toModel();
}

/** The unsplit network with the lesioned columns of representation → hidden held at 0, update by update. */
function maskedRun(model: ModelDocument, units: readonly number[], epochs: number): GraphRun {
  const q = model.projections!.findIndex((p) => p.from === REPRESENTATION);
  const zero = (run: GraphRun) => {
    const W = run.network.weights[q];
    const M = run.network.views(run.momentum).weights[q];
    const cols = model.layers[REPRESENTATION].units;
    for (let i = 0; i < W.length; i++) {
      if (units.includes(i % cols)) {
        W[i] = 0;
        M[i] = 0;
      }
    }
  };
  const run = new GraphRun(model);
  zero(run);
  while (run.epoch < epochs) {
    // Up to the next update: every updateSize patterns, and at the epoch's end.
    const position = run.patternsIntoEpoch;
    run.advance(Math.min(run.updateSize - (position % run.updateSize), run.patternCount - position), epochs);
    zero(run);
  }
  return run;
}

function roundTrip(model: ModelDocument): ModelDocument {
  const parsed = parseModelText(serializeModel(model));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.model;
}

describe('lesioning units of a hidden layer', () => {
  for (const changes of [{}, { update: 'batch' as const, learningRate: 0.02 }, { rule: 'feedback-alignment' as const }, { update: 'minibatch' as const, batchSize: 5 }]) {
    it(`trains as the network with those units' outgoing weights held at 0 (${JSON.stringify(changes)})`, () => {
      const before = trained(40, changes);
      const lesioned = roundTrip(lesionUnits(before, REPRESENTATION, LESIONED));
      expect(checkConsistency(lesioned)).toEqual([]);
      expect(lesioned.layers.map((l) => `${l.name}:${l.units}`)).toEqual(['item:8', 'relation:4', 'representation:4', 'representation (lesioned):4', 'hidden:15', 'attributes:26']);
      const split = createRun(lesioned);
      expect(split.testPass()).toEqual(maskedRun(before, LESIONED, 40).testPass());
      split.advance(Number.MAX_SAFE_INTEGER, 70);
      const masked = maskedRun(before, LESIONED, 70);
      const [a, b] = [split.testPass(), masked.testPass()];
      expect(a).toEqual(b);
      // The frozen projection is still 0; the intact units' outgoing weights did learn.
      const state = split.toModel().state!;
      const frozen = lesioned.projections!.findIndex((p) => p.from === 3);
      expect(lesioned.projections![frozen].learn).toBe(false);
      expect(state.weights[frozen].flat().every((w) => w === 0)).toBe(true);
      const intactOut = lesioned.projections!.findIndex((p) => p.from === 2 && p.to === 4);
      expect(state.weights[intactOut]).not.toEqual(lesioned.state!.weights[intactOut]);
    });
  }

  it('moves each unit\'s weights, biases and momentum to its part, and records the lesion in the damage list', () => {
    const before = trained(10);
    const after = lesionUnits(before, REPRESENTATION, [5, 1]);
    const into = before.state!.weights[0]; // item → representation, 8 × 8
    expect(after.state!.weights[0]).toEqual(into.filter((_, r) => r !== 1 && r !== 5));
    const added = after.projections!.findIndex((p) => p.to === 3);
    expect(after.state!.weights[added]).toEqual([into[1], into[5]]);
    expect(after.state!.biases[1]).toEqual([before.state!.biases[0][1], before.state!.biases[0][5]]);
    expect(after.state!.biasMomentum[0]).toEqual(before.state!.biasMomentum[0].filter((_, u) => u !== 1 && u !== 5));
    expect(after.description).toBe(before.description);
    expect(after.damage).toEqual([{ kind: 'lesion', epoch: 10, layer: 'representation', layerUnits: 8, units: [1, 5] }]);
    const again = lesionUnits(after, REPRESENTATION, [0]);
    expect(again.layers[3].name).toBe('representation (lesioned 2)');
    expect(again.damage).toEqual([...after.damage!, { kind: 'lesion', epoch: 10, layer: 'representation', layerUnits: 6, units: [0] }]);
    // The record is written right after the state, where the schema puts it, and the file loads.
    expect(Object.keys(again).indexOf('damage')).toBe(Object.keys(again).indexOf('state') + 1);
    expect(roundTrip(again).damage).toEqual(again.damage);
  });

  it('drops the snapshots of the network before the lesion (another network), and the file loads', () => {
    const example = findExample('rumelhart-graph')!.build();
    const run = new GraphRun({ ...example, training: { ...example.training, snapshots: { kind: 'log' } } });
    run.advance(Number.MAX_SAFE_INTEGER, 12);
    const before = run.toModel();
    expect(before.state!.snapshots!.length).toBeGreaterThan(1);
    for (const units of [[1, 5], [0, 1, 2, 3, 4, 5, 6, 7]]) {
      const after = roundTrip(lesionUnits(before, REPRESENTATION, units));
      expect(after.state!.snapshots).toBeUndefined();
      expect(after.training.snapshots).toEqual({ kind: 'log' });
    }
    // Scaling and noise keep the network: its snapshots still fit and stay.
    expect(roundTrip(scaleUnits(before, REPRESENTATION, [1], 0.5)).state!.snapshots).toEqual(before.state!.snapshots);
  });

  it('freezes every outgoing projection at 0 when every unit is lesioned, and lesions a chain (which becomes a graph)', () => {
    const all = lesionUnits(trained(5), REPRESENTATION, [0, 1, 2, 3, 4, 5, 6, 7]);
    expect(all.layers).toHaveLength(5);
    expect(all.projections![1]).toEqual({ from: 2, to: 3, learn: false, init: { kind: 'uniform', range: 0 } });
    expect(all.state!.weights[1].flat().every((w) => w === 0)).toBe(true);
    const chain = findExample('xor')!.build();
    const lesionedChain = lesionUnits(chain, 1, [0]);
    expect(checkConsistency(roundTrip(lesionedChain))).toEqual([]);
    const start = createRun(chain).testPass();
    const zeroed = structuredClone(createRun(chain).toModel());
    zeroed.state!.weights[1][0][0] = 0;
    expect(createRun(lesionedChain).testPass().patterns.map((p) => p.output)).toEqual(createRun(zeroed).testPass().patterns.map((p) => p.output));
    expect(start.tss).not.toBe(createRun(lesionedChain).testPass().tss);
  });

  it('refuses what it cannot lesion, saying what', () => {
    const model = trained(1);
    expect(() => lesionUnits(model, 0, [0])).toThrow(/layer 0 \(item\) is an input layer: only a hidden layer's units can be lesioned/);
    expect(() => lesionUnits(model, 2, [8])).toThrow(/layer 2 \(representation\) has units 1 … 8; there is no unit 9/);
    expect(() => lesionUnits(model, 2, [])).toThrow(/name at least one unit/);
    expect(() => lesionUnits(model, 7, [0])).toThrow(/there is no layer 7/);
  });
});

describe('scaling, noise and random choices of units', () => {
  it('scales or adds seeded noise to the chosen units\' outgoing weights only', () => {
    const model = trained(5);
    const W = model.state!.weights[1]; // representation → hidden, 15 × 8
    const scaled = scaleUnits(model, REPRESENTATION, [2], 0.5).state!.weights[1];
    scaled.forEach((row, r) => row.forEach((w, c) => expect(w).toBe(c === 2 ? W[r][c] * 0.5 : W[r][c])));
    const noisy = addNoiseToUnits(model, REPRESENTATION, [2, 4], 0.1, 7);
    expect(noisy).toEqual(addNoiseToUnits(model, REPRESENTATION, [2, 4], 0.1, 7));
    const changes = noisy.state!.weights[1].flatMap((row, r) => row.map((w, c) => ({ c, d: w - W[r][c] })));
    expect(changes.filter(({ c }) => c !== 2 && c !== 4).every(({ d }) => d === 0)).toBe(true);
    const d = changes.filter(({ c }) => c === 2 || c === 4).map(({ d }) => d);
    const sd = Math.sqrt(d.reduce((s, x) => s + x * x, 0) / d.length);
    expect(sd).toBeGreaterThan(0.05);
    expect(sd).toBeLessThan(0.2);
    expect(noisy.state!.weights[0]).toEqual(model.state!.weights[0]);
    expect(noisy.damage).toEqual([{ kind: 'noise', epoch: 5, layer: 'representation', layerUnits: 8, units: [2, 4], sd: 0.1, seed: 7 }]);
    expect(roundTrip(scaleUnits(noisy, REPRESENTATION, [4, 2], -2)).damage).toEqual([...noisy.damage!, { kind: 'scale', epoch: 5, layer: 'representation', layerUnits: 8, units: [2, 4], factor: -2 }]);
  });

  it('refuses a scaling that would put a weight beyond what a model holds', () => {
    expect(() => scaleUnits(trained(2), REPRESENTATION, [0], 1e14)).toThrow(/would make a weight out of layer "representation" .* beyond the ±1e\+12 a model holds/);
  });

  it('draws a fraction of the units from the seed, the same for the same seed', () => {
    expect(unitsAtRandom(8, 0.5, 3)).toEqual(unitsAtRandom(8, 0.5, 3));
    expect(unitsAtRandom(8, 0.5, 3)).toHaveLength(4);
    expect(new Set(unitsAtRandom(8, 0.5, 3)).size).toBe(4);
    expect(unitsAtRandom(8, 1, 3)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const draws = new Set(Array.from({ length: 20 }, (_, s) => unitsAtRandom(8, 0.5, s).join()));
    expect(draws.size).toBeGreaterThan(10);
    expect(() => unitsAtRandom(8, 0, 1)).toThrow(/above 0 and at most 1/);
  });
});

describe('damage to a whole projection', () => {
  const ALL = [0, 1, 2, 3, 4, 5, 6, 7];

  it('a lesioned projection trains as the network with its weights held at 0, and is recorded by its layers', () => {
    const before = trained(30);
    const q = before.projections!.findIndex((p) => p.from === REPRESENTATION);
    const lesioned = roundTrip(lesionProjection(before, q));
    expect(lesioned.layers).toEqual(before.layers);
    expect(lesioned.projections![q].learn).toBe(false);
    expect(lesioned.damage).toEqual([{ kind: 'lesion', epoch: 30, layer: 'representation', to: 'hidden' }]);
    const run = createRun(lesioned);
    run.advance(Number.MAX_SAFE_INTEGER, 60);
    expect(run.testPass()).toEqual(maskedRun(before, ALL, 60).testPass());
    expect(run.toModel().state!.weights[q].flat().every((w) => w === 0)).toBe(true);
  });

  it('scales every weight, or adds the noise adding it to every unit of the layer would (one outgoing projection)', () => {
    const model = trained(5);
    const q = model.projections!.findIndex((p) => p.from === REPRESENTATION);
    const W = model.state!.weights[q];
    expect(scaleProjection(model, q, 0.25).state!.weights[q]).toEqual(W.map((row) => row.map((w) => w * 0.25)));
    const noisy = addNoiseToProjection(model, q, 0.3, 5);
    expect(noisy.state!.weights[q]).toEqual(addNoiseToUnits(model, REPRESENTATION, ALL, 0.3, 5).state!.weights[q]);
    expect(noisy.state!.weights.filter((_, p) => p !== q)).toEqual(model.state!.weights.filter((_, p) => p !== q));
    expect(roundTrip(noisy).damage).toEqual([{ kind: 'noise', epoch: 5, layer: 'representation', to: 'hidden', sd: 0.3, seed: 5 }]);
    // A chain's projection: written out, the one lesioned frozen.
    const chain = lesionProjection(findExample('xor')!.build(), 1);
    expect(checkConsistency(roundTrip(chain))).toEqual([]);
    expect(chain.projections).toEqual([{ from: 0, to: 1 }, { from: 1, to: 2, learn: false, init: { kind: 'uniform', range: 0 } }]);
    expect(() => lesionProjection(model, 9)).toThrow(/there is no projection 9/);
  });
});

describe('a Reset or a new seed keeps the lesion', () => {
  /** Every weight of projection `q` is 0 (the Gaussian or uniform draw times 0 may be −0: still 0). */
  const zero = (model: ModelDocument, q: number) => model.state!.weights[q].flat().every((w) => w === 0);

  it('starts a lesioned projection at 0 and frozen from the seed, and every other one from the seed\'s weights', () => {
    const before = trained(30);
    const q = before.projections!.findIndex((p) => p.from === REPRESENTATION);
    const lesioned = roundTrip(lesionProjection(before, q));
    const run = createRun(lesioned);
    run.advance(Number.MAX_SAFE_INTEGER, 40);
    run.reset();
    const reset = run.toModel();
    expect(reset.state!.epoch).toBe(0);
    expect(zero(reset, q)).toBe(true);
    // The other projections start where the intact network's seed starts them: the lesion draws as many numbers.
    const intact = createRun(findExample('rumelhart-graph')!.build()).toModel();
    expect(reset.state!.weights.filter((_, p) => p !== q)).toEqual(intact.state!.weights.filter((_, p) => p !== q));
    expect(reset.state!.biases).toEqual(intact.state!.biases);
    // Trained on from there, it stays 0; a new seed starts it at 0 too; the saved file reloads to the same.
    run.advance(Number.MAX_SAFE_INTEGER, 20);
    expect(zero(run.toModel(), q)).toBe(true);
    run.configure({ seed: 99 });
    const reseeded = run.toModel();
    expect(reseeded.state!.epoch).toBe(0);
    expect(zero(reseeded, q)).toBe(true);
    const reloaded = roundTrip(reseeded);
    expect(reloaded.projections![q]).toEqual({ from: REPRESENTATION, to: 3, learn: false, init: { kind: 'uniform', range: 0 } });
    expect(createRun(reloaded).testPass()).toEqual(createRun(reseeded).testPass());
  });

  it('keeps split units\' outgoing projections at 0 after a reset, and all of a layer\'s, training as the masked network from the seed', () => {
    for (const units of [LESIONED, [0, 1, 2, 3, 4, 5, 6, 7]]) {
      const lesioned = roundTrip(lesionUnits(trained(20), REPRESENTATION, units));
      const frozen = lesioned.projections!.flatMap((p, q) => (p.learn === false ? [q] : []));
      expect(frozen.length).toBe(1);
      const run = createRun(lesioned);
      run.reset();
      const reset = run.toModel();
      expect(zero(reset, frozen[0])).toBe(true);
      run.advance(Number.MAX_SAFE_INTEGER, 15);
      const trainedOn = roundTrip(run.toModel());
      expect(zero(trainedOn, frozen[0])).toBe(true);
      expect(trainedOn.projections![frozen[0]]).toEqual(lesioned.projections![frozen[0]]);
    }
  });
});
