/**
 * Looking inside (docs/science.md, "What users look at"): for one pattern, the forward pass (net inputs and
 * activations per layer), the target, the error signal e = t − o, the deltas flowing back down and the
 * weight change each layer would get — computed with the network's current weights, applying nothing.
 * Sign convention: δ_j = ∂L/∂n_j, so a negative delta means the unit's net input should rise, and every
 * change is a step down the gradient: ΔW^j = −λ δ_{j+1} h_jᵀ.
 */
import { outputDeltas, patternLoss, type LossCode } from './losses';
import type { LayerViews, Network } from './network';
import type { UpdateSettings } from './optimizer';
import type { PatternSet } from './patterns';
import { weightChange } from './reference/optimizer';
import type { PatternInspection, UnitLayerInspection, WeightLayerInspection } from './inspection';

export type { PatternInspection, UnitLayerInspection, WeightLayerInspection } from './inspection';

export const deltaSignConvention = 'δ = ∂L/∂n: a negative delta means the net input should rise; ΔW = −λ δ hᵀ.';

export interface InspectionContext {
  network: Network;
  layerNames: readonly string[];
  backwardMatrices: readonly Float64Array[];
  momentum: LayerViews;
  settings: UpdateSettings & { margin: number };
  loss: LossCode;
}

/** Inspects one pattern; `target` holds NaN for "don't care". Uses (and overwrites) the network's single-pattern buffers. */
export function inspect(context: InspectionContext, name: string, input: ArrayLike<number>, target: Float64Array): PatternInspection {
  const { network: net, backwardMatrices, momentum, settings } = context;
  const D = net.depth;
  const outUnits = net.sizes[D];
  net.forward(input);
  const pss = new Float64Array(1);
  outputDeltas(context.loss, net.codes[D], net.net[D], net.act[D], target, null, 0, net.delta[D], 1, outUnits, settings.margin, pss, new Uint8Array(1));
  for (let j = D - 1; j >= 1; j--) net.hiddenDelta(j, backwardMatrices[j]);

  const layers: UnitLayerInspection[] = net.sizes.map((_, j) => ({
    layer: j,
    name: context.layerNames[j],
    netInput: Array.from(j === 0 ? net.act[0] : net.net[j]),
    activation: Array.from(net.act[j]),
    delta: j === 0 ? null : Array.from(net.delta[j]),
  }));
  const lr = settings.learningRate;
  const weightLayers: WeightLayerInspection[] = [];
  for (let j = 0; j < D; j++) {
    const rows = net.sizes[j + 1];
    const cols = net.sizes[j];
    const d = net.delta[j + 1];
    const h = net.act[j];
    const W = net.weights[j];
    const mW = momentum.weights[j];
    const mb = momentum.biases[j];
    const learns = net.learns[j + 1];
    const hasBias = net.hasBias[j + 1];
    const matrix = (value: (r: number, c: number, i: number) => number) =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => value(r, c, r * cols + c)));
    const vector = (value: (r: number) => number) => Array.from({ length: rows }, (_, r) => (hasBias ? value(r) : 0));
    weightLayers.push({
      from: j,
      to: j + 1,
      learns,
      gradient: { weights: matrix((r, c) => d[r] * h[c]), biases: vector((r) => d[r]) },
      weightChange: { weights: matrix((r, c) => -lr * (d[r] * h[c])), biases: vector((r) => -lr * d[r]) },
      onlineUpdate: {
        // The reference's update (what applyPatternUpdate in optimizer.ts computes, bit for bit).
        weights: matrix((r, c, i) => (learns ? weightChange(mW[i], d[r] * h[c], W[i], settings) : 0)),
        biases: vector((r) => (learns ? weightChange(mb[r], d[r], 0, settings, 0) : 0)),
      },
    });
  }
  const output = Array.from(net.act[D]);
  const targets = Array.from(target, (t) => (Number.isNaN(t) ? null : t));
  return {
    name,
    layers,
    target: targets,
    output,
    error: targets.map((t, k) => (t === null ? null : t - output[k])),
    pss: pss[0],
    loss: patternLoss(context.loss, net.codes[D], net.net[D], net.act[D], target),
    weightLayers,
    signConvention: deltaSignConvention,
  };
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
