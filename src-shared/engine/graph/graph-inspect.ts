/**
 * Looking inside one pattern of a graph network (docs/science.md, "Networks as graphs"): the engine's own
 * forward pass and deltas (graph-network.ts), then every layer's net input as the sum over its incoming
 * projections and every δ as f'(n) ⊙ the sum over its outgoing ones (../inspect-terms.ts). Applies nothing.
 */
import { outputDeltas, patternLoss } from '../losses';
import type { PatternSet } from '../patterns';
import { describeInspection } from '../inspect-terms';
import type { InspectionContextOf, PatternInspection } from '../inspection';
import type { GraphNetwork, GraphViews } from './graph-network';

export type GraphInspectionContext = InspectionContextOf<GraphNetwork, GraphViews>;

/** Inspects one pattern: `input` the input layers' values concatenated, `target` the output layers' (NaN for "don't care"). */
export function inspectGraph(context: GraphInspectionContext, name: string, input: ArrayLike<number>, target: Float64Array): PatternInspection {
  const { network: net, settings } = context;
  if (input.length !== net.inputUnits) throw new RangeError(`inspectGraph: the input has ${input.length} values; the input layers have ${net.inputUnits} units.`);
  if (target.length !== net.outputUnits) throw new RangeError(`inspectGraph: the target has ${target.length} values; the output layers have ${net.outputUnits} units.`);
  net.forward(input);
  const row = new Float64Array(1);
  const lossDelta: (Float64Array | null)[] = net.sizes.map(() => null);
  let pss = 0;
  let loss = 0;
  let offset = 0;
  for (const g of net.outputs) {
    const units = net.sizes[g];
    const targets = target.subarray(offset, offset + units);
    offset += units;
    outputDeltas(context.loss, net.codes[g], net.net[g], net.act[g], targets, null, 0, net.delta[g], 1, units, settings.margin, row, new Uint8Array(1));
    pss += row[0];
    loss += patternLoss(context.loss, net.codes[g], net.net[g], net.act[g], targets);
    lossDelta[g] = net.delta[g].slice();
  }
  net.backward(context.backwardMatrices);
  const perLayer = (views: readonly Float64Array[]) => net.sizes.map((_, g) => (net.biasIndex[g] < 0 ? null : views[net.biasIndex[g]]));
  return describeInspection({
    layers: context.layers,
    codes: net.codes,
    projections: net.projections,
    weights: net.weights,
    backwardMatrices: context.backwardMatrices,
    biases: perLayer(net.biases),
    biasMomentum: perLayer(context.momentum.biases),
    weightMomentum: context.momentum.weights,
    hasBias: net.layers.map((layer) => layer.kind !== 'input' && layer.bias),
    projectionLearns: net.projectionLearns,
    biasLearns: net.biasLearns,
    net: net.net,
    act: net.act,
    delta: net.delta,
    lossDelta,
  }, { name, target, pss, loss }, settings);
}

/** inspectGraph() for pattern p of a pattern set. */
export function inspectGraphPattern(context: GraphInspectionContext, data: PatternSet, p: number, name: string): PatternInspection {
  const { inputUnits, outputUnits } = context.network;
  return inspectGraph(context, name, data.inputs.subarray(p * inputUnits, (p + 1) * inputUnits), data.targets.slice(p * outputUnits, (p + 1) * outputUnits));
}
