/**
 * The hand-written check of the frequent trainer events against the protocol's schema: on valid events and
 * on random mutations of them (a value replaced, a key dropped or added, an array holed), it refuses
 * exactly when zod refuses, and then names the field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHotEvent } from '../../src-shared/ipc/hot-events';
import { trainerEventSchema } from '../../src-shared/ipc/trainer-protocol';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const count = (min: number) => fc.integer({ min, max: 2 ** 40 });
const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
const runId = fc.string({ minLength: 1, maxLength: 12 });

const status = fc.record({
  type: fc.constant('status'),
  runId,
  status: fc.constantFrom('empty', 'ready', 'training', 'paused', 'stopped'),
  epoch: count(0),
  reason: nullable(fc.constantFrom('criterion', 'max-epochs', 'diverged', 'step-done', 'paused')),
  message: nullable(fc.string({ maxLength: 8 })),
});

const sample = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.array(count(1), { maxLength: 3 }))
  .chain(([patterns, epochs]) =>
    fc.record({ patterns: fc.constant(patterns), epochs: fc.constant(epochs), pss: fc.array(finite, { minLength: epochs.length * patterns, maxLength: epochs.length * patterns }) }),
  );

const metrics = fc.record(
  {
    type: fc.constant('metrics'),
    runId,
    latest: nullable(fc.record({ epoch: count(1), tss: finite, fractionCorrect: finite })),
    historyStride: count(1),
    firstEpoch: count(1),
    tss: fc.array(finite, { maxLength: 4 }),
    fractionCorrect: fc.array(finite, { maxLength: 4 }),
    testTss: nullable(fc.array(finite, { maxLength: 4 })),
    patternsIntoEpoch: count(0),
    patternErrors: sample,
  },
  { requiredKeys: ['type', 'runId', 'latest', 'historyStride', 'firstEpoch', 'tss', 'fractionCorrect', 'testTss', 'patternsIntoEpoch'] },
);

const result = fc.record({
  name: fc.string({ maxLength: 4 }),
  output: fc.array(finite, { maxLength: 3 }),
  target: fc.array(nullable(finite), { maxLength: 3 }),
  pss: finite,
  correct: fc.boolean(),
});

const view = fc.record({
  type: fc.constant('view'),
  runId,
  epoch: count(0),
  patterns: fc.array(result, { maxLength: 3 }),
  testPatterns: nullable(fc.array(result, { maxLength: 2 })),
  weights: fc.array(fc.array(fc.array(finite, { maxLength: 3 }), { maxLength: 3 }), { maxLength: 2 }),
  biases: fc.array(fc.array(finite, { maxLength: 3 }), { maxLength: 2 }),
});

const hotEvent = fc.oneof(status, metrics, view);

/** Values a mutation puts somewhere: wrong types, non-finite and non-integer numbers, other events' words. */
const strange = fc.constantFrom<unknown>(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  0,
  -0,
  1,
  1.5,
  2 ** 53,
  '',
  '1',
  'training',
  'criterion',
  'metrics',
  'view',
  null,
  undefined,
  true,
  [],
  [1],
  {},
);

type Container = Record<string, unknown> | unknown[];

/** Every object or array inside `value` (itself included), with the path to it. */
function containers(value: unknown, path: Array<string | number> = []): Array<{ at: Container; path: Array<string | number> }> {
  if (typeof value !== 'object' || value === null) return [];
  const here = [{ at: value as Container, path }];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return here.concat(entries.flatMap(([key, child]) => containers(child, [...path, key])));
}

const mutation = fc.record({ where: fc.nat(), key: fc.nat(), kind: fc.constantFrom('replace', 'drop', 'add', 'hole'), value: strange });

function mutate(event: unknown, { where, key, kind, value }: { where: number; key: number; kind: string; value: unknown }): unknown {
  const copy = structuredClone(event);
  const all = containers(copy);
  const { at } = all[where % all.length];
  const keys = Array.isArray(at) ? at.map((_, i) => i) : Object.keys(at);
  if (kind === 'add') {
    if (Array.isArray(at)) at.push(value);
    else at[`extra${key % 3}`] = value;
    return copy;
  }
  if (keys.length === 0) return copy;
  const chosen = keys[key % keys.length];
  if (kind === 'replace') (at as Record<string | number, unknown>)[chosen] = value;
  else if (kind === 'hole' && Array.isArray(at)) at.length += 1;
  else delete (at as Record<string | number, unknown>)[chosen];
  return copy;
}

describe('the hand check of status, metrics and view events', () => {
  it('accepts every valid event, as the schema does', () => {
    fc.assert(
      fc.property(hotEvent, (event) => {
        expect(trainerEventSchema.safeParse(event).success).toBe(true);
        expect(checkHotEvent(event)).toEqual({ ok: true, event });
      }),
      { numRuns: 400 },
    );
  });

  it('refuses a mutated event exactly when the schema does, naming the field', () => {
    let refused = 0;
    fc.assert(
      fc.property(hotEvent, fc.array(mutation, { minLength: 1, maxLength: 2 }), (event, mutations) => {
        const mutated = mutations.reduce<unknown>(mutate, event);
        const zod = trainerEventSchema.safeParse(mutated).success;
        const hand = checkHotEvent(mutated);
        // Not one of these three types any more: the schema alone checks it.
        if (hand === null) return;
        expect(hand.ok, JSON.stringify(mutated)).toBe(zod);
        if (!hand.ok) {
          refused++;
          expect(hand.path.length).toBeGreaterThan(0);
          expect(hand.message).not.toBe('');
        }
      }),
      { numRuns: 3000 },
    );
    expect(refused).toBeGreaterThan(1000);
  });

  it('names the field: where it is and what was expected', () => {
    const bad = { type: 'view', runId: 'r-1', epoch: 3, patterns: [{ name: 'a', output: [0.5], target: [1], pss: Number.NaN, correct: false }], testPatterns: null, weights: [[[1, 2]]], biases: [[0]] };
    expect(checkHotEvent(bad)).toEqual({ ok: false, path: ['patterns', 0, 'pss'], message: 'expected a finite number' });
    const short = { type: 'metrics', runId: 'r-1', latest: null, historyStride: 1, firstEpoch: 1, tss: [1], fractionCorrect: [0], testTss: null, patternsIntoEpoch: 0, patternErrors: { patterns: 2, epochs: [1], pss: [0.5] } };
    expect(checkHotEvent(short)).toEqual({ ok: false, path: ['patternErrors', 'pss'], message: 'must hold one pss per pattern for each epoch' });
    expect(trainerEventSchema.safeParse(short).success).toBe(false);
    const extra = { type: 'status', runId: 'r-1', status: 'ready', epoch: 0, reason: null, message: null, colour: 'red' };
    expect(checkHotEvent(extra)).toMatchObject({ ok: false, path: ['colour'] });
    const long = { ...extra, colour: undefined, runId: 'r'.repeat(65) };
    delete long.colour;
    expect(checkHotEvent(long)).toEqual({ ok: false, path: ['runId'], message: 'expected 1 to 64 characters' });
    expect(trainerEventSchema.safeParse(long).success).toBe(false);
  });

  it('leaves every other event to the schema', () => {
    for (const other of [null, 'metrics', [], { type: 'result' }, { type: 'error', message: 'x', command: null }, {}]) expect(checkHotEvent(other)).toBeNull();
  });
});
