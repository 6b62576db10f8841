import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { Simulation } from '../../../src-shared/engine/simulation';
import {
  downsample,
  formatMagnitude,
  hintonSquares,
  largestMagnitude,
  projectionScales,
  projectionsOf,
  scaleNote,
  squareSide,
  unitLabel,
  weightSign,
  weightsFitLayers,
} from '../../../src-renderer/weights/hinton';
import { unitExists, unitWeights } from '../../../src-renderer/weights/unit-weights';
import { weightsToShow } from '../../../src-renderer/weights/weights-source';

const example = (id: string) => findExample(id)!.build();

describe('a Hinton square', () => {
  it('has an area proportional to |w|: the side is √(|w| / scale) of the cell', () => {
    expect(squareSide(2, 2)).toBe(1);
    expect(squareSide(-2, 2)).toBe(1);
    expect(squareSide(0.5, 2)).toBeCloseTo(0.5, 12);
    // Four times the weight, twice the side, four times the area.
    const small = squareSide(0.1, 3);
    const large = squareSide(0.4, 3);
    expect(large / small).toBeCloseTo(2, 12);
    expect((large * large) / (small * small)).toBeCloseTo(4, 12);
  });

  it('is empty for a zero weight or a zero scale, and never overflows its cell', () => {
    expect(squareSide(0, 1)).toBe(0);
    expect(squareSide(1, 0)).toBe(0);
    expect(squareSide(5, 1)).toBe(1);
  });

  it('is filled for a positive weight, outlined for a negative one', () => {
    expect(weightSign(0.3)).toBe('positive');
    expect(weightSign(-0.3)).toBe('negative');
    expect(weightSign(0)).toBe('zero');
  });
});

describe('a projection', () => {
  const projection = { weights: [[1, -2], [0.5, 0]], biases: [-4, 3] };

  it('has one square per weight, row by row, each row ending with its bias', () => {
    const squares = hintonSquares(projection, 4);
    expect(squares.map((s) => [s.row, s.column, s.value])).toEqual([
      [0, 0, 1], [0, 1, -2], [0, 'bias', -4],
      [1, 0, 0.5], [1, 1, 0], [1, 'bias', 3],
    ]);
    expect(squares.map((s) => s.sign)).toEqual(['positive', 'negative', 'negative', 'positive', 'zero', 'positive']);
    expect(squares[2].side).toBe(1);
    expect(squares[0].side).toBeCloseTo(0.5, 12);
  });

  it('draws no bias column where the receiving layer has no bias', () => {
    expect(hintonSquares({ weights: projection.weights, biases: null }, 2)).toHaveLength(4);
  });

  it('is scaled by its own largest |w|, or by the largest of all when the scale is shared', () => {
    const other = { weights: [[0.25]], biases: null };
    expect(largestMagnitude(projection)).toBe(4);
    expect(largestMagnitude({ weights: projection.weights, biases: null })).toBe(2);
    expect(projectionScales([projection, other], 'per-projection')).toEqual([4, 0.25]);
    expect(projectionScales([projection, other], 'shared')).toEqual([4, 4]);
    expect(projectionScales([], 'shared')).toEqual([]);
  });

  it('says what the largest square stands for', () => {
    expect(scaleNote(2.3149)).toBe('largest square = |w| 2.31');
    expect(formatMagnitude(0)).toBe('0');
    expect(formatMagnitude(0.000123)).toBe('1.23e-4');
    expect(formatMagnitude(123456)).toBe('1.23e+5');
  });
});

