/** Building a fresh model document with the defaults a new user expects. */
import { MODEL_FORMAT, MODEL_VERSION, type CopyLinkSpec, type LayerSpec, type ModelDocument, type Pattern, type ProjectionSpec, type RecurrenceSpec, type TrainingSettings } from './schema';

export const defaultTraining: TrainingSettings = {
  rule: 'backprop',
  loss: 'squared-error',
  update: 'online',
  batchSize: 1,
  order: 'permuted',
  learningRate: 0.5,
  momentum: 0.9,
  weightDecay: 0,
  init: { kind: 'uniform', range: 1 },
  seed: 1,
  maxEpochs: 5000,
  errorCriterion: 0.04,
  margin: 0.1,
  stopWhenAllCorrect: false,
};

export interface ModelParts {
  name: string;
  description: string;
  layers: LayerSpec[];
  /** Absent: the chain of the layers. */
  projections?: ProjectionSpec[];
  /** A recurrent network's time-delayed copies into context layers, and how its gradient is computed. */
  links?: CopyLinkSpec[];
  recurrence?: RecurrenceSpec;
  patterns: Pattern[];
  testPatterns?: Pattern[];
  training?: Partial<TrainingSettings>;
}

export function createModel(parts: ModelParts): ModelDocument {
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    name: parts.name,
    description: parts.description,
    layers: parts.layers,
    ...(parts.projections ? { projections: parts.projections } : {}),
    ...(parts.links ? { links: parts.links } : {}),
    ...(parts.recurrence ? { recurrence: parts.recurrence } : {}),
    training: { ...defaultTraining, ...parts.training },
    patterns: parts.patterns,
    ...(parts.testPatterns ? { testPatterns: parts.testPatterns } : {}),
    state: null,
  };
}
