/**
 * The model document, version 6: the layers and (for a network that is not a chain) the projections between them, the
 * time-delayed copies of a recurrent network and how it trains, the training settings, the patterns (grouped into sequences),
 * (once trained) the weights and what exact continuation needs, snapshots of the run at chosen epochs (version 5),
 * the damage done to the run's units (lesions, scaling, noise: version 6), and optionally an experiment of many runs.
 * Every boundary parses it with these schemas; the TypeScript types are inferred from them so the two cannot drift apart.
 */
import { z } from 'zod';
import { isHistoryStride } from './epoch-history';

export const MODEL_FORMAT = 'backprop-lab-model';
export const MODEL_VERSION = 6;

/** Largest layer the app accepts: a guard against files that would exhaust memory. */
export const MAX_UNITS = 4096;
export const MAX_LAYERS = 16;
/** Every ordered pair of distinct layers at most once: an acyclic graph of 16 layers has at most 120 projections. */
export const MAX_PROJECTIONS = (MAX_LAYERS * (MAX_LAYERS - 1)) / 2;
export const MAX_PATTERNS = 100_000;
/** The most epochs a run may train (training.maxEpochs). */
export const MAX_EPOCHS = 1e9;
/**
 * Weights and biases in the whole network: 2048 × 2048 (2^22, 32 MiB for each copy the engine keeps), more
 * than any network of the field's literature. Bounded so that the largest state — weights, momentum, a
 * gradient sum and feedback matrices — always fits in one file text (file-size.ts).
 */
export const MAX_WEIGHTS = 4_194_304;

// zod's number() already refuses NaN and ±Infinity; plain bounds (not refinements) keep the generated JSON
// Schema as strict as the parser.
const finite = z.number();
/**
 * Bounds that keep every forward pass finite: with |input| ≤ 1e9, |weight| ≤ 1e12 and at most 4096 units
 * per layer, sixteen linear layers still stay below 1e300. Training stops as diverged before a weight
 * leaves the bound, so a file the app saves always loads again.
 */
export const MAX_PATTERN_MAGNITUDE = 1e9;
export const MAX_WEIGHT_MAGNITUDE = 1e12;
const patternValue = z.number().min(-MAX_PATTERN_MAGNITUDE).max(MAX_PATTERN_MAGNITUDE);
const weightValue = z.number().min(-MAX_WEIGHT_MAGNITUDE).max(MAX_WEIGHT_MAGNITUDE);
const nonNegative = z.number().min(0, { error: 'must be zero or more' });

/** Softmax is not elementwise: only on an output layer, and only with cross-entropy (checkConsistency). */
export const activationSchema = z.enum(['linear', 'logistic', 'tanh', 'relu', 'softmax']);
export type ActivationName = z.infer<typeof activationSchema>;

export const layerSchema = z.strictObject({
  kind: z.enum(['input', 'hidden', 'output']),
  name: z.string().max(200),
  units: z.number().int().min(1).max(MAX_UNITS),
  /** Ignored on the input layer, whose activity is the pattern itself. */
  activation: activationSchema,
  bias: z.boolean(),
  /**
   * Whether the weights into this layer (and its bias) learn; false freezes them, for lesion and transfer
   * studies. Absent means true. Ignored on the input layer.
   */
  learn: z.boolean().optional(),
  /** A label per unit (item names, attribute names), shown by the inspectors. */
  unitNames: z.array(z.string().max(200)).max(MAX_UNITS).optional(),
});
export type LayerSpec = z.infer<typeof layerSchema>;

/**
 * Initial weights. Uniform and Gaussian draw the biases from the same distribution (the PDP tradition);
 * Xavier/Glorot (uniform, ±√(6/(fan-in + fan-out))) and He (Gaussian, σ = √(2/fan-in)) start biases at 0.
 */
/**
 * The largest initial range and sd: the first weights must lie within ±MAX_WEIGHT_MAGNITUDE, as every
 * saved weight does. Uniform draws stay below range/2; the Gaussian draws (Box–Muller from 53-bit uniforms,
 * engine/rng.ts) below 8.58 sd.
 */
