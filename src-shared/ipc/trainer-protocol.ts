/**
 * The trainer protocol: the only messages that pass between a renderer (or the command line, or a test)
 * and the trainer loop, whichever host runs it. Both sides validate what they receive with these schemas.
 */
import { z } from 'zod';
import { modelSchema, networkStateSchema, trainingSchema } from '../model/schema';
import { patternInspectionSchema } from '../engine/inspection';
import { STOP_REASONS } from '../engine/stopping';

const finiteNumber = z.number().finite();
const matrix = z.array(z.array(z.number()));

/** What to look inside: a training or test pattern by index, or any input (with a target, null for "don't care"). */
export const probeSchema = z.union([
  z.strictObject({ set: z.enum(['train', 'test']), pattern: z.number().int().min(0) }),
  z.strictObject({ input: z.array(finiteNumber), target: z.array(finiteNumber.nullable()).nullable() }),
]);
export type Probe = z.infer<typeof probeSchema>;

/**
 * A run: one trajectory of weights from where it started, named by the trainer that trains it. An id is
 * unique across trainers (a restarted trainer never reuses one), so a page can keep runs of several.
 */
export const runIdSchema = z.string().min(1).max(64);
export type RunId = z.infer<typeof runIdSchema>;

/**
 * Where a run started: from the seed's initial weights (no parent, epoch 0: a load of an untrained model,
 * a reset, a new seed or initialization), or from a state at `startEpoch` — a loaded trained model (parent
 * null when its run is unknown, as for a file) or a snapshot of another run (its id: "continue from here").
 * A run keeps its id while it continues: pause, resume, step, settings that keep the weights.
 */
export const runStartSchema = z.strictObject({
  runId: runIdSchema,
  parentRunId: runIdSchema.nullable(),
  startEpoch: z.number().int().min(0),
  /** 'initial': the seed's weights; 'state': a saved or handed-over state. */
  from: z.enum(['initial', 'state']),
  /** The settings it started with (later changes are the state's settingChanges). */
  training: trainingSchema,
});
export type RunStart = z.infer<typeof runStartSchema>;

export const trainerCommandSchema = z.discriminatedUnion('type', [
  /**
   * Replace the trainer's model; its saved state, if any, is where training continues from. `parentRunId`
   * names the run that state was taken from, when the sender knows it (see runStartSchema).
   */
  z.strictObject({ type: z.literal('load'), model: modelSchema, parentRunId: runIdSchema.nullable().optional() }),
  /** Train until a stopping criterion, the maximum epochs, or a pause. */
  z.strictObject({ type: z.literal('train') }),
  z.strictObject({ type: z.literal('pause') }),
  /** Train exactly this many epochs (finishing the current one first counts as one). */
  z.strictObject({ type: z.literal('step'), epochs: z.number().int().min(1).max(1e9) }),
  /** Back to the seed's initial weights, epoch 0. */
  z.strictObject({ type: z.literal('reset') }),
  /** Change settings between epochs; a new seed or initialization resets to that seed's weights. */
  z.strictObject({ type: z.literal('configure'), training: trainingSchema.partial() }),
  /** Ask for the whole model with its current state (for saving). */
  z.strictObject({ type: z.literal('snapshot') }),
  /**
   * Present exactly one pattern, the next in the epoch's order: answered with `stepped` (the pattern looked
   * inside just before its presentation: what the update then applies online), then status and result.
   */
  z.strictObject({ type: z.literal('stepPattern') }),
  /** Look inside one pattern with the current weights, applying nothing: answered with `inspection`. */
  z.strictObject({ type: z.literal('inspect'), probe: probeSchema }),
  /**
   * While training, post a `view` (every pattern's outputs and the weights) at most every `intervalMs`;
   * null stops the views. Panels that show weights or outputs live ask for them while they are visible.
   */
  z.strictObject({ type: z.literal('watch'), intervalMs: z.number().int().min(20).max(60_000).nullable() }),
  /** Slow motion for lecturers: train at most this many epochs a second; null is full speed. */
  z.strictObject({ type: z.literal('pace'), epochsPerSecond: z.number().positive().max(1e6).nullable() }),
]);
export type TrainerCommand = z.infer<typeof trainerCommandSchema>;

export const trainerStatusSchema = z.enum(['empty', 'ready', 'training', 'paused', 'stopped']);
export type TrainerStatus = z.infer<typeof trainerStatusSchema>;

export const stopReasonSchema = z.enum(STOP_REASONS);
export type { StopReason } from '../engine/stopping';

export const patternResultSchema = z.strictObject({
  name: z.string(),
  output: z.array(z.number()),
  /** null where the target is "don't care". */
  target: z.array(z.number().nullable()),
  pss: z.number(),
  correct: z.boolean(),
});
export type PatternResult = z.infer<typeof patternResultSchema>;

/** The engine's PatternInspection (engine/inspection.ts), checked as it crosses a process boundary. */
export { patternInspectionSchema, type PatternInspection } from '../engine/inspection';

