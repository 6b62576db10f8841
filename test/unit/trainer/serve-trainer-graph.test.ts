/**
 * The trainer loop hosts a graph network (several input or output layers, projections that skip layers) on
 * the graph path, exactly as the command line's run (GraphRun) computes it: load, train to criterion,
 * step, step one pattern, reset, settings, looking inside, per-pattern errors, views and save.
 */
import { describe, expect, it } from 'vitest';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import { parseModel } from '../../../src-shared/model/parse';
import { example, startTrainer } from '../../support/trainer-harness';

describe('the trainer loop with a graph network', () => {
  it('trains the 2-1-1 XOR to criterion, every epoch and the saved state as GraphRun computes them', async () => {
    const model = example('xor-2-1-1');
    const trainer = startTrainer();
    const loaded = await trainer.request({ type: 'load', model }, 'result');
    expect(loaded.epoch).toBe(0);
    expect(trainer.events('error')).toEqual([]);
    const mark = trainer.mark();
    const status = await trainer.request({ type: 'train' }, 'status', (s) => s.status === 'stopped');
    expect(status.reason).toBe('criterion');
    const result = await trainer.next('result', () => true, mark);

    const reference = new GraphRun(model);
    reference.advance(Number.MAX_SAFE_INTEGER);
    expect(result.epoch).toBe(reference.epoch);
    expect(trainer.curve()).toEqual(reference.tssHistory);
    expect(result.state).toEqual(structuredClone(reference.state()));
    expect(result.patterns.map((p) => p.output)).toEqual(reference.testPass().patterns.map((p) => p.output));
    expect(result.tss).toBeLessThan(0.04);
    expect(result.testPatterns).toBeNull();

    // Save: the snapshot is a model the loader accepts, and it continues where it stood.
    const snapshot = await trainer.request({ type: 'snapshot' }, 'snapshot');
    const parsed = parseModel(structuredClone(snapshot.model));
    expect(parsed.ok).toBe(true);
    expect(snapshot.model.projections).toEqual(model.projections);
    const reloaded = startTrainer();
    const again = await reloaded.request({ type: 'load', model: snapshot.model }, 'result');
    expect(again.epoch).toBe(reference.epoch);
    expect(again.state.weights).toEqual(result.state.weights);
  });

  it('steps epochs and single patterns (each looked inside first), resets, and takes new settings', async () => {
    const model = example('xor-2-1-1', { order: 'permuted' });
    const trainer = startTrainer();
    const loaded = await trainer.request({ type: 'load', model }, 'result');
    const reference = new GraphRun(model);
    for (let i = 0; i < 4; i++) {
      const mark = trainer.mark();
      const step = await trainer.request({ type: 'stepPattern' }, 'stepped');
      expect(step.pattern).toBe(reference.nextPattern());
      expect(step.inspection).toEqual(structuredClone(reference.inspect(step.pattern)));
      // The output's net input: the skip's term, the hidden unit's and the bias.
      expect(step.inspection.layers[2].netInputTerms.map((t) => t.layer)).toEqual([0, 1]);
      reference.advance(1);
      const result = await trainer.next('result', () => true, mark);
      expect(result.state.weights).toEqual(structuredClone(reference.state().weights));
    }
    expect(trainer.events('result').at(-1)!.epoch).toBe(1);
    const stepped = await trainer.request({ type: 'step', epochs: 3 }, 'result');
    reference.advance(Number.MAX_SAFE_INTEGER, 4);
    expect(stepped.epoch).toBe(4);
    expect(stepped.state).toEqual(structuredClone(reference.state()));
    // The per-pattern errors of the epochs stepped: each epoch's pss terms sum to its tss.
    const sampled = trainer.events('metrics').flatMap((m) => {
      const sample = m.patternErrors;
      return sample ? sample.epochs.map((epoch, i) => ({ epoch, errors: sample.pss.slice(i * sample.patterns, (i + 1) * sample.patterns) })) : [];
    });
    expect(sampled.length).toBeGreaterThan(0);
    for (const { epoch, errors } of sampled) expect(errors.reduce((a, b) => a + b, 0)).toBeCloseTo(reference.tssHistory[epoch - 1], 12);

    const reset = await trainer.request({ type: 'reset' }, 'result');
    expect(reset.epoch).toBe(0);
    expect(reset.state.weights).toEqual(loaded.state.weights);
    const reseeded = await trainer.request({ type: 'configure', training: { seed: 9 } }, 'result');
    expect(reseeded.state.weights).toEqual(structuredClone(new GraphRun(example('xor-2-1-1', { order: 'permuted', seed: 9 })).state().weights));
    trainer.command({ type: 'configure', training: { learningRate: 0.1 } });
    const snapshot = await trainer.request({ type: 'snapshot' }, 'snapshot');
    expect(snapshot.model.training.learningRate).toBe(0.1);
    expect(snapshot.model.state!.weights).toEqual(reseeded.state.weights);
  });

  it('looks inside a pattern of several input layers, and names the input layers when a typed input is the wrong size', async () => {
    const model = example('rumelhart-graph');
    const trainer = startTrainer();
    await trainer.request({ type: 'load', model }, 'result');
    const reference = new GraphRun(model);
    const train = await trainer.request({ type: 'inspect', probe: { set: 'train', pattern: 5 } }, 'inspection');
    expect(train.inspection).toEqual(structuredClone(reference.inspect(5)));
    // The hidden layer sums the representation's and the relation's projections.
    expect(train.inspection.layers[3].netInputTerms.map((t) => train.inspection.layers[t.layer].name)).toEqual(['representation', 'relation']);
    const input = model.patterns[5].input;
    const typed = await trainer.request({ type: 'inspect', probe: { input, target: null } }, 'inspection');
    expect(typed.inspection.output).toEqual(train.inspection.output);
    const wrong = await trainer.request({ type: 'inspect', probe: { input: [1, 0], target: null } }, 'error');
    expect(wrong.message).toBe('The input has 2 values; the input layers have 12 units.');
  });

  it('while watched, posts views with one weight matrix per projection', async () => {
    const model = example('xor-2-1-1');
    const trainer = startTrainer();
    await trainer.request({ type: 'load', model }, 'result');
    const view = await trainer.request({ type: 'watch', intervalMs: 40 }, 'view');
    const reference = new GraphRun(model);
    expect(view.weights).toEqual(reference.state().weights);
    expect(view.weights.map((W) => [W.length, W[0].length])).toEqual([[1, 2], [1, 2], [1, 1]]);
  });
});