export const MAX_INIT_RANGE = 2 * MAX_WEIGHT_MAGNITUDE;
export const MAX_INIT_SD = MAX_WEIGHT_MAGNITUDE / 10;
export const initSchema = z.discriminatedUnion('kind', [
  /** Uniform in [−range/2, range/2], PDPTool's wrange. */
  z.strictObject({ kind: z.literal('uniform'), range: nonNegative.max(MAX_INIT_RANGE) }),
  /** N(0, sd²): small sd for learning-dynamics studies. */
  z.strictObject({ kind: z.literal('gaussian'), sd: nonNegative.max(MAX_INIT_SD) }),
  z.strictObject({ kind: z.literal('xavier') }),
  z.strictObject({ kind: z.literal('he') }),
]);
export type InitSettings = z.infer<typeof initSchema>;

const layerIndex = z.number().int().min(0).max(MAX_LAYERS - 1);

/**
 * A projection: every unit of layer `from` feeds every unit of layer `to` through its own weight matrix
 * W_p (to-units × from-units). The projections of a model form an acyclic graph (model/graph.ts).
 */
export const projectionSchema = z.strictObject({
  from: layerIndex,
  to: layerIndex,
  /**
   * false freezes this projection's weights (lesion and transfer studies). Absent means true. A projection
   * into a layer whose `learn` is false is frozen whatever it says here.
   */
  learn: z.boolean().optional(),
  /** This projection's initial weights, where they differ from training.init. */
  init: initSchema.optional(),
});
export type ProjectionSpec = z.infer<typeof projectionSchema>;

/**
 * The one link that closes a loop: layer `from`'s activations at the previous event copied one-to-one into
 * the context layer `to` (tlearn's fixed one-to-one copy-back, Elman's context units): weight 1, never
 * learned. The context layer is a hidden layer fed by no projection, linear and without a bias; it projects
 * with learned weights into other layers (Elman: into the hidden layer it copies). Copying from an output
 * layer is a Jordan network.
 */
export const copyLinkSchema = z.strictObject({
  kind: z.literal('copy'),
  from: layerIndex,
  to: layerIndex,
  /** Events back: 1, the previous event. */
  delay: z.literal(1),
  /**
   * The context's value at a sequence's first event (version 4; absent: 0, as tlearn; Lens starts at 0.5).
   */
  initial: z.number().min(-MAX_PATTERN_MAGNITUDE).max(MAX_PATTERN_MAGNITUDE).optional(),
});
export type CopyLinkSpec = z.infer<typeof copyLinkSchema>;

/** The deepest truncated backpropagation through time the format accepts. */
export const MAX_BPTT_DEPTH = 1000;

/**
 * How a recurrent network's gradient is computed (version 4; absent: the one-step gradient).
 * `one-step`: Elman's and tlearn's — the context is treated as an input, no gradient crosses the copy.
 * `bptt`: truncated backpropagation through time to `depth` events (Williams & Peng's BPTT(h)): the current
 * event's error carried back through the last `depth` events' stored activations; depth 1 is the one-step gradient.
 */
export const recurrenceSchema = z.discriminatedUnion('gradient', [
  z.strictObject({ gradient: z.literal('one-step') }),
  z.strictObject({ gradient: z.literal('bptt'), depth: z.number().int().min(1).max(MAX_BPTT_DEPTH) }),
]);
export type RecurrenceSpec = z.infer<typeof recurrenceSchema>;

export const ruleSchema = z.enum(['delta', 'backprop', 'feedback-alignment']);
export type LearningRule = z.infer<typeof ruleSchema>;
export const lossSchema = z.enum(['squared-error', 'cross-entropy']);
export type LossName = z.infer<typeof lossSchema>;
export const updateSchema = z.enum(['online', 'batch', 'minibatch']);
export type UpdateMode = z.infer<typeof updateSchema>;

/** The most snapshots one run keeps (model/snapshots.ts says which go when there would be more). */
export const MAX_SNAPSHOTS = 256;

