/**
 * What looking inside one pattern reports (engine/inspect.ts computes it): the schema is the one source of
 * its types, and the trainer protocol checks it with this schema as it crosses a process boundary.
 */
import { z } from 'zod';

const vector = z.array(z.number());
const matrix = z.array(vector);
const weightsAndBiases = z.strictObject({ weights: matrix, biases: vector });

export const unitLayerInspectionSchema = z.strictObject({
  /** j = 0 (input) … D (output). */
  layer: z.number().int().min(0),
  name: z.string(),
  /** n_j (for the input layer, the input itself). */
  netInput: vector,
  /** h_j = f_j(n_j). */
  activation: vector,
  /** δ_j = ∂L/∂n_j, sent back through W (or F for feedback alignment); null for the input layer. */
  delta: vector.nullable(),
});
export type UnitLayerInspection = z.infer<typeof unitLayerInspectionSchema>;

export const weightLayerInspectionSchema = z.strictObject({
  /** W^j carries layer j (from) to layer j + 1 (to). */
  from: z.number().int().min(0),
  to: z.number().int().min(1),
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
  layers: z.array(unitLayerInspectionSchema),
  /** null where the target is "don't care". */
  target: z.array(z.number().nullable()),
  output: vector,
  /** e = t − o (null where the target is "don't care"). */
  error: z.array(z.number().nullable()),
  pss: z.number(),
  /** The loss L the engine descends, for this pattern. */
  loss: z.number(),
  weightLayers: z.array(weightLayerInspectionSchema),
  signConvention: z.string(),
});
export type PatternInspection = z.infer<typeof patternInspectionSchema>;
