/**
 * The Weights tab's numbers for a graph network: one Hinton diagram per projection, each receiving layer's
 * bias beside the first projection into it, a unit's weights gathered over every projection into and out of
 * its layer, and the weights read from the document (saved, or the seed's initial ones) without the trainer.
 */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import { projectionsOf, weightsFitLayers } from '../../../src-renderer/weights/hinton';
import { unitWeights } from '../../../src-renderer/weights/unit-weights';
import { graphWeightsFromDocument, weightsToShow } from '../../../src-renderer/weights/weights-source';

const example = (id: string) => findExample(id)!.build();

function trainedXor() {
  const run = new GraphRun(example('xor-2-1-1'));
  run.advance(Number.MAX_SAFE_INTEGER, 100);
  return run.toModel();
}

describe('the Weights tab for a graph network', () => {
  it('draws one diagram per projection, each receiving layer\'s bias beside the first projection into it', () => {
    const model = trainedXor();
    const { weights, biases } = model.state!;
    const projections = projectionsOf(model.layers, weights, biases, model.projections);
    expect(projections.map((p) => p.weights)).toEqual(weights);
    // input → hidden carries the hidden bias; input → output (the skip) the output's; hidden → output none.
    expect(projections.map((p) => p.biases)).toEqual([biases[0], biases[1], null]);
  });

  it('fits weights to the projections, not to a chain of the same layers', () => {
    const model = trainedXor();
    const { weights } = model.state!;
    expect(weightsFitLayers(model.layers, weights, model.projections)).toBe(true);
    expect(weightsFitLayers(model.layers, weights)).toBe(false);
    expect(weightsFitLayers(model.layers, [weights[0], weights[2], weights[1]], model.projections)).toBe(false);
    expect(weightsToShow(model.layers, null, model.state, model.projections)).toMatchObject({ origin: 'saved', epoch: 100, weights });
  });

  it('lists a unit\'s weights over every projection into and out of its layer, named by layer', () => {
    const model = trainedXor();
    const { weights, biases } = model.state!;
    const output = unitWeights(model.layers, weights, biases, { layer: 2, unit: 0 }, model.projections);
    expect(output.incoming).toEqual([
      { layer: 0, unit: 0, label: 'input 1', value: weights[1][0][0] },
      { layer: 0, unit: 1, label: 'input 2', value: weights[1][0][1] },
      { layer: 1, unit: 0, label: 'hidden 1', value: weights[2][0][0] },
    ]);
    expect(output.bias).toBe(biases[1][0]);
    expect(output.outgoing).toEqual([]);
    const input = unitWeights(model.layers, weights, biases, { layer: 0, unit: 1 }, model.projections);
    expect(input.outgoing).toEqual([
      { layer: 1, unit: 0, label: 'hidden 1', value: weights[0][0][1] },
      { layer: 2, unit: 0, label: 'output 1', value: weights[1][0][1] },
    ]);
    expect(input.bias).toBeNull();
    const hidden = unitWeights(model.layers, weights, biases, { layer: 1, unit: 0 }, model.projections);
    expect(hidden.incoming.map((c) => c.label)).toEqual(['1', '2']);
    expect(hidden.bias).toBe(biases[0][0]);
  });

  it('reads a graph\'s weights from the document: the saved ones, or the seed\'s initial ones for a model not trained', () => {
    const trained = trainedXor();
    expect(graphWeightsFromDocument(trained)).toMatchObject({ origin: 'saved', epoch: 100, weights: trained.state!.weights, biases: trained.state!.biases });
    const untrained = example('rumelhart-graph');
    const initial = new GraphRun(untrained).state();
    expect(graphWeightsFromDocument(untrained)).toEqual({ epoch: 0, origin: 'initial', weights: initial.weights, biases: initial.biases });
    expect(graphWeightsFromDocument(example('xor'))).toBeNull();
  });
});