/**
 * When a run keeps a snapshot (version 5): at every k-th epoch (0, k, 2k, …), or log-spaced on the 1-2-5 series
 * (0, 1, 2, 5, 10, 20, 50, 100, …). Absent: no snapshots.
 */
export const snapshotScheduleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('every'), epochs: z.number().int().min(1).max(MAX_EPOCHS) }),
  z.strictObject({ kind: z.literal('log') }),
]);
export type SnapshotSchedule = z.infer<typeof snapshotScheduleSchema>;

export const trainingSchema = z.strictObject({
  /** The delta rule trains one layer of weights; feedback alignment sends deltas back through fixed random F. */
  rule: ruleSchema,
  loss: lossSchema,
  /** After every pattern, once per epoch (gradient summed over all patterns), or every `batchSize` patterns. */
  update: updateSchema,
  /** Patterns per update in minibatch mode (ignored otherwise); an epoch's last minibatch may be smaller. */
  batchSize: z.number().int().min(1).max(MAX_PATTERNS),
  order: z.enum(['sequential', 'permuted']),
  /** λ, per pattern: gradients are summed, not averaged, over an update's patterns (PDPTool's convention). */
  learningRate: nonNegative,
  momentum: z.number().min(0, { error: 'must be zero or more' }).lt(1, { error: 'must be below 1' }),
  /** κ: −λκW is added to each weight update (not to biases), once per update. */
  weightDecay: nonNegative,
  init: initSchema,
  seed: z.number().int().min(0).max(0xffff_ffff),
  maxEpochs: z.number().int().min(1).max(MAX_EPOCHS),
  /** Stop when the epoch's tss falls below this (PDPTool's ecrit); 0 turns the criterion off. */
  errorCriterion: nonNegative,
  /** A pattern is correct when every output is within this of its target. */
  margin: nonNegative,
  /** Stop at the end of an epoch in which every pattern was correct within the margin. */
  stopWhenAllCorrect: z.boolean(),
  /** Which epochs the run keeps a snapshot of (version 5); absent: none. */
  snapshots: snapshotScheduleSchema.optional(),
});
export type TrainingSettings = z.infer<typeof trainingSchema>;

export const patternSchema = z.strictObject({
  name: z.string().max(200),
  input: z.array(patternValue).max(MAX_UNITS),
  /** null is "don't care" (tlearn's *): no error and no delta for that output. */
  target: z.array(patternValue.nullable()).max(MAX_UNITS),
  /**
   * Version 4, recurrent networks: a sequence starts here — every context layer is set to its initial
   * value before this event (tlearn's .reset). Patterns without a mark continue the sequence before them;
   * a set with no mark is one continuous stream (Elman 1990), whose context carries across epochs.
   */
  reset: z.boolean().optional(),
});
export type Pattern = z.infer<typeof patternSchema>;

const matrix = z.array(z.array(finite).max(MAX_UNITS)).max(MAX_UNITS);
const weightMatrix = z.array(z.array(weightValue).max(MAX_UNITS)).max(MAX_UNITS);

export const settingChangeSchema = z.strictObject({
  epoch: z.number().int().min(0),
  pattern: z.number().int().min(0),
  changes: trainingSchema.partial(),
});
export type SettingChange = z.infer<typeof settingChangeSchema>;

/** Where a run stands inside an epoch, so a pause mid-epoch continues exactly. */
export const epochCursorSchema = z.strictObject({
  order: z.array(z.number().int().min(0)),
  position: z.number().int().min(0),
  tss: nonNegative,
  correct: z.number().int().min(0),
});

/**
 * A recurrent network's state between events (version 4): what the next event's context layers will hold,
 * and, for truncated backpropagation through time, the last events' activations as computed then.
 */
