/**
 * What looking inside one pattern reports (engine/inspect.ts computes it): the schema is the one source of
 * its types, and the trainer protocol checks it with this schema as it crosses a process boundary.
 */
import { z } from 'zod';
import type { LayerSpec } from '../model/schema';
import type { LossCode } from './losses';
import type { UpdateSettings } from './optimizer';

/** What looking inside a pattern reads of a run: its network N (a chain's or a graph's), with views V into its momentum. */
export interface InspectionContextOf<N, V> {
  network: N;
  layers: readonly Pick<LayerSpec, 'name' | 'kind'>[];
  backwardMatrices: readonly Float64Array[];
  momentum: V;
  settings: UpdateSettings & { margin: number };
  loss: LossCode;
}

const vector = z.array(z.number());
const matrix = z.array(vector);
const weightsAndBiases = z.strictObject({ weights: matrix, biases: vector });

/** One projection's share of a layer's sum: W_p h_{from(p)} into it, or B_pᵀ δ_{to(p)} back from it. */
const projectionTermSchema = z.strictObject({
  /** The projection's index in the model's projections (for a chain, W^j is projection j). */
  projection: z.number().int().min(0),
  /** The layer at the projection's other end: the one it comes from (net input) or goes to (delta). */
  layer: z.number().int().min(0),
  values: vector,
});
export type ProjectionTerm = z.infer<typeof projectionTermSchema>;

export const unitLayerInspectionSchema = z.strictObject({
  /** The layer's index in the model (for a chain, j = 0 (input) … D (output)). */
  layer: z.number().int().min(0),
  name: z.string(),
  kind: z.enum(['input', 'hidden', 'output']),
  /** n_g = Σ_{p into g} W_p h_{from(p)} + b_g (for an input layer, the input itself). */
  netInput: vector,
  /** Each incoming projection's term W_p h_{from(p)}, in the model's projection order (none for an input layer). */
  netInputTerms: z.array(projectionTermSchema),
  /** b_g (zeros for a layer without a bias); null for an input layer. */
  bias: vector.nullable(),
  /** h_j = f_j(n_j). */
  activation: vector,
  /** δ_j = ∂L/∂n_j, sent back through W (or F for feedback alignment); null for the input layer. */
  delta: vector.nullable(),
  /**
   * δ's parts: each outgoing projection's B_pᵀ δ_{to(p)} (B_p = W_p, or F_p for feedback alignment), summed
   * and multiplied by f'(n_g); on an output layer the loss's own term is added (`lossDelta`).
   */
  deltaTerms: z.array(projectionTermSchema),
  /** f'(n_g), the factor the sum of the delta terms is multiplied by; null for an input layer. */
  derivative: vector.nullable(),
  /** An output layer's δ from the loss alone (−(t − o) ⊙ f'(n), or o − t); null for every other layer. */
  lossDelta: vector.nullable(),
});
export type UnitLayerInspection = z.infer<typeof unitLayerInspectionSchema>;

export const weightLayerInspectionSchema = z.strictObject({
  /** The projection's index in the model's projections: W_p carries layer `from` to layer `to` (for a chain, W^j carries j to j + 1). */
  projection: z.number().int().min(0),
  from: z.number().int().min(0),
  to: z.number().int().min(0),
  learns: z.boolean(),
  /** This pattern's g = δ_{j+1} h_jᵀ and g_b = δ_{j+1} (∂L/∂W^j for backpropagation). */
  gradient: weightsAndBiases,
  /** The lecture's ΔW^j = −λ δ_{j+1} h_jᵀ and Δb = −λ δ_{j+1} for this pattern alone. */
  weightChange: weightsAndBiases,
  /**
   * Exactly what an online update on this pattern would apply now: α ΔW(t−1) − λ (g + κ W), with
   * momentum and weight decay; zeros where the layer does not learn.
   */
  onlineUpdate: weightsAndBiases,
});
export type WeightLayerInspection = z.infer<typeof weightLayerInspectionSchema>;

export const patternInspectionSchema = z.strictObject({
  name: z.string(),
  /** Every layer, in the model's layer order. */
  layers: z.array(unitLayerInspectionSchema),
  /** The output layers' indices, in layer order: target, output and error are theirs, concatenated. */
  outputLayers: z.array(z.number().int().min(0)),
  /** null where the target is "don't care". */
  target: z.array(z.number().nullable()),
  output: vector,
  /** e = t − o (null where the target is "don't care"). */
  error: z.array(z.number().nullable()),
  pss: z.number(),
  /** The loss L the engine descends, for this pattern. */
  loss: z.number(),
  /** One per projection, in the model's projection order. */
  weightLayers: z.array(weightLayerInspectionSchema),
  signConvention: z.string(),
});
export type PatternInspection = z.infer<typeof patternInspectionSchema>;
