/**
 * Looking inside (docs/science.md, "What users look at"): for one pattern, the forward pass (net inputs and
 * activations per layer), the target, the error signal e = t − o, the deltas flowing back down and the
 * weight change each layer would get — computed with the network's current weights, applying nothing.
 * Sign convention: δ_j = ∂L/∂n_j, so a negative delta means the unit's net input should rise, and every
 * change is a step down the gradient: ΔW^j = −λ δ_{j+1} h_jᵀ.
 */
import { chainProjections } from '../model/graph';
import { outputDeltas, patternLoss } from './losses';
import type { LayerViews, Network } from './network';
import type { PatternSet } from './patterns';
import { describeInspection } from './inspect-terms';
import type { InspectionContextOf, PatternInspection } from './inspection';

export type { PatternInspection, UnitLayerInspection, WeightLayerInspection } from './inspection';
export { deltaSignConvention } from './inspect-terms';

export type InspectionContext = InspectionContextOf<Network, LayerViews>;

/**
 * Inspects one pattern; `target` holds NaN for "don't care". Uses (and overwrites) the network's
 * single-pattern buffers. A chain is the graph whose projection j is W^j (layer j → j + 1).
 */
export function inspect(context: InspectionContext, name: string, input: ArrayLike<number>, target: Float64Array): PatternInspection {
  const { network: net, backwardMatrices, momentum, settings } = context;
  const D = net.depth;
  const outUnits = net.sizes[D];
  net.forward(input);
  const pss = new Float64Array(1);
  outputDeltas(context.loss, net.codes[D], net.net[D], net.act[D], target, null, 0, net.delta[D], 1, outUnits, settings.margin, pss, new Uint8Array(1));
  const lossDelta = net.delta[D].slice();
  for (let j = D - 1; j >= 1; j--) net.hiddenDelta(j, backwardMatrices[j]);
  // Layer j's bias is stored at index j − 1 (network.ts).
  const perLayer = <T>(views: readonly T[]) => net.sizes.map((_, j) => (j === 0 ? null : views[j - 1]));
  return describeInspection({
    layers: context.layers,
    codes: net.codes,
    projections: chainProjections(net.sizes.length),
    weights: net.weights,
    backwardMatrices,
    biases: perLayer(net.biases),
    biasMomentum: perLayer(momentum.biases),
    weightMomentum: momentum.weights,
    hasBias: net.hasBias,
    projectionLearns: net.learns.slice(1),
    biasLearns: net.learns,
    net: net.net,
    act: net.act,
    delta: net.delta,
    lossDelta: net.sizes.map((_, j) => (j === D ? lossDelta : null)),
  }, { name, target, pss: pss[0], loss: patternLoss(context.loss, net.codes[D], net.net[D], net.act[D], target) }, settings);
}

/** inspect() for pattern p of a pattern set. */
export function inspectPattern(context: InspectionContext, data: PatternSet, p: number, name: string): PatternInspection {
  const inUnits = context.network.sizes[0];
  const outUnits = context.network.sizes[context.network.depth];
  return inspect(context, name, data.inputs.subarray(p * inUnits, (p + 1) * inUnits), data.targets.slice(p * outUnits, (p + 1) * outUnits));
}

/** Every pattern's activations in every layer (patterns × units per layer), for representation analyses. */
export function activationsForAll(network: Network, inputs: Float64Array, count: number): number[][][] {
  const perLayer: number[][][] = network.sizes.map(() => []);
  for (let p = 0; p < count; p++) {
    network.forward(inputs, p * network.sizes[0]);
    network.act.forEach((h, j) => perLayer[j].push(Array.from(h)));
  }
  return perLayer;
}
