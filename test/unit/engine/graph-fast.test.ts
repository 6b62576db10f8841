/**
 * The graph path on the fast kernels (engine/fast/graph-passes.ts) against GraphNetwork's own passes, the
 * reference: on random graphs (several inputs and outputs, skips, an output layer that feeds another, frozen
 * projections) and on simple recurrent networks, every update mode, momentum, weight decay, both losses,
 * backpropagation and feedback alignment end with the same bits — weights, momentum, the pending gradient,
 * the learning curve, and the outputs after training.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { chooseGraphPlan, useGraphReferencePasses } from '../../../src-shared/engine/fast/plan';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import { createRun } from '../../../src-shared/engine/training-run';
import { letterTask, temporalXor } from '../../../src-shared/data/recurrent-examples';
import type { ModelDocument, TrainingSettings } from '../../../src-shared/model/schema';
import { randomGraph } from './graph-helpers';

afterEach(() => useGraphReferencePasses(false));

/** Everything a run ends with, as bit patterns (Object.is tells −0 from 0 and compares NaN). */
function finish(model: ModelDocument, presentations: number, reference: boolean): number[] {
  useGraphReferencePasses(reference);
  const run = createRun(model) as GraphRun;
  // Odd slices, so updates straddle advance() calls.
  let left = presentations;
  for (let step = 3; left > 0; step = (step * 5 + 1) % 17 + 1) left -= run.advance(Math.min(step, left)).presented;
  useGraphReferencePasses(false);
  return [
    ...run.network.params, ...run.momentum, ...(run.gradientPending ? run.gradient : []), ...run.tssHistory,
    run.cursor.tss, run.cursor.position, ...run.outputs('train').flat(),
  ];
}

function expectSameBits(a: number[], b: number[]): void {
  expect(a.length).toBe(b.length);
  const differing = a.flatMap((x, i) => (Object.is(x, b[i]) ? [] : [i]));
  expect(differing).toEqual([]);
}

const variants: [string, Partial<TrainingSettings>][] = [
  ['online, momentum', { update: 'online', momentum: 0.9 }],
  ['online, weight decay', { update: 'online', momentum: 0.5, weightDecay: 1e-3 }],
  ['online, feedback alignment', { update: 'online', momentum: 0.9, rule: 'feedback-alignment' }],
  ['batch, momentum', { update: 'batch', momentum: 0.9 }],
  ['minibatch 3, weight decay', { update: 'minibatch', batchSize: 3, weightDecay: 1e-3 }],
  ['minibatch 3, feedback alignment', { update: 'minibatch', batchSize: 3, rule: 'feedback-alignment', momentum: 0.5 }],
];

describe('the graph path on the fast kernels gives the reference passes\' bits', () => {
  for (const [name, training] of variants) {
    it(`random graphs, ${name}`, () => {
      for (let seed = 1; seed <= 12; seed++) {
        const base = randomGraph(seed, seed % 3 === 0 ? 'cross-entropy' : 'squared-error', seed % 2 === 0);
        const model = { ...base, training: { ...base.training, learningRate: 0.3, order: 'permuted' as const, ...training } };
        expectSameBits(finish(model, 203, false), finish(model, 203, true));
      }
    });
  }

  it('simple recurrent networks: one-step online, BPTT online (fused, with momentum and feedback alignment; with weight decay), BPTT in minibatches with feedback alignment', () => {
    const srn = (model: ModelDocument, recurrence: ModelDocument['recurrence'], training: Partial<TrainingSettings> = {}): ModelDocument =>
      ({ ...model, recurrence, training: { ...model.training, ...training } });
    const cases = [
      srn(temporalXor(60), { gradient: 'one-step' }, { momentum: 0.9 }),
      srn(temporalXor(60), { gradient: 'bptt', depth: 3 }),
      srn(letterTask(12), { gradient: 'one-step' }),
      srn(letterTask(12), { gradient: 'bptt', depth: 4 }, { update: 'minibatch', batchSize: 5, rule: 'feedback-alignment' }),
      srn(letterTask(12), { gradient: 'bptt', depth: 4 }, { momentum: 0.9, rule: 'feedback-alignment', order: 'permuted' }),
      srn(letterTask(12), { gradient: 'bptt', depth: 2 }, { momentum: 0.5, weightDecay: 1e-3 }),
    ];
    for (const model of cases) expectSameBits(finish(model, 250, false), finish(model, 250, true));
  });

  it('settings changed in the middle of updates and epochs (online ↔ minibatch, decay, the rule)', () => {
    const changes: Partial<TrainingSettings>[] = [
      { update: 'minibatch', batchSize: 3 }, { update: 'online' }, { weightDecay: 1e-3 }, { weightDecay: 0, rule: 'feedback-alignment' },
      { update: 'batch' }, { update: 'online', momentum: 0 },
    ];
    const run = (seed: number, reference: boolean) => {
      const base = randomGraph(seed, 'squared-error', true);
      useGraphReferencePasses(reference);
      const graph = new GraphRun({ ...base, training: { ...base.training, learningRate: 0.3, momentum: 0.9 } });
      for (const change of changes) {
        graph.advance(7);
        graph.configure(change);
      }
      graph.advance(31);
      useGraphReferencePasses(false);
      return [...graph.network.params, ...graph.momentum, ...(graph.gradientPending ? graph.gradient : []), ...graph.tssHistory, graph.cursor.tss];
    };
    for (let seed = 20; seed < 26; seed++) expectSameBits(run(seed, false), run(seed, true));
  });

  it('the fused online step is the one chosen wherever it applies', () => {
    const online = { update: 'online', learningRate: 0.1, momentum: 0.9, weightDecay: 0 } as const;
    expect(chooseGraphPlan(online, 1)).toBe('online');
    expect(chooseGraphPlan({ ...online, weightDecay: 1e-3 }, 1)).toBe('fast');
    expect(chooseGraphPlan(online, 4)).toBe('through-time');
    expect(chooseGraphPlan({ ...online, weightDecay: 1e-3 }, 4)).toBe('fast');
    expect(chooseGraphPlan({ ...online, update: 'minibatch' }, 1)).toBe('fast');
    useGraphReferencePasses(true);
    expect(chooseGraphPlan(online, 1)).toBe('reference');
  });
});
