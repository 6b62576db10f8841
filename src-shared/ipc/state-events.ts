/**
 * The trainer's events that carry a whole run state — `checkpoint` (every few seconds while training) and
 * `result` — checked by the schema except for the run's three histories: up to HISTORY_CAPACITY numbers
 * each, which zod's jitless checks take ~0.5 µs a number over (~100 ms a checkpoint on the page's thread,
 * a visible stall). Those are checked here by hand with the schema's own rules (networkStateSchema:
 * tss ≥ 0, fraction correct in [0, 1], finite numbers); a property test compares the two on mutations.
 */
import { isFiniteNumber, isObject, type HotCheck } from './hot-events';
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
  return { ok: true, event: checked };
}
