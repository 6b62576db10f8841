/**
 * The hand check of the histories in checkpoint and result events: on real states and on random mutations
 * of them (a history value replaced, a history replaced or dropped, an array holed, another field
 * broken), it refuses exactly when the schema refuses, and then names a field the schema names too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findExample } from '../../src-shared/data/examples';
import { Simulation } from '../../src-shared/engine/simulation';
import { checkStateEvent } from '../../src-shared/ipc/state-events';
import { trainerEventSchema } from '../../src-shared/ipc/trainer-protocol';

function trainedState(epochs: number) {
  const model = findExample('xor')!.build();
  const simulation = new Simulation({ ...model, testPatterns: model.patterns });
  simulation.advance(Number.MAX_SAFE_INTEGER, epochs);
  return simulation.state();
}

const event = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom('checkpoint', 'result')).map(([epochs, type]) => {
  const state = trainedState(epochs);
  return type === 'checkpoint'
    ? { type, runId: 'r-1', epoch: state.epoch, state }
    : { type, runId: 'r-1', epoch: state.epoch, tss: 0.5, fractionCorrect: 0.25, patterns: [], testPatterns: null, state };
});

const strange = fc.constantFrom<unknown>(Number.NaN, Number.POSITIVE_INFINITY, -1, -0, 0, 0.5, 1, 1.5, 2, '1', null, undefined, [], {}, true);
const history = fc.constantFrom('tssHistory', 'correctHistory', 'testTssHistory');
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('value'), key: history, index: fc.nat(), value: strange }),
  fc.record({ kind: fc.constant('whole'), key: history, value: strange }),
  fc.record({ kind: fc.constant('drop'), key: history }),
  fc.record({ kind: fc.constant('hole'), key: history }),
  fc.record({ kind: fc.constant('other'), key: fc.constantFrom('epoch', 'orderStream', 'weights', 'cursor'), value: strange }),
);

type Mutation = { kind: string; key: string; index?: number; value?: unknown };

function mutate(original: { state: Record<string, unknown> }, change: Mutation): unknown {
  const copy = structuredClone(original) as { state: Record<string, unknown> };
  const state = copy.state;
  const values = state[change.key];
  if (change.kind === 'value' && Array.isArray(values) && values.length > 0) values[change.index! % values.length] = change.value;
  else if (change.kind === 'whole' || change.kind === 'other') state[change.key] = change.value;
  else if (change.kind === 'drop') delete state[change.key];
  else if (change.kind === 'hole' && Array.isArray(values)) values.length += 1;
  return copy;
}

describe('the hand check of the histories a state event carries', () => {
  it('accepts every real state, as the schema does, and gives back the event whole', () => {
    for (const epochs of [0, 1, 5]) {
      const state = trainedState(epochs);
      const checked = checkStateEvent({ type: 'checkpoint', runId: 'r-1', epoch: epochs, state });
      expect(checked).toEqual({ ok: true, event: trainerEventSchema.parse({ type: 'checkpoint', runId: 'r-1', epoch: epochs, state }) });
    }
  });

  it('refuses a mutated event exactly when the schema does, naming a field the schema names', () => {
    let refused = 0;
    fc.assert(
      fc.property(event, fc.array(mutation, { minLength: 1, maxLength: 2 }), (valid, changes) => {
        const mutated = changes.reduce<unknown>((e, c) => mutate(e as { state: Record<string, unknown> }, c), valid);
        const zod = trainerEventSchema.safeParse(mutated);
        const hand = checkStateEvent(mutated)!;
        expect(hand.ok, JSON.stringify(changes)).toBe(zod.success);
        if (!hand.ok && !zod.success) {
          refused++;
          expect(zod.error.issues.map((issue) => issue.path.join('.'))).toContain(hand.path.join('.'));
        }
      }),
      { numRuns: 300 },
    );
    expect(refused).toBeGreaterThan(50);
  });

  it('checks the snapshots’ weight arrays by hand as the schema would: refused exactly when it refuses, naming its field', () => {
    const model = findExample('xor')!.build();
    const simulation = new Simulation({ ...model, training: { ...model.training, snapshots: { kind: 'every', epochs: 2 } } });
    simulation.advance(Number.MAX_SAFE_INTEGER, 6);
    const valid = { type: 'checkpoint', runId: 'r-1', epoch: 6, state: simulation.state() };
    expect(checkStateEvent(valid)).toEqual({ ok: true, event: trainerEventSchema.parse(valid) });
    const places: Array<[string, number[]]> = [['weights', [1, 0, 1]], ['biases', [0, 1]], ['weightMomentum', [0, 1, 0]], ['biasMomentum', [1, 0]], ['weights', [0]], ['biases', []]];
    let refused = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.constantFrom(...places), fc.oneof(strange, fc.constantFrom(1e12, -1e12, 1.5e12, 'x')), (index, [key, path], value) => {
        const mutated = structuredClone(valid) as { state: { snapshots: Array<Record<string, unknown>> } };
        const snapshot = mutated.state.snapshots[index];
        if (path.length === 0) snapshot[key] = value;
        else {
          let at = snapshot[key] as unknown[];
          for (const step of path.slice(0, -1)) at = at[step] as unknown[];
          at[path[path.length - 1]] = value;
        }
        const zod = trainerEventSchema.safeParse(mutated);
        const hand = checkStateEvent(mutated)!;
        expect(hand.ok, `${key}${JSON.stringify(path)} = ${String(value)}`).toBe(zod.success);
        if (!hand.ok && !zod.success) {
          refused++;
          expect(zod.error.issues.map((issue) => issue.path.join('.'))).toContain(hand.path.join('.'));
        }
        if (hand.ok) expect(hand.event).toEqual(zod.data);
      }),
      { numRuns: 200 },
    );
    expect(refused).toBeGreaterThan(50);
  });

  it('leaves every other event to the schema', () => {
    expect(checkStateEvent({ type: 'metrics' })).toBeNull();
    expect(checkStateEvent({ type: 'checkpoint', epoch: 0, state: 'nothing' })).toBeNull();
    expect(checkStateEvent(null)).toBeNull();
  });
});
