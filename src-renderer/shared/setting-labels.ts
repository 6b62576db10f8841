/**
 * Training settings in the chart's few words, named as in docs/science.md (λ, α, κ): what a marker at a
 * mid-run change says ("λ → 0.05"), and what an earlier run's label says changed ("λ 0.5 → 0.3").
 */
import type { InitSettings, SnapshotSchedule, TrainingSettings } from '../../src-shared/model/schema';
import { describeSchedule } from '../../src-shared/model/snapshots';
import { TRAINING_SETTINGS } from './training-settings';

type Key = keyof TrainingSettings;

const NAMES: Record<Key, string> = Object.fromEntries(
  (Object.keys(TRAINING_SETTINGS) as Key[]).map((key) => [key, TRAINING_SETTINGS[key].symbol]),
) as Record<Key, string>;

export function settingValue(key: Key, value: unknown): string {
  if (key === 'init') return describeInit(value as InitSettings);
  if (key === 'snapshots') return describeSchedule(value as SnapshotSchedule | undefined);
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return String(value);
}

/** The settings changed mid-run, as the marker at that epoch labels them: "λ → 0.05 · α → 0.9". */
export function describeChanges(changes: Partial<TrainingSettings>): string {
  return (Object.keys(changes) as Key[])
    .filter((key) => changes[key] !== undefined)
    .map((key) => `${NAMES[key]} → ${settingValue(key, changes[key])}`)
    .join(' · ');
}

/** What differs from `before` to `after`, one "name old → new" per setting; `skip` leaves some out. */
export function describeDifferences(before: TrainingSettings, after: TrainingSettings, skip: readonly Key[] = []): string[] {
  return (Object.keys(NAMES) as Key[])
    .filter((key) => !skip.includes(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => `${NAMES[key]} ${settingValue(key, before[key])} → ${settingValue(key, after[key])}`);
}

function describeInit(init: InitSettings): string {
  if (init.kind === 'uniform') return `uniform ±${init.range / 2}`;
  if (init.kind === 'gaussian') return `gaussian σ ${init.sd}`;
  return init.kind;
}
