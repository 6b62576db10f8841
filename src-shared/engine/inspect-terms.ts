/**
 * What looking inside one pattern reports, for any network — a chain (inspect.ts) or a graph
 * (graph/graph-inspect.ts) — once the engine has run the pattern's forward pass and its deltas: every
 * layer's net input as the sum over its incoming projections (each term W_p h_{from(p)} shown), every δ
 * with its terms B_pᵀ δ_{to(p)} over the outgoing projections and f'(n), and each projection's gradient,
 * weight change and online update. The terms are recomputed here for display; n, h and δ are the engine's.
 */
import type { LayerSpec } from '../model/schema';
import { derivative, type ActivationCode } from './activations';
import type { PatternInspection, ProjectionTerm, UnitLayerInspection, WeightLayerInspection } from './inspection';
import { weightChange, type StepSettings } from './reference/optimizer';

export const deltaSignConvention = 'δ = ∂L/∂n: a negative delta means the net input should rise; ΔW = −λ δ hᵀ.';

/** A network just after one pattern's passes, projection by projection and layer by layer. */
export interface InspectedPasses {
  layers: readonly Pick<LayerSpec, 'name' | 'kind'>[];
  codes: readonly ActivationCode[];
  projections: readonly { from: number; to: number }[];
  /** W_p per projection, row-major, units of `to` × units of `from`. */
  weights: readonly Float64Array[];
  /** What deltas are sent back through, per projection: W_p, or F_p for feedback alignment. */
  backwardMatrices: readonly Float64Array[];
  /** b_g per layer (zeros without a bias), null for an input layer; and its momentum. */
  biases: readonly (Float64Array | null)[];
  biasMomentum: readonly (Float64Array | null)[];
  weightMomentum: readonly Float64Array[];
  hasBias: readonly boolean[];
  projectionLearns: readonly boolean[];
  biasLearns: readonly boolean[];
  /** n, h and δ per layer (an input layer's n and δ unused). */
  net: readonly Float64Array[];
  act: readonly Float64Array[];
  delta: readonly Float64Array[];
  /** Per layer: an output layer's δ from the loss alone, null for every other layer. */
  lossDelta: readonly (Float64Array | null)[];
}

export interface InspectedPattern {
  name: string;
  /** The output layers' targets concatenated, NaN for "don't care". */
  target: Float64Array;
  pss: number;
  loss: number;
}

/** W_p h: row r of W times h. */
function forwardTerm(W: Float64Array, h: Float64Array, rows: number): number[] {
  const cols = h.length;
  return Array.from({ length: rows }, (_, r) => {
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += W[r * cols + c] * h[c];
    return sum;
  });
}

/** Bᵀ δ: column c of B times δ. */
function backwardTerm(B: Float64Array, delta: Float64Array, cols: number): number[] {
  return Array.from({ length: cols }, (_, c) => {
    let sum = 0;
    for (let r = 0; r < delta.length; r++) sum += delta[r] * B[r * cols + c];
    return sum;
  });
}

export function describeInspection(passes: InspectedPasses, pattern: InspectedPattern, settings: StepSettings): PatternInspection {
  const { layers, projections, act, net, delta } = passes;
  const outputLayers = layers.flatMap((layer, g) => (layer.kind === 'output' ? [g] : []));
  const unitLayers: UnitLayerInspection[] = layers.map((layer, g) => {
    const isInput = layer.kind === 'input';
    const units = act[g].length;
    const netInputTerms: ProjectionTerm[] = [];
    const deltaTerms: ProjectionTerm[] = [];
    projections.forEach((p, q) => {
      if (p.to === g) netInputTerms.push({ projection: q, layer: p.from, values: forwardTerm(passes.weights[q], act[p.from], units) });
      if (p.from === g && !isInput) deltaTerms.push({ projection: q, layer: p.to, values: backwardTerm(passes.backwardMatrices[q], delta[p.to], units) });
    });
    const lossDelta = passes.lossDelta[g];
    return {
      layer: g,
      name: layer.name,
      kind: layer.kind,
      netInput: Array.from(isInput ? act[g] : net[g]),
      netInputTerms,
      bias: isInput ? null : Array.from(passes.biases[g]!),
      activation: Array.from(act[g]),
      delta: isInput ? null : Array.from(delta[g]),
      deltaTerms,
      derivative: isInput ? null : Array.from({ length: units }, (_, k) => derivative(passes.codes[g], net[g][k], act[g][k])),
      lossDelta: lossDelta ? Array.from(lossDelta) : null,
    };
  });
  const lr = settings.learningRate;
  // A layer's bias belongs to the first projection into it (a chain's W^j carries b_{j+1}); the others show zeros.
  const biasOwner = layers.map((_, g) => projections.findIndex((p) => p.to === g));
  const weightLayers: WeightLayerInspection[] = projections.map((p, q) => {
    const rows = act[p.to].length;
    const cols = act[p.from].length;
    const d = delta[p.to];
    const h = act[p.from];
    const W = passes.weights[q];
    const mW = passes.weightMomentum[q];
    const mb = passes.biasMomentum[p.to];
    const learns = passes.projectionLearns[q];
    const biasLearns = passes.biasLearns[p.to];
    const hasBias = passes.hasBias[p.to] && biasOwner[p.to] === q;
    const matrix = (value: (r: number, c: number, i: number) => number) =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => value(r, c, r * cols + c)));
    const vector = (value: (r: number) => number) => Array.from({ length: rows }, (_, r) => (hasBias ? value(r) : 0));
    return {
      projection: q,
      from: p.from,
      to: p.to,
      learns,
      gradient: { weights: matrix((r, c) => d[r] * h[c]), biases: vector((r) => d[r]) },
      weightChange: { weights: matrix((r, c) => -lr * (d[r] * h[c])), biases: vector((r) => -lr * d[r]) },
      onlineUpdate: {
        // The reference's update (what applyPatternUpdate in optimizer.ts computes, bit for bit).
        weights: matrix((r, c, i) => (learns ? weightChange(mW[i], d[r] * h[c], W[i], settings) : 0)),
        biases: vector((r) => (biasLearns && mb ? weightChange(mb[r], d[r], 0, settings, 0) : 0)),
      },
    };
  });
  const output = outputLayers.flatMap((g) => Array.from(act[g]));
  const targets = Array.from(pattern.target, (t) => (Number.isNaN(t) ? null : t));
  return {
    name: pattern.name,
    layers: unitLayers,
    outputLayers,
    target: targets,
    output,
    error: targets.map((t, k) => (t === null ? null : t - output[k])),
    pss: pattern.pss,
    loss: pattern.loss,
    weightLayers,
    signConvention: deltaSignConvention,
  };
}
