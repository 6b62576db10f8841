/**
 * The trainer's events that carry a whole run state — `checkpoint` (every few seconds while training) and
 * `result` — checked by the schema except for the run's three histories: up to HISTORY_CAPACITY numbers
 * each, which zod's jitless checks take ~0.5 µs a number over (~100 ms a checkpoint on the page's thread,
 * a visible stall). Those are checked here by hand with the schema's own rules (networkStateSchema:
 * tss ≥ 0, fraction correct in [0, 1], finite numbers), and so are the snapshots' weight arrays
 * (snapshot-arrays.ts); a property test compares the two on mutations.
 */
import { isFiniteNumber, isObject, type HotCheck } from './hot-events';
import { checkSnapshotArrays, restoreArrays, withoutArrays } from './snapshot-arrays';
import { trainerEventSchema, type TrainerEvent } from './trainer-protocol';

type Rule = (value: unknown) => string | null;

const atLeastZero: Rule = (value) => (!isFiniteNumber(value) ? 'expected a finite number' : value < 0 ? 'must be zero or more' : null);
const fraction: Rule = (value) => (!isFiniteNumber(value) ? 'expected a finite number' : value < 0 || value > 1 ? 'must be from 0 to 1' : null);

const HISTORIES: ReadonlyArray<readonly [string, Rule]> = [
  ['tssHistory', atLeastZero],
  ['correctHistory', fraction],
  ['testTssHistory', atLeastZero],
];

/** Checks a checkpoint or result event; null for anything else (the schema alone checks those). */
export function checkStateEvent(data: unknown): HotCheck | null {
  if (!isObject(data) || (data.type !== 'checkpoint' && data.type !== 'result') || !isObject(data.state)) return null;
  const state = data.state;
  // The schema sees empty histories in their place (anything not an array it sees as it is, and refuses).
  const light: Record<string, unknown> = { ...state };
  for (const [key] of HISTORIES) if (Array.isArray(state[key])) light[key] = [];
  // So do the snapshots' weight arrays, which snapshot-arrays.ts checks by hand.
  const snapshots = Array.isArray(state.snapshots) ? (state.snapshots as unknown[]) : [];
  const handChecked = new Set<number>();
  for (let i = 0; i < snapshots.length; i++) {
    const result = checkSnapshotArrays(snapshots[i]);
    if (result.kind === 'refused') return { ok: false, path: ['state', 'snapshots', i, ...result.path], message: result.message };
    if (result.kind === 'ok') handChecked.add(i);
  }
  if (handChecked.size > 0) light.snapshots = snapshots.map((snapshot, i) => (handChecked.has(i) ? withoutArrays(snapshot as Record<string, unknown>) : snapshot));
  const parsed = trainerEventSchema.safeParse({ ...data, state: light });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, path: issue.path as Array<string | number>, message: issue.message };
  }
  const checked = parsed.data as Extract<TrainerEvent, { type: 'checkpoint' | 'result' }>;
  for (const [key, rule] of HISTORIES) {
    const values = state[key];
    if (!Array.isArray(values)) continue;
    for (let i = 0; i < values.length; i++) {
      const problem = rule(values[i]);
      if (problem) return { ok: false, path: ['state', key, i], message: problem };
    }
    (checked.state as unknown as Record<string, unknown>)[key] = values;
  }
  const checkedSnapshots = (checked.state.snapshots ?? []) as unknown as Record<string, unknown>[];
  for (const i of handChecked) restoreArrays(checkedSnapshots[i], snapshots[i] as Record<string, unknown>);
  return { ok: true, event: checked };
}
