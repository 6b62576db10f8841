/**
 * What the trainer must be told when the document changes: nothing, new settings (sent between epochs,
 * the run goes on), or the whole model again (a new network, new patterns, or weights from the history).
 */
import type { ModelDocument, TrainingSettings } from '../../../src-shared/model/schema';
import { resetsWeights } from '../../../src-shared/engine/setting-changes';

export type TrainerPlan =
  | { kind: 'none' }
  | { kind: 'configure'; changes: Partial<TrainingSettings> }
  | { kind: 'load' };

/**
 * `held` is the document as the trainer has it (its settings, and the state it last reported); `next` is
 * the document it should have.
 */
export function planTrainerUpdate(held: ModelDocument | null, next: ModelDocument): TrainerPlan {
  if (!held) return { kind: 'load' };
  if (!same(held.layers, next.layers) || !same(held.patterns, next.patterns) || !same(held.testPatterns, next.testPatterns)) {
    return { kind: 'load' };
  }
  const changes = changedSettings(held.training, next.training);
  if (next.state !== held.state) {
    // A new seed or initialization resets the trainer to that seed's weights: exactly an untrained document.
    if (!(resetsWeights(held.training, next.training) && next.state === null)) return { kind: 'load' };
  }
  return Object.keys(changes).length > 0 ? { kind: 'configure', changes } : { kind: 'none' };
}

export function changedSettings(before: TrainingSettings, after: TrainingSettings): Partial<TrainingSettings> {
  const changes: Record<string, unknown> = {};
  // Both sides' keys: an optional setting removed (no snapshot schedule) is a change to undefined.
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof TrainingSettings>) {
    if (!same(before[key], after[key])) changes[key] = after[key];
  }
  return changes as Partial<TrainingSettings>;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
