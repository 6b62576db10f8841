import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import { Simulation } from '../../../src-shared/engine/simulation';
import { divergingColour } from '../../../src-renderer/shared/diverging-scale';
import { parseMath, phaseEquation } from '../../../src-renderer/step-through/phase-equations';
import { formatValue, inspectedNetwork, phaseView, stepPhases, unitDetails, type Phase } from '../../../src-renderer/step-through/step-phases';

/** λ of the model inspected: the equations' factor. */
const LEARNING_RATE = 0.5;

function xorInspection() {
  // Permuted, so the pattern looked at is not 00 (whose zero inputs would make every ΔW^0 zero).
  const model = findExample('xor')!.build();
  const simulation = new Simulation({ ...model, training: { ...model.training, order: 'permuted', learningRate: LEARNING_RATE } });
  simulation.advance(3 * 4); // a few epochs in, so nothing is symmetric by accident
  const pattern = simulation.nextPattern();
  return simulation.inspect(pattern);
}

const name = (layer: number, unit: number) => `L${layer}u${unit}`;

describe('the phases of one pattern', () => {
  it('follow the lecture: forward up, target, error, deltas down, weight changes down', () => {
    expect(stepPhases(2)).toEqual([
      { kind: 'forward', layer: 1 },
      { kind: 'forward', layer: 2 },
      { kind: 'target', layer: 2 },
      { kind: 'error', layer: 2 },
      { kind: 'delta', layer: 2 },
      { kind: 'delta', layer: 1 },
      { kind: 'weight-change', layer: 2 },
      { kind: 'weight-change', layer: 1 },
    ]);
    expect(stepPhases(1).map((p) => p.kind)).toEqual(['forward', 'target', 'error', 'delta', 'weight-change']);
  });
});

describe('what each phase shows is the engine’s inspection itself', () => {
  const inspection = xorInspection();

  it('the forward pass reveals activations layer by layer, nothing above', () => {
    const first = phaseView(inspection, { kind: 'forward', layer: 1 });
    expect(first.shaded).toBe('activation');
    expect(first.unitValues).toEqual([inspection.layers[0].activation, inspection.layers[1].activation, null]);
    expect(first.activeProjection).toBe(0);
    expect(first.showsTarget).toBe(false);
    const second = phaseView(inspection, { kind: 'forward', layer: 2 });
    expect(second.unitValues[2]).toEqual(inspection.output);
  });

  it('the error phase shades the output by e = t − o, and the deltas arrive from the top', () => {
    const error = phaseView(inspection, { kind: 'error', layer: 2 });
    expect(error.shaded).toBe('error');
    expect(error.unitValues).toEqual([null, null, inspection.error]);
    expect(error.range).toBe(Math.abs(inspection.error[0]!));
    const outputDelta = phaseView(inspection, { kind: 'delta', layer: 2 });
    expect(outputDelta.unitValues).toEqual([null, null, inspection.layers[2].delta]);
    const hiddenDelta = phaseView(inspection, { kind: 'delta', layer: 1 });
    expect(hiddenDelta.unitValues).toEqual([null, inspection.layers[1].delta, inspection.layers[2].delta]);
    expect(hiddenDelta.activeProjection).toBe(1);
  });

  it('a weight-change phase draws ΔW = −λ δ hᵀ of its projection on the lines', () => {
    const view = phaseView(inspection, { kind: 'weight-change', layer: 1 });
    expect(view.shaded).toBeNull();
    expect(view.lineValues).toEqual([inspection.weightLayers[0].weightChange.weights, null]);
    const largest = Math.max(...inspection.weightLayers[0].weightChange.weights.flat().map(Math.abs));
    expect(view.range).toBe(largest);
  });

  it('a unit’s numbers appear only once the lecture has reached them', () => {
    const rows = (phase: Phase, layer: number) => unitDetails(inspection, phase, layer, 0, name).rows.map((r) => [r.label, r.value]);
    expect(rows({ kind: 'forward', layer: 1 }, 2)).toEqual([]);
    expect(rows({ kind: 'forward', layer: 2 }, 2)).toEqual([['net input', inspection.layers[2].netInput[0]], ['activation', inspection.output[0]]]);
    expect(rows({ kind: 'error', layer: 2 }, 2)).toEqual([
      ['net input', inspection.layers[2].netInput[0]],
      ['activation', inspection.output[0]],
      ['target', inspection.target[0]],
      ['error', inspection.error[0]],
    ]);
    expect(rows({ kind: 'delta', layer: 2 }, 1).map(([label]) => label)).toEqual(['net input', 'activation']);
    expect(rows({ kind: 'delta', layer: 1 }, 1).at(-1)).toEqual(['delta', inspection.layers[1].delta![0]]);
  });

  it('in its weight-change phase a unit lists each incoming change and its bias’s', () => {
    const details = unitDetails(inspection, { kind: 'weight-change', layer: 2 }, 2, 0, name);
    const projection = inspection.weightLayers[1];
    expect(details.incoming).toEqual([
      { from: 'L1u0', change: projection.weightChange.weights[0][0], applied: projection.onlineUpdate.weights[0][0] },
      { from: 'L1u1', change: projection.weightChange.weights[0][1], applied: projection.onlineUpdate.weights[0][1] },
      { from: 'bias', change: projection.weightChange.biases[0], applied: projection.onlineUpdate.biases[0] },
    ]);
    // ΔW = −λ δ hᵀ: the engine's numbers agree with the lecture's equation.
    expect(projection.weightChange.weights[0][1]).toBeCloseTo(-LEARNING_RATE * inspection.layers[2].delta![0] * inspection.layers[1].activation[1], 15);
    expect(unitDetails(inspection, { kind: 'weight-change', layer: 1 }, 2, 0, name).incoming).toBeNull();
  });
});

