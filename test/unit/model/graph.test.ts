/** Networks as graphs in the model file: what a graph of projections may be, and what is refused, in the app's words. */
import { describe, expect, it } from 'vitest';
import { createModel } from '../../../src-shared/model/create';
import { findCycle, networkGraph, topologicalOrder } from '../../../src-shared/model/graph';
import { parseModel } from '../../../src-shared/model/parse';
import type { LayerSpec, ModelDocument, ProjectionSpec } from '../../../src-shared/model/schema';

const layer = (kind: LayerSpec['kind'], name: string, units: number, activation: LayerSpec['activation'] = 'logistic'): LayerSpec => ({
  kind, name, units, activation, bias: kind !== 'input',
});

/** XOR with one hidden unit and direct input → output connections (Rumelhart, Hinton & Williams 1986). */
function xor211(projections: ProjectionSpec[] = [{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 0, to: 2 }]): ModelDocument {
  return createModel({
    name: 'XOR 2-1-1',
    description: '',
    layers: [layer('input', 'input', 2), layer('hidden', 'hidden', 1), layer('output', 'output', 1)],
    projections,
    patterns: [{ name: '00', input: [0, 0], target: [0] }, { name: '11', input: [1, 1], target: [0] }],
  });
}

function problemsOf(model: unknown) {
  const result = parseModel(model);
  return result.ok ? [] : result.problems;
}

describe('a network as a graph of projections', () => {
  it('accepts skips, several input and output layers and a layer fed by several', () => {
    expect(problemsOf(xor211())).toEqual([]);
    const semantic = createModel({
      name: 'semantic', description: '',
      layers: [layer('input', 'Item', 3), layer('input', 'Relation', 2), layer('hidden', 'Representation', 2), layer('hidden', 'Hidden', 4),
        layer('output', 'Attributes', 5), layer('output', 'Also', 1, 'linear')],
      projections: [{ from: 0, to: 2 }, { from: 2, to: 3 }, { from: 1, to: 3 }, { from: 3, to: 4 }, { from: 4, to: 5 }, { from: 0, to: 5, learn: false }],
      patterns: [{ name: 'p', input: [1, 0, 0, 1, 0], target: [1, 0, null, 0, 1, 0.5] }],
    });
    expect(problemsOf(semantic)).toEqual([]);
    const graph = networkGraph(semantic);
    expect(graph.inputs).toEqual([0, 1]);
    expect(graph.outputs).toEqual([4, 5]);
    expect(graph.biased).toEqual([2, 3, 4, 5]);
    expect(graph.isChain).toBe(false);
    expect(topologicalOrder(6, semantic.projections!)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('reads a model without projections as the chain', () => {
    const chain = { ...xor211(), projections: undefined };
    expect(networkGraph(chain)).toMatchObject({ isChain: true, projections: [{ from: 0, to: 1 }, { from: 1, to: 2 }], biased: [1, 2] });
  });

  it('refuses a cycle of ordinary projections, naming it', () => {
    const model = xor211([{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 2, to: 1 }]);
    expect(problemsOf(model)).toEqual([{
      path: 'projections',
      message: 'form a cycle, hidden → output → hidden: a loop needs a time-delayed copy into a context layer (links)',
    }]);
    expect(findCycle(3, [{ from: 0, to: 1 }, { from: 1, to: 2 }])).toBeNull();
  });

  it('refuses an unfed layer and a layer that feeds nothing, naming each', () => {
    expect(problemsOf(xor211([{ from: 0, to: 2 }]))).toEqual([
      { path: 'layers[1]', message: 'layer 1 (hidden) is fed by no projection: connect a layer to it, or remove it' },
      { path: 'layers[1]', message: 'layer 1 (hidden) feeds no other layer: connect it to a layer, or remove it' },
    ]);
    expect(problemsOf(xor211([{ from: 0, to: 1 }, { from: 0, to: 2 }]))).toEqual([
      { path: 'layers[1]', message: 'layer 1 (hidden) feeds no other layer: connect it to a layer, or remove it' },
    ]);
  });

  it('refuses projections into an input layer, into itself, repeated, past the layers or out of softmax', () => {
    expect(problemsOf(xor211([{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 2, to: 0 }]))).toContainEqual(
      { path: 'projections[2].to', message: 'is layer 0 (input), an input layer: its activity is the pattern, nothing projects into it' });
    expect(problemsOf(xor211([{ from: 0, to: 1 }, { from: 1, to: 1 }, { from: 1, to: 2 }]))[0].message).toMatch(/into itself: a loop needs a time-delayed copy into a context layer/);
    expect(problemsOf(xor211([{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 1, to: 2 }]))).toEqual([
      { path: 'projections[2]', message: 'repeats the projection from layer 1 (hidden) to layer 2 (output)' },
    ]);
    expect(problemsOf(xor211([{ from: 0, to: 1 }, { from: 1, to: 5 }]))).toContainEqual(
      { path: 'projections[1].to', message: 'is 5, but the network has only 3 layers (0 to 2)' });
    const softmax = createModel({
      name: 's', description: '',
      layers: [layer('input', 'in', 2), layer('output', 'choice', 2, 'softmax'), layer('output', 'after', 1)],
      projections: [{ from: 0, to: 1 }, { from: 1, to: 2 }],
      patterns: [{ name: 'p', input: [0, 1], target: [0, 1, 1] }],
      training: { loss: 'cross-entropy' },
    });
    expect(problemsOf(softmax)).toEqual([{ path: 'projections[1].from', message: 'is layer 1 (choice), a softmax layer: nothing may project out of a softmax layer' }]);
  });

  it('refuses a time-delayed copy link that does not fill a context layer, naming it', () => {
    const elman = { ...xor211(), links: [{ kind: 'copy', from: 1, to: 1, delay: 1 }] };
    expect(problemsOf(elman)).toContainEqual({ path: 'links[0]', message: 'copies layer 1 (hidden) into itself' });
    expect(problemsOf({ ...xor211(), links: [{ kind: 'copy', from: 1, to: 1, delay: 2 }] })[0].path).toBe('links[0].delay');
  });

  it('sizes patterns by all the input and output layers together, and the state per projection', () => {
    const model = xor211();
    model.patterns[0].input = [0, 0, 0];
    expect(problemsOf(model)).toEqual([{ path: 'patterns[0].input', message: 'has 3 values but the input layer has 2 units' }]);
    const trained: ModelDocument = {
      ...xor211(),
      state: {
        epoch: 0, weights: [[[1, 2]], [[3]], [[4, 5]]], biases: [[0], [0]], weightMomentum: [[[0, 0]], [[0]], [[0, 0]]], biasMomentum: [[0], [0]],
        orderStream: [1, 2, 3, 4], cursor: null, tssHistory: [], correctHistory: [],
      },
    };
    expect(problemsOf(trained)).toEqual([]);
    trained.state!.weights[2] = [[4]];
    expect(problemsOf(trained)).toEqual([{ path: 'state.weights[2][0]', message: 'has 1 columns but layer 0 has 2 units' }]);
    trained.state!.weights.pop();
    expect(problemsOf(trained)[0]).toEqual({ path: 'state.weights', message: 'has 2 entries but the network has 3 projections' });
  });
});
