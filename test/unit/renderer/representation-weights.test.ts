/** The Representations tab's weights: a graph's, one matrix per projection, are shown; shapes that do not fit are not. */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import { representationWeights } from '../../../src-renderer/state/representation-weights';

describe('the weights the Representations tab analyses', () => {
  const model = findExample('rumelhart-graph')!.build();
  const run = new GraphRun(model);
  run.advance(Number.MAX_SAFE_INTEGER, 3);
  const state = run.state();

  it('takes a graph\'s live weights, else its saved ones, per projection', () => {
    const live = { epoch: 3, ...run.weightRows() };
    expect(representationWeights(model, live, null)).toEqual({ ...live, origin: 'trained' });
    expect(representationWeights(model, null, state)).toEqual({ epoch: 3, weights: state.weights, biases: state.biases, origin: 'saved' });
    expect(representationWeights(model, { ...live, epoch: 0 }, null)?.origin).toBe('initial');
  });

  it('refuses weights shaped for another network (a chain of the same layers, a projection short)', () => {
    const chainShaped = { epoch: 1, weights: model.layers.slice(1).map((to, j) => Array.from({ length: to.units }, () => new Array<number>(model.layers[j].units).fill(0))), biases: [] };
    expect(representationWeights(model, chainShaped, null)).toBeNull();
    expect(representationWeights(model, { epoch: 1, weights: state.weights.slice(1), biases: state.biases }, null)).toBeNull();
    const chain = findExample('semantic')!.build();
    expect(representationWeights(chain, null, null)).toBeNull();
  });
});