export const recurrentStateSchema = z.strictObject({
  /** Per link, in the model's order: the values its context layer takes at the next event. */
  context: z.array(z.array(finite).max(MAX_UNITS)).max(MAX_LAYERS),
  /**
   * The last events of the sequence under way (at most depth − 1, oldest first), each with every layer's
   * net input and activation (net[g], act[g], per layer in layer order): what BPTT carries the error back through.
   */
  events: z.array(z.strictObject({
    net: z.array(z.array(finite).max(MAX_UNITS)).max(MAX_LAYERS),
    act: z.array(z.array(finite).max(MAX_UNITS)).max(MAX_LAYERS),
  })).max(MAX_BPTT_DEPTH),
});
export type RecurrentState = z.infer<typeof recurrentStateSchema>;

const runStateShape = {
  epoch: z.number().int().min(0),
  /**
   * W_p per projection p, in the order of the model's projections, each to-units × from-units as in
   * n_to = Σ_p W_p h_from + b_to. A chain's projection j runs from layer j to layer j + 1.
   */
  weights: z.array(weightMatrix).max(MAX_PROJECTIONS),
  /** b per layer that is not an input layer, in layer order (zeros where a layer has no bias): b_{j+1} for a chain. */
  biases: z.array(z.array(weightValue).max(MAX_UNITS)).max(MAX_LAYERS),
  /** The previous update ΔW(t−1) and Δb(t−1), for momentum. */
  weightMomentum: z.array(matrix).max(MAX_PROJECTIONS),
  biasMomentum: z.array(z.array(finite).max(MAX_UNITS)).max(MAX_LAYERS),
  /** The pattern-order stream's state (pure-rand xoroshiro128+): four signed 32-bit words, not all zero. */
  orderStream: z.array(z.number().int().min(-(2 ** 31)).max(2 ** 31 - 1)),
  cursor: epochCursorSchema.nullable(),
  /**
   * tss per recorded epoch: epochs s, 2s, 3s, … for the history's stride s (historyStride), epoch 1 first
   * while the stride is 1 (see epoch-history.ts: every epoch up to 65,536 entries, then every 2nd, 4th, …).
   */
  tssHistory: z.array(nonNegative),
  /** Fraction of patterns correct (within the margin) at the same epochs, counted at each forward pass. */
  correctHistory: z.array(z.number().min(0).max(1)),
  /** The histories' stride: entry i is epoch (i + 1) · historyStride. Absent: 1, every epoch. */
  historyStride: z.number().int().min(1).max(2 ** 30).refine(isHistoryStride, 'must be a power of two').optional(),
  /**
   * Feedback alignment's fixed random matrices F_p, one per projection and shaped like W_p; [] for a
   * projection from an input layer (no delta is sent to an input layer). Absent or null: drawn from the
   * seed's feedback stream when first needed.
   */
  feedback: z.array(matrix).max(MAX_PROJECTIONS).nullable().optional(),
  /**
   * In batch and minibatch modes, the gradient g summed over the patterns of the update under way, when a
   * run is saved in the middle of one. Absent or null when the run stands at an update boundary.
   */
  gradientSum: z.strictObject({
    weights: z.array(matrix).max(MAX_PROJECTIONS),
    biases: z.array(z.array(finite).max(MAX_UNITS)).max(MAX_LAYERS),
  }).nullable().optional(),
  /** The test set's tss after each recorded epoch (when the model has test patterns). */
  testTssHistory: z.array(nonNegative).optional(),
  /**
   * Settings changed in the middle of the run, each with where it took effect (after `epoch` epochs and
   * `pattern` patterns of the next): so every curve says what produced it. Absent when none were.
   */
  settingChanges: z.array(settingChangeSchema).max(100_000).optional(),
  /** A recurrent network's context and stored events (version 4); absent for a network without links. */
  recurrent: recurrentStateSchema.optional(),
};

/**
 * The run as it stood at the end of epoch `epoch` (version 5): the state a run stopped there saves, bit for bit,
 * without the learning curve (the run's own histories hold it up to there) and with the training settings in
 * effect then — everything continuing exactly from it needs (model/snapshots.ts).
 */
export const snapshotSchema = z.strictObject(runStateShape)
  .omit({ tssHistory: true, correctHistory: true, historyStride: true, testTssHistory: true, settingChanges: true })
  .extend({ training: trainingSchema });
