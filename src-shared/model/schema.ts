/**
 * The model document, version 1: the layer list the builder edits, the training settings, the patterns
 * and (once trained) the weights and what exact continuation needs. Every boundary parses it with these
 * schemas; the TypeScript types are inferred from them so the two cannot drift apart.
 */
import { z } from 'zod';

export const MODEL_FORMAT = 'backprop-lab-model';
export const MODEL_VERSION = 1;

/** Largest layer the app accepts: a guard against files that would exhaust memory. */
export const MAX_UNITS = 4096;
export const MAX_LAYERS = 16;
export const MAX_PATTERNS = 100_000;

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number (not NaN or Infinity)' });
const nonNegative = finite.refine((v) => v >= 0, { message: 'must be zero or more' });

export const activationSchema = z.enum(['linear', 'logistic', 'tanh', 'relu']);
export type ActivationName = z.infer<typeof activationSchema>;

export const layerSchema = z.strictObject({
  kind: z.enum(['input', 'hidden', 'output']),
  name: z.string().max(200),
  units: z.number().int().min(1).max(MAX_UNITS),
  /** Ignored on the input layer, whose activity is the pattern itself. */
  activation: activationSchema,
  bias: z.boolean(),
});
export type LayerSpec = z.infer<typeof layerSchema>;

export const initSchema = z.strictObject({
  /** Uniform in [−range/2, range/2], PDPTool's wrange. */
  kind: z.literal('uniform'),
  range: nonNegative,
});

export const trainingSchema = z.strictObject({
  rule: z.literal('backprop'),
  loss: z.literal('squared-error'),
  update: z.literal('online'),
  order: z.enum(['sequential', 'permuted']),
  learningRate: nonNegative,
  momentum: nonNegative.refine((v) => v < 1, { message: 'must be below 1' }),
  init: initSchema,
  seed: z.number().int().min(0).max(0xffff_ffff),
  maxEpochs: z.number().int().min(1).max(1e9),
  /** Stop when the epoch's tss falls below this (PDPTool's ecrit); 0 turns the criterion off. */
  errorCriterion: nonNegative,
  /** A pattern is correct when every output is within this of its target. */
  margin: nonNegative,
});
export type TrainingSettings = z.infer<typeof trainingSchema>;

export const patternSchema = z.strictObject({
  name: z.string().max(200),
  input: z.array(finite).max(MAX_UNITS),
  target: z.array(finite).max(MAX_UNITS),
});
export type Pattern = z.infer<typeof patternSchema>;

const matrix = z.array(z.array(finite).max(MAX_UNITS)).max(MAX_UNITS);

/** Where a run stands inside an epoch, so a pause mid-epoch continues exactly. */
export const epochCursorSchema = z.strictObject({
  order: z.array(z.number().int().min(0)),
  position: z.number().int().min(0),
  tss: nonNegative,
  correct: z.number().int().min(0),
});

export const networkStateSchema = z.strictObject({
  epoch: z.number().int().min(0),
  /** W^j for j = 0 … D−1, each out × in, as in n_{j+1} = W^j h_j + b_{j+1}. */
  weights: z.array(matrix).max(MAX_LAYERS),
  /** b_{j+1} for j = 0 … D−1 (zeros where a layer has no bias). */
  biases: z.array(z.array(finite).max(MAX_UNITS)).max(MAX_LAYERS),
  /** The previous update ΔW(t−1) and Δb(t−1), for momentum. */
  weightMomentum: z.array(matrix).max(MAX_LAYERS),
  biasMomentum: z.array(z.array(finite).max(MAX_UNITS)).max(MAX_LAYERS),
  /** The pattern-order stream's state (pure-rand xoroshiro128+). */
  orderStream: z.array(z.number().int()),
  cursor: epochCursorSchema.nullable(),
  /** tss per epoch, epoch 1 first. */
  tssHistory: z.array(nonNegative),
  /** Fraction of patterns correct (within the margin) per epoch, counted at each forward pass. */
  correctHistory: z.array(finite.refine((v) => v >= 0 && v <= 1, { message: 'must be between 0 and 1' })),
});
export type NetworkState = z.infer<typeof networkStateSchema>;

export const modelSchema = z.strictObject({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(MODEL_VERSION),
  name: z.string().max(200),
  description: z.string().max(20_000),
  layers: z.array(layerSchema).min(2).max(MAX_LAYERS),
  training: trainingSchema,
  patterns: z.array(patternSchema).min(1).max(MAX_PATTERNS),
  state: networkStateSchema.nullable(),
});
export type ModelDocument = z.infer<typeof modelSchema>;
