/**
 * A recurrent run (engine/recurrent): the context's copy and resets, whole sequences shuffled, the training
 * stream untouched by test passes, exact save-and-continue (train 2N events = train N, save, load, train N),
 * and the refusals: GraphRun (the app's path) refuses a recurrent model by name; the loader refuses context
 * layers it cannot build, naming the field.
 */
import { describe, expect, it } from 'vitest';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import { RECURRENT_NETWORKS_NOTICE } from '../../../src-shared/engine/graph/graph-support';
import { RecurrentRun } from '../../../src-shared/engine/recurrent/recurrent-run';
import { createRun } from '../../../src-shared/engine/training-run';
import { createModel } from '../../../src-shared/model/create';
import { parseModel, parseModelText } from '../../../src-shared/model/parse';
import type { ModelDocument, Pattern, TrainingSettings } from '../../../src-shared/model/schema';
import { serializeModel } from '../../../src-shared/model/serialize';
import { checked, testRandom } from './helpers';

function patterns(count: number, resets: number[], seed = 2): Pattern[] {
  const rand = testRandom(seed);
  return Array.from({ length: count }, (_, t) => ({
    name: `e${t}`, input: [rand() < 0.5 ? 0 : 1, rand()], target: [rand() < 0.5 ? 0 : 1],
    ...(resets.includes(t) ? { reset: true } : {}),
  }));
}

function srn(events: Pattern[], training: Partial<TrainingSettings> = {}, depth = 1, initial = 0.5): ModelDocument {
  return checked(createModel({
    name: 'srn', description: '',
    layers: [
      { kind: 'input', name: 'in', units: 2, activation: 'linear', bias: false },
      { kind: 'hidden', name: 'hidden', units: 3, activation: 'logistic', bias: true },
      { kind: 'hidden', name: 'context', units: 3, activation: 'linear', bias: false },
      { kind: 'output', name: 'out', units: 1, activation: 'logistic', bias: true },
    ],
    projections: [{ from: 0, to: 1 }, { from: 2, to: 1 }, { from: 1, to: 3 }],
    links: [{ kind: 'copy', from: 1, to: 2, delay: 1, initial }],
    ...(depth > 1 ? { recurrence: { gradient: 'bptt' as const, depth } } : {}),
    patterns: events,
    training: { learningRate: 0.5, momentum: 0.9, seed: 3, errorCriterion: 0, ...training },
  }));
}

function reload(run: RecurrentRun): RecurrentRun {
  const parsed = parseModelText(serializeModel(run.toModel()));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return new RecurrentRun(parsed.model);
}