export type Snapshot = z.infer<typeof snapshotSchema>;

export const networkStateSchema = z.strictObject({
  ...runStateShape,
  /** The run's snapshots (version 5), oldest first, each at an epoch before or at `epoch`; absent: none. */
  snapshots: z.array(snapshotSchema).max(MAX_SNAPSHOTS).optional(),
});
export type NetworkState = z.infer<typeof networkStateSchema>;

/** Who wrote the file and when: for a lab's records and a paper's methods section. */
export const provenanceSchema = z.strictObject({
  /** The Backprop Lab version that last wrote the file. */
  appVersion: z.string().max(50),
  /** ISO 8601 times. */
  created: z.iso.datetime(),
  lastTrained: z.iso.datetime().nullable(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

/** More runs than this are refused: a typo in a level list should not start a week of computing. */
export const MAX_EXPERIMENT_RUNS = 100_000;
/** Points one run keeps per measure: epochs are recorded every k, the least power of two ≥ epochs / MAX_RECORDED_EPOCHS. */
export const MAX_RECORDED_EPOCHS = 4096;

const levels = <T extends z.ZodType>(level: T) => z.array(level).min(1).max(MAX_EXPERIMENT_RUNS);

export const factorSchema = z.discriminatedUnion('setting', [
  z.strictObject({ setting: z.literal('learningRate'), levels: levels(trainingSchema.shape.learningRate) }),
  z.strictObject({ setting: z.literal('momentum'), levels: levels(trainingSchema.shape.momentum) }),
  z.strictObject({ setting: z.literal('weightDecay'), levels: levels(trainingSchema.shape.weightDecay) }),
  z.strictObject({ setting: z.literal('rule'), levels: levels(ruleSchema) }),
  z.strictObject({ setting: z.literal('loss'), levels: levels(lossSchema) }),
  z.strictObject({ setting: z.literal('update'), levels: levels(updateSchema) }),
  z.strictObject({ setting: z.literal('batchSize'), levels: levels(trainingSchema.shape.batchSize) }),
  /** Initialisation kind with its range or sd: `{ kind: 'uniform', range: 1 }`, `{ kind: 'gaussian', sd: 0.1 }`, … */
  z.strictObject({ setting: z.literal('init'), levels: levels(initSchema) }),
  /** The units of the hidden layer named `layer` (input and output layers are fixed by the patterns). */
  z.strictObject({ setting: z.literal('units'), layer: z.string().max(200), levels: levels(z.number().int().min(1).max(4096)) }),
  /** Whether the model's test patterns are kept (their tss recorded) or dropped. */
  z.strictObject({ setting: z.literal('testSet'), levels: levels(z.boolean()) }),
  /**
   * Lesion size (version 6, added compatibly): after `epoch` epochs each run lesions this fraction of the
   * hidden layer named `layer` — round(fraction × units) units, at least one, drawn from the run's seed — and
   * trains on (experiment/lesion-factor.ts). Level 0 lesions nothing.
   */
  z.strictObject({
    setting: z.literal('lesion'),
    layer: z.string().max(200),
    epoch: z.number().int().min(0).max(MAX_EPOCHS),
    levels: levels(z.number().min(0, { error: 'must be 0 (no lesion) or more' }).max(1, { error: 'must be at most 1 (every unit)' })),
  }),
]);
export type Factor = z.infer<typeof factorSchema>;
export type FactorSetting = Factor['setting'];
export type FactorLevel = Factor['levels'][number];

/**
 * The optional `experiment` section (version 2): factors with levels, crossed or listed as explicit
 * conditions, replications, the epochs every run trains for and what is recorded. A level is checked with
 * the bounds the training settings schema gives that setting, so an experiment never asks for a run the
 * single-run model would refuse (model/experiment.ts says what the section means).
 */
export const experimentSchema = z.strictObject({
  /** `crossed`: every combination of levels (full factorial); `listed`: condition i takes level i of every factor. */
  design: z.enum(['crossed', 'listed']),
  factors: z.array(factorSchema).max(16),
  /** Runs (simulated subjects) per condition; replication r trains from seed (baseSeed + r) mod 2^32. */
  replications: z.number().int().min(1).max(MAX_EXPERIMENT_RUNS),
  /** Absent: the model's training seed. */
  baseSeed: z.number().int().min(0).max(0xffff_ffff).optional(),
  /** Epochs every run trains for (fewer only when it stops at the criterion or diverges). */
  epochs: z.number().int().min(1).max(1e9),
  /** Whether a run stops at the first epoch whose after-epoch tss meets training.errorCriterion. */
  stopAtCriterion: z.boolean(),
  record: z.strictObject({
    /** Each training pattern's output after the run's last epoch. */
    finalOutputs: z.boolean(),
    /** The run's final weights and biases. */
    finalWeights: z.boolean(),
  }),
});
export type ExperimentSpec = z.infer<typeof experimentSchema>;

/** The most damage records a model keeps: far more edits than an undo history holds. */
export const MAX_DAMAGE_RECORDS = 1000;

/**
 * One piece of damage done to the run's network at an epoch (version 6; engine/lesions): a lesion (outgoing
 * weights 0 and frozen), a scaling of the weights by `factor`, or Gaussian noise of sd `sd` drawn from `seed`'s
 * noise stream added to them. Either to units — `layer`, its size `layerUnits` and the units' indices from 0,
 * as the network had them then (a lesion moves them into a layer of their own, so later records may find the
 * layer smaller) — and then to their outgoing weights; or to one projection, every weight of the projection
 * from `layer` into `to` (layer names). A record, not an instruction: loading never applies it.
 */
const damageTarget = {
  epoch: z.number().int().min(0),
  layer: z.string().max(200),
  layerUnits: z.number().int().min(1).max(MAX_UNITS).optional(),
  units: z.array(z.number().int().min(0).max(MAX_UNITS - 1)).min(1).max(MAX_UNITS).optional(),
  to: z.string().max(200).optional(),
};
export const damageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('lesion'), ...damageTarget }),
  z.strictObject({ kind: z.literal('scale'), ...damageTarget, factor: finite }),
  z.strictObject({ kind: z.literal('noise'), ...damageTarget, sd: nonNegative, seed: z.number().int().min(0).max(0xffff_ffff) }),
]);
export type DamageRecord = z.infer<typeof damageSchema>;
export type DamageKind = DamageRecord['kind'];