describe('the projections of a model', () => {
  it('hold exactly the weights and biases of the engine’s state, biases only where a layer has them', () => {
    const model = example('encoder-8-3-8');
    const state = new Simulation(model).state();
    const projections = projectionsOf(model.layers, state.weights, state.biases);
    expect(projections).toHaveLength(2);
    expect(projections[0].weights).toEqual(state.weights[0]);
    expect(projections[1].biases).toEqual(state.biases[1]);
    // 3×8 + 3 biases and 8×3 + 8 biases.
    expect(projections.map((p) => hintonSquares(p, largestMagnitude(p)).length)).toEqual([27, 32]);
    const signs = hintonSquares(projections[1], 1).map((s) => s.sign);
    const values = [...state.weights[1].flatMap((row, i) => [...row, state.biases[1][i]])];
    expect(signs.filter((s) => s === 'positive')).toHaveLength(values.filter((v) => v > 0).length);
    expect(signs.filter((s) => s === 'negative')).toHaveLength(values.filter((v) => v < 0).length);

    const linear = example('semantic');
    const linearState = new Simulation(linear).state();
    expect(projectionsOf(linear.layers, linearState.weights, linearState.biases).map((p) => p.biases)).toEqual([null, null]);
  });

  it('refuses weights of other shapes (a view from before an architecture change)', () => {
    const model = example('xor');
    const { weights } = new Simulation(model).state();
    expect(weightsFitLayers(model.layers, weights)).toBe(true);
    expect(weightsFitLayers(example('encoder-8-3-8').layers, weights)).toBe(false);
    expect(weightsFitLayers(model.layers, weights.slice(1))).toBe(false);
  });

  it('names units by the layer’s unit names, else by number from 1', () => {
    const model = example('rumelhart');
    expect(unitLabel(model.layers[0], 0)).toBe(model.layers[0].unitNames![0]);
    expect(unitLabel(example('xor').layers[1], 1)).toBe('2');
  });
});

describe('a unit’s weights', () => {
  const model = example('xor');
  const { weights, biases } = new Simulation(model).state();

  it('are the unit’s row of the projection into it, its bias, and its column of the projection out of it', () => {
    const hidden = unitWeights(model.layers, weights, biases, { layer: 1, unit: 1 });
    expect(hidden.incoming.map((c) => c.value)).toEqual(weights[0][1]);
    expect(hidden.incoming.map((c) => c.label)).toEqual(['1', '2']);
    expect(hidden.bias).toBe(biases[0][1]);
    expect(hidden.outgoing.map((c) => c.value)).toEqual([weights[1][0][1]]);
  });

  it('of an input unit are only outgoing, of an output unit only incoming', () => {
    const input = unitWeights(model.layers, weights, biases, { layer: 0, unit: 0 });
    expect(input.incoming).toEqual([]);
    expect(input.bias).toBeNull();
    expect(input.outgoing.map((c) => c.value)).toEqual([weights[0][0][0], weights[0][1][0]]);
    const output = unitWeights(model.layers, weights, biases, { layer: 2, unit: 0 });
    expect(output.outgoing).toEqual([]);
    expect(output.bias).toBe(biases[1][0]);
  });

  it('belong to a unit that still exists', () => {
    expect(unitExists(model.layers, { layer: 2, unit: 0 })).toBe(true);
    expect(unitExists(model.layers, { layer: 2, unit: 1 })).toBe(false);
    expect(unitExists(model.layers, { layer: 3, unit: 0 })).toBe(false);
    expect(unitExists(model.layers, null)).toBe(false);
  });
});

describe('the weights shown', () => {
  const model = example('xor');
  const state = new Simulation(model).state();

  it('are the trainer’s when they fit, the seed’s initial ones at epoch 0, else the document’s', () => {
    const live = { epoch: 12, weights: state.weights, biases: state.biases };
    expect(weightsToShow(model.layers, live, null)?.origin).toBe('trained');
    expect(weightsToShow(model.layers, { ...live, epoch: 0 }, null)?.origin).toBe('initial');
    expect(weightsToShow(model.layers, null, { ...state, epoch: 40 })).toMatchObject({ origin: 'saved', epoch: 40 });
    expect(weightsToShow(example('encoder-8-3-8').layers, live, null)).toBeNull();
    expect(weightsToShow(model.layers, null, null)).toBeNull();
  });
});

describe('a projection too big to draw weight by weight', () => {
  it('is cut into blocks that keep their strongest weight, sign and all', () => {
    const weights = [
      [0.1, -0.9, 0.2],
      [0.3, 0.4, 0.5],
      [-0.2, 0.1, 0.05],
    ];
    const blocks = downsample(weights, 2);
    expect(blocks).toMatchObject({ rows: 2, columns: 2, blockRows: 2, blockColumns: 2 });
    expect([...blocks.values]).toEqual([-0.9, 0.5, -0.2, 0.05]);
    const whole = downsample(weights, 8);
    expect(whole.blockRows).toBe(1);
    expect([...whole.values]).toEqual(weights.flat());
  });
});
