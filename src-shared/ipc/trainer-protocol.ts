/**
 * The trainer protocol: the only messages that pass between a renderer (or the command line, or a test)
 * and the trainer loop, whichever host runs it. Both sides validate what they receive with these schemas.
 */
import { z } from 'zod';
import { modelSchema, networkStateSchema, trainingSchema } from '../model/schema';

export const trainerCommandSchema = z.discriminatedUnion('type', [
  /** Replace the trainer's model; its saved state, if any, is where training continues from. */
  z.strictObject({ type: z.literal('load'), model: modelSchema }),
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
]);
export type TrainerCommand = z.infer<typeof trainerCommandSchema>;

export const trainerStatusSchema = z.enum(['empty', 'ready', 'training', 'paused', 'stopped']);
export type TrainerStatus = z.infer<typeof trainerStatusSchema>;

export const stopReasonSchema = z.enum(['criterion', 'max-epochs', 'diverged', 'step-done', 'paused']);
export type StopReason = z.infer<typeof stopReasonSchema>;

export const patternResultSchema = z.strictObject({
  name: z.string(),
  output: z.array(z.number()),
  /** null where the target is "don't care". */
  target: z.array(z.number().nullable()),
  pss: z.number(),
  correct: z.boolean(),
});
export type PatternResult = z.infer<typeof patternResultSchema>;

export const trainerEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('status'),
    status: trainerStatusSchema,
    epoch: z.number().int().min(0),
    reason: stopReasonSchema.nullable(),
    message: z.string().nullable(),
  }),
  /**
   * Every epoch finished since the previous metrics message (tss as summed during training), posted
   * 10–30 times a second while training — never one message per epoch.
   */
  z.strictObject({
    type: z.literal('metrics'),
    firstEpoch: z.number().int().min(1),
    tss: z.array(z.number()),
    fractionCorrect: z.array(z.number()),
    /** Patterns done in the epoch under way, so long epochs show progress. */
    patternsIntoEpoch: z.number().int().min(0),
  }),
  /** A test pass over every pattern with the current weights, and the full state to save or restore. */
  z.strictObject({
    type: z.literal('result'),
    epoch: z.number().int().min(0),
    tss: z.number(),
    fractionCorrect: z.number(),
    patterns: z.array(patternResultSchema),
    state: networkStateSchema,
  }),
  z.strictObject({ type: z.literal('snapshot'), model: modelSchema }),
  /**
   * The full state every few seconds while training (and with every result): what a crashed trainer is
   * restarted from, continuing exactly the run that would have followed.
   */
  z.strictObject({ type: z.literal('checkpoint'), epoch: z.number().int().min(0), state: networkStateSchema }),
  z.strictObject({ type: z.literal('error'), message: z.string(), command: z.string().nullable() }),
]);
export type TrainerEvent = z.infer<typeof trainerEventSchema>;
export type TrainerEventOf<T extends TrainerEvent['type']> = Extract<TrainerEvent, { type: T }>;

/** The least a host must give the trainer loop, or a client, to talk: a MessagePort-like pair of verbs. */
export interface MessageEndpoint<Out> {
  postMessage(message: Out): void;
  onMessage(handler: (data: unknown) => void): void;
}