export const modelSchema = z.strictObject({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(MODEL_VERSION),
  name: z.string().max(200),
  description: z.string().max(20_000),
  layers: z.array(layerSchema).min(2).max(MAX_LAYERS),
  /**
   * The projections between the layers (version 3), when the network is not a chain. Absent: the chain,
   * layer j feeding layer j + 1, each projection learning as its target layer's `learn` says.
   */
  projections: z.array(projectionSchema).min(1).max(MAX_PROJECTIONS).optional(),
  /** Time-delayed copies into context layers: a recurrent network (version 3 defined them, version 4 trains them). */
  links: z.array(copyLinkSchema).max(MAX_LAYERS).optional(),
  /** How a recurrent network's gradient is computed (version 4); absent: the one-step gradient. */
  recurrence: recurrenceSchema.optional(),
  training: trainingSchema,
  patterns: z.array(patternSchema).min(1).max(MAX_PATTERNS),
  /** Patterns never trained on; their tss is recorded after each epoch beside the training tss. */
  testPatterns: z.array(patternSchema).max(MAX_PATTERNS).optional(),
  state: networkStateSchema.nullable(),
  /** The damage done to the run's network, in the order it was done (version 6; engine/lesions). Absent: none. */
  damage: z.array(damageSchema).max(MAX_DAMAGE_RECORDS).optional(),
  /** Absent in documents the app builds in memory (the examples); written with every file the app saves. */
  provenance: provenanceSchema.optional(),
  /** Many runs of this model: factors, levels, replications (experiment.ts). Absent: a single run. */
  experiment: experimentSchema.optional(),
});
export type ModelDocument = z.infer<typeof modelSchema>;
