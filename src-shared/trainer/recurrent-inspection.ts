/**
 * Looking inside an event of a recurrent network (docs/science.md, "Simple recurrent networks"): the event
 * is seen with the context it is presented with — its context layers hold the copy the inspection shows.
 * A training event about to be presented takes the training stream's context (the initial value at a
 * sequence's start); a pattern of a set chosen by number takes the context of a pass over its sequence in
 * order, as Test computes it; a typed input takes the training stream's current context. Applies nothing:
 * the training stream's context and stored events are left as they were.
 */
import type { PatternInspection } from '../engine/inspection';
import type { RecurrentRun } from '../engine/recurrent/recurrent-run';
import type { Pattern } from '../model/schema';

/** The context layers' activations (and net inputs: a context layer is linear) set to `values`, one row per link. */
function loadContext(run: RecurrentRun, values: readonly ArrayLike<number>[]): void {
  run.recurrence.links.forEach((link, i) => {
    run.network.act[link.to].set(values[i]);
    run.network.net[link.to].set(values[i]);
  });
}

/** The values the context layers start a sequence with, one row per link. */
function initialContext(run: RecurrentRun): Float64Array[] {
  return run.recurrence.links.map((link) => new Float64Array(run.network.sizes[link.to]).fill(link.initial ?? 0));
}

/** Training event p as the next presentation shows it: with the stream's context, or the initial one if p starts a sequence. */
export function inspectNextEvent(run: RecurrentRun, patterns: readonly Pick<Pattern, 'reset'>[], p: number): PatternInspection {
  loadContext(run, patterns[p]?.reset ? initialContext(run) : run.recurrence.context);
  return run.inspect(p);
}

/**
 * Pattern p of a set with the context a pass over the set in order gives it: the events from its
 * sequence's start (the set's first event, or the last marked one) presented before it.
 */
export function inspectEventInSequence(
  run: RecurrentRun,
  set: 'train' | 'test',
  patterns: readonly Pick<Pattern, 'reset' | 'input' | 'target' | 'name'>[],
  p: number,
): PatternInspection {
  const data = set === 'train' ? run.data : run.testData;
  if (!data) throw new RangeError(`inspectEventInSequence: the model has no ${set} patterns`);
  let start = p;
  while (start > 0 && !patterns[start].reset) start--;
  const net = run.network;
  for (let q = start; q < p; q++) {
    run.recurrence.enterEvaluation(set, q);
    net.forward(data.inputs, q * net.inputUnits);
    run.recurrence.leaveEvaluation();
  }
  // Loads the context event p takes (the initial value if it starts the sequence).
  run.recurrence.enterEvaluation(set, p);
  if (set === 'train') return run.inspect(p);
  const pattern = patterns[p];
  return run.inspect(pattern.input, pattern.target, pattern.name);
}

/** A typed input and target, seen with the context the training stream would present next. */
export function inspectTypedEvent(run: RecurrentRun, input: readonly number[], target: readonly (number | null)[], name: string): PatternInspection {
  loadContext(run, run.recurrence.context);
  return run.inspect(input, target, name);
}