describe('equations and numbers as shown', () => {
  const context = {
    depth: 2, activations: ['linear', 'logistic', 'logistic'] as const, loss: 'squared-error' as const, rule: 'backprop' as const,
    learningRate: 0.5, momentum: 0.9, weightDecay: 0,
  };

  it('each phase has docs/science.md’s equation with its own layer numbers', () => {
    expect(phaseEquation({ kind: 'forward', layer: 2 }, { ...context, activations: [...context.activations] })[0].math).toBe('n_{2} = W^{1} h_{1} + b_{2}');
    expect(phaseEquation({ kind: 'error', layer: 2 }, { ...context, activations: [...context.activations] })[0].math).toBe('e = t − o');
    expect(phaseEquation({ kind: 'delta', layer: 2 }, { ...context, activations: [...context.activations] })[0].math).toBe('δ_{2} = −(t − o) ⊙ f′(n_{2})');
    expect(phaseEquation({ kind: 'delta', layer: 2 }, { ...context, activations: [...context.activations], loss: 'cross-entropy' })[0].math).toBe('δ_{2} = o − t');
    expect(phaseEquation({ kind: 'delta', layer: 1 }, { ...context, activations: [...context.activations] })[0].math).toBe('δ_{1} = [(W^{1})^{T} δ_{2}] ⊙ f′(n_{1})');
    expect(phaseEquation({ kind: 'delta', layer: 1 }, { ...context, activations: [...context.activations], rule: 'feedback-alignment' })[0].math).toContain('F^{1}');
    expect(phaseEquation({ kind: 'weight-change', layer: 1 }, { ...context, activations: [...context.activations] })[0].math).toBe('ΔW^{0} = −λ δ_{1} h_{0}^{T}');
  });

  it('the markup becomes sub- and superscripts', () => {
    expect(parseMath('ΔW^{0} = −λ δ_{1}')).toEqual([
      { text: 'ΔW', script: null }, { text: '0', script: 'sup' }, { text: ' = −λ δ', script: null }, { text: '1', script: 'sub' },
    ]);
  });

  it('numbers read with a true minus, small ones to three significant digits', () => {
    expect(formatValue(-0.5)).toBe('−0.500');
    expect(formatValue(0.012345)).toBe('0.0123');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(null)).toBe('*');
  });

  it('the colour scale is neutral at zero and takes different hues either side', () => {
    expect(divergingColour(0, 1, false)).toBe('#f7f7f7');
    expect(divergingColour(-1, 1, false)).toBe('#2166ac');
    expect(divergingColour(5, 1, false)).toBe('#e66101');
    expect(divergingColour(0, 1, true)).not.toBe(divergingColour(0, 1, false));
  });
});