describe('a recurrent run', () => {
  const cases: [string, ModelDocument][] = [
    ['a continuous stream, one-step', srn(patterns(12, []), { order: 'sequential' })],
    ['sequences, permuted, BPTT(3)', srn(patterns(14, [0, 3, 7, 8, 12]), { order: 'permuted' }, 3)],
    ['sequences, minibatch of 4, BPTT(2)', srn(patterns(10, [0, 5]), { update: 'minibatch', batchSize: 4 }, 2)],
    ['a stream without a first mark, batch, BPTT(4)', srn(patterns(9, [4]), { update: 'batch', order: 'sequential' }, 4, 0)],
  ];
  for (const [label, model] of cases) {
    it(`continues exactly after a save, mid-epoch and mid-sequence: ${label}`, () => {
      for (const n of [5, 17, 31]) {
        const straight = new RecurrentRun(model);
        straight.advance(2 * n);
        const first = new RecurrentRun(model);
        first.advance(n);
        const continued = reload(first);
        expect(continued.state().recurrent).toEqual(first.state().recurrent);
        continued.advance(n);
        expect(continued.state(), `${label}, N = ${n}`).toEqual(straight.state());
      }
    });
  }

  it('copies the hidden layer into the context, and resets it at a sequence\'s start', () => {
    const events = patterns(6, [0, 3]);
    const run = new RecurrentRun(srn(events, { order: 'sequential', learningRate: 0 }));
    const context = () => Array.from(run.recurrence.context[0]);
    expect(context()).toEqual([0.5, 0.5, 0.5]);
    run.advance(1);
    expect(context()).toEqual(Array.from(run.network.act[1])); // c(2) = h(1)
    run.advance(2);
    expect(Array.from(run.network.act[2])).not.toEqual([0.5, 0.5, 0.5]); // event 3 saw h(2)
    run.advance(1); // event 4 starts a sequence
    expect(Array.from(run.network.act[2])).toEqual([0.5, 0.5, 0.5]);
  });

  it('carries a continuous stream\'s context from one epoch into the next', () => {
    const run = new RecurrentRun(srn(patterns(4, []), { order: 'sequential', learningRate: 0 }));
    run.advance(4);
    const last = Array.from(run.network.act[1]);
    run.advance(1);
    expect(Array.from(run.network.act[2])).toEqual(last);
  });

  it('shuffles whole sequences, never the events inside one', () => {
    const events = patterns(14, [0, 3, 7, 8, 12]);
    const run = new RecurrentRun(srn(events, { order: 'permuted' }));
    const orders = new Set<string>();
    for (let epoch = 0; epoch < 6; epoch++) {
      run.advance(1);
      const order = Array.from(run.state().cursor!.order);
      orders.add(order.join(','));
      const parts: number[][] = [];
      order.forEach((p) => (events[p].reset ? parts.push([p]) : parts[parts.length - 1].push(p)));
      expect(parts.map((part) => part.join(',')).sort()).toEqual(['0,1,2', '3,4,5,6', '7', '8,9,10,11', '12,13'].sort());
      run.advance(13);
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('tests a set from its initial context without disturbing the training stream', () => {
    const model = srn(patterns(8, [0, 4]), { order: 'sequential' }, 3);
    const tested = new RecurrentRun(model);
    const untouched = new RecurrentRun(model);
    tested.advance(6);
    untouched.advance(6);
    const pass = tested.testPass();
    expect(pass.patterns).toHaveLength(8);
    expect(tested.testPass()).toEqual(pass); // the same from the same weights: each pass starts afresh
    tested.advance(5);
    untouched.advance(5);
    expect(tested.state()).toEqual(untouched.state());
  });

  it('is what createRun builds for a recurrent model; GraphRun (the app\'s path) refuses one by name', () => {
    const model = srn(patterns(4, []));
    expect(createRun(model)).toBeInstanceOf(RecurrentRun);
    expect(() => new GraphRun(model)).toThrow(RECURRENT_NETWORKS_NOTICE);
  });

  it('refuses a context layer it cannot build, naming the field', () => {
    const model = srn(patterns(4, []));
    const problems = (changed: unknown) => {
      const parsed = parseModel(JSON.parse(JSON.stringify(changed)));
      return parsed.ok ? [] : parsed.problems;
    };
    const layers = model.layers.map((layer, i) => (i === 2 ? { ...layer, bias: true } : layer));
    expect(problems({ ...model, layers })).toContainEqual({ path: 'layers[2].bias', message: 'is true, but layer 2 (context) is a context layer: it holds a copy, so it has no bias' });
    const small = model.layers.map((layer, i) => (i === 2 ? { ...layer, units: 2 } : layer));
    expect(problems({ ...model, layers: small })).toContainEqual(expect.objectContaining({ path: 'links[0].to', message: expect.stringMatching(/2 units, but the copy is one-to-one from layer 1 \(hidden\)'s 3/) }));
    const plain = createModel({
      name: 'chain', description: '',
      layers: [model.layers[0], model.layers[1], model.layers[3]],
      patterns: model.patterns.map((p, i) => (i === 2 ? { ...p, reset: true } : p)),
    });
    expect(problems(plain)).toContainEqual({ path: 'patterns[2].reset', message: 'marks a sequence start, but the model has no links (no context layer to reset)' });
    const trained = new RecurrentRun(model).toModel();
    expect(problems({ ...trained, state: { ...trained.state, recurrent: undefined } })).toContainEqual(expect.objectContaining({ path: 'state.recurrent' }));
    const badOrder = { ...trained, patterns: patterns(4, [0, 2]), state: { ...trained.state, cursor: { order: [1, 0, 2, 3], position: 1, tss: 0, correct: 0 } } };
    expect(problems(badOrder)).toContainEqual(expect.objectContaining({ path: 'state.cursor.order', message: expect.stringMatching(/breaks a sequence/) }));
  });
});