/**
 * Each training pattern's pss (the terms of the epoch's tss, as the engine summed them) at the recorded
 * epochs, ascending: `pss[e * patterns + p]` is pattern p's at `epochs[e]`. The trainer records every epoch
 * while a run is slow and every k-th (k a power of two) when it is fast, so a message stays small whatever
 * the speed; only for models with at most MAX_PATTERN_ERROR_PATTERNS training patterns.
 */
export const patternErrorSampleSchema = z
  .strictObject({
    patterns: z.number().int().min(1),
    epochs: z.array(z.number().int().min(1)),
    pss: z.array(z.number()),
  })
  .refine((sample) => sample.pss.length === sample.epochs.length * sample.patterns, {
    message: 'must hold one pss per pattern for each epoch',
    path: ['pss'],
  });
export type PatternErrorSample = z.infer<typeof patternErrorSampleSchema>;

/** Per-pattern curves are recorded only up to this many training patterns (more would be a blur of lines). */
export const MAX_PATTERN_ERROR_PATTERNS = 64;

export const trainerEventSchema = z.discriminatedUnion('type', [
  /**
   * A new run begins (before any other event of it): after a load, a reset, a new seed or initialization.
   * Every event about a run carries its runId; its curve is the metrics of that id, from the first epoch
   * the engine's history holds (a loaded model's history comes in the run's first metrics message).
   */
  runStartSchema.extend({ type: z.literal('run') }),
  z.strictObject({
    type: z.literal('status'),
    runId: runIdSchema,
    status: trainerStatusSchema,
    epoch: z.number().int().min(0),
    reason: stopReasonSchema.nullable(),
    message: z.string().nullable(),
  }),
  /**
   * What training did since the previous metrics message, posted 10–30 times a second while training —
   * never one message per epoch: the latest epoch's figures, and the entries the run's history gained
   * (tss as summed during training). The history keeps every historyStride-th epoch
   * (model/epoch-history.ts): a receiver holding entries of a shorter stride keeps only this one's epochs.
   */
  z.strictObject({
    type: z.literal('metrics'),
    runId: runIdSchema,
    /** The last epoch finished, if one finished since the previous message. */
    latest: z.strictObject({ epoch: z.number().int().min(1), tss: z.number(), fractionCorrect: z.number() }).nullable(),
    historyStride: z.number().int().min(1),
    /** The epoch of the first entry below (the next after those sent before); later ones follow historyStride apart. */
    firstEpoch: z.number().int().min(1),
    tss: z.array(z.number()),
    fractionCorrect: z.array(z.number()),
    /** The test set's tss at each of these epochs; null when the model has no test patterns. */
    testTss: z.array(z.number()).nullable(),
    /** Patterns done in the epoch under way, so long epochs show progress. */
    patternsIntoEpoch: z.number().int().min(0),
    /** Each training pattern's pss at some of these epochs (see patternErrorSampleSchema); absent when none. */
    patternErrors: patternErrorSampleSchema.optional(),
  }),
  /** A test pass over every pattern with the current weights, and the full state to save or restore. */
  z.strictObject({
    type: z.literal('result'),
    runId: runIdSchema,
    epoch: z.number().int().min(0),
    tss: z.number(),
    fractionCorrect: z.number(),
    patterns: z.array(patternResultSchema),
    /** The same pass over the test patterns; null when the model has none. */
    testPatterns: z.array(patternResultSchema).nullable(),
    state: networkStateSchema,
  }),
  /** While watched (see `watch`): every pattern's outputs and the weights, as training goes on. */
  z.strictObject({
    type: z.literal('view'),
    runId: runIdSchema,
    epoch: z.number().int().min(0),
    patterns: z.array(patternResultSchema),
    testPatterns: z.array(patternResultSchema).nullable(),
    weights: z.array(matrix),
    biases: z.array(z.array(z.number())),
  }),
  /** One pattern presented by `stepPattern`: where it stood in the epoch, and inside it just before. */
  z.strictObject({
    type: z.literal('stepped'),
    runId: runIdSchema,
    epoch: z.number().int().min(0),
    position: z.number().int().min(0),
    pattern: z.number().int().min(0),
    inspection: patternInspectionSchema,
  }),
  /** The answer to `inspect`, with the probe it answers. */
  z.strictObject({ type: z.literal('inspection'), runId: runIdSchema, probe: probeSchema, epoch: z.number().int().min(0), inspection: patternInspectionSchema }),
  z.strictObject({ type: z.literal('snapshot'), runId: runIdSchema, model: modelSchema }),
  /**
   * The full state every few seconds while training (and with every result): what a crashed trainer is
   * restarted from, continuing exactly the run that would have followed.
   */
  z.strictObject({ type: z.literal('checkpoint'), runId: runIdSchema, epoch: z.number().int().min(0), state: networkStateSchema }),
  z.strictObject({ type: z.literal('error'), message: z.string(), command: z.string().nullable() }),
]);
export type TrainerEvent = z.infer<typeof trainerEventSchema>;
export type TrainerEventOf<T extends TrainerEvent['type']> = Extract<TrainerEvent, { type: T }>;

/** The least a host must give the trainer loop, or a client, to talk: a MessagePort-like pair of verbs. */
export interface MessageEndpoint<Out> {
  postMessage(message: Out): void;
  onMessage(handler: (data: unknown) => void): void;
}
