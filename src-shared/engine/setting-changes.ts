/** What a change of training settings does to a run: whether it starts over, and how its history records it. */
import type { InitSettings, SettingChange, TrainingSettings } from '../model/schema';

/** A new seed or initialization means new initial weights: the run starts over. */
export function resetsWeights(before: TrainingSettings, after: TrainingSettings): boolean {
  return after.seed !== before.seed || !sameInit(after.init, before.init);
}

/** The settings that differ, where they took effect; null when none does. */
export function settingChange(before: TrainingSettings, after: TrainingSettings, epoch: number, pattern: number): SettingChange | null {
  const changes: Partial<Record<keyof TrainingSettings, unknown>> = {};
  for (const key of Object.keys(after) as (keyof TrainingSettings)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) changes[key] = after[key];
  }
  if (Object.keys(changes).length === 0) return null;
  return { epoch, pattern, changes: changes as Partial<TrainingSettings> };
}

/** Whether two initializations draw the same weights from the same seed (a key order is no difference). */
export function sameInit(a: InitSettings, b: InitSettings): boolean {
  if (a.kind === 'uniform' && b.kind === 'uniform') return a.range === b.range;
  if (a.kind === 'gaussian' && b.kind === 'gaussian') return a.sd === b.sd;
  return a.kind === b.kind;
}