describe('a graph network’s phases (the 2-1-1 XOR: input → hidden, input → output, hidden → output)', () => {
  const model = findExample('xor-2-1-1')!.build();
  const run = new GraphRun(model);
  run.advance(4 * 20);
  const inspection = run.inspect(3);
  const network = inspectedNetwork(inspection);

  it('go forward in a topological order, and take one weight-change phase per projection', () => {
    expect(stepPhases(network)).toEqual([
      { kind: 'forward', layer: 1 },
      { kind: 'forward', layer: 2 },
      { kind: 'target', layer: 2 },
      { kind: 'error', layer: 2 },
      { kind: 'delta', layer: 2 },
      { kind: 'delta', layer: 1 },
      { kind: 'weight-change', layer: 2, projection: 1, from: 0 },
      { kind: 'weight-change', layer: 2, projection: 2, from: 1 },
      { kind: 'weight-change', layer: 1, projection: 0, from: 0 },
    ]);
  });

  it('the output’s forward phase is about both projections into it, and its numbers list each term', () => {
    const forward: Phase = { kind: 'forward', layer: 2 };
    const view = phaseView(inspection, forward);
    expect(view.activeProjections).toEqual([1, 2]);
    const rows = unitDetails(inspection, forward, 2, 0, name).rows;
    const at = inspection.layers[2];
    expect(rows.map((r) => [r.label.trim(), r.value])).toEqual([
      ['net input', at.netInput[0]],
      ['from input', at.netInputTerms[0].values[0]],
      ['from hidden', at.netInputTerms[1].values[0]],
      ['bias', at.bias![0]],
      ['activation', at.activation[0]],
    ]);
    // The skip's term W_input→output x is the engine's weights times the pattern's input.
    const W = run.state().weights[1][0];
    expect(at.netInputTerms[0].values[0]).toBeCloseTo(W[0] * model.patterns[3].input[0] + W[1] * model.patterns[3].input[1], 14);
  });

  it('the input layer’s delta phase does not exist; the hidden delta lists what comes back from the output', () => {
    const rows = unitDetails(inspection, { kind: 'delta', layer: 1 }, 1, 0, name).rows.map((r) => r.label.trim());
    expect(rows).toEqual(['net input', 'from input', 'bias', 'activation', 'delta', 'back from output', 'times f′(n)']);
    const weightChange = phaseView(inspection, { kind: 'weight-change', layer: 2, projection: 1, from: 0 });
    expect(weightChange.lineValues).toEqual([null, inspection.weightLayers[1].weightChange.weights, null]);
  });

  it('writes each sum over the projections it runs over, with the layers named', () => {
    const graph = { names: model.layers.map((l) => l.name), kinds: model.layers.map((l) => l.kind), projections: model.projections! };
    const context = { depth: 2, activations: model.layers.map((l) => l.activation), loss: 'squared-error' as const, rule: 'backprop' as const, learningRate: 0.5, momentum: 0.9, weightDecay: 0, graph };
    expect(phaseEquation({ kind: 'forward', layer: 2 }, context)[0].math).toBe('n_{output} = W^{input→output} h_{input} + W^{hidden→output} h_{hidden} + b_{output}');
    expect(phaseEquation({ kind: 'delta', layer: 1 }, context)[0].math).toBe('δ_{hidden} = [(W^{hidden→output})^{T} δ_{output}] ⊙ f′(n_{hidden})');
    expect(phaseEquation({ kind: 'weight-change', layer: 2, projection: 2, from: 1 }, context).map((l) => l.math)).toEqual(['ΔW^{hidden→output} = −λ δ_{output} h_{hidden}^{T}']);
  });
});
