/**
 * The trainer loop hosts a recurrent network (Elman's simple recurrent network) exactly as the command
 * line's run (RecurrentRun) computes it: load, train, pause, step, step one event (looked inside with the
 * context it is presented with), reset, settings, looking inside an event of a sequence, views and save
 * (the context and the stored events go with the state, and the run continues where it stood).
 */
import { describe, expect, it } from 'vitest';
import { letterTask, temporalXor } from '../../../src-shared/data/recurrent-examples';
import { RecurrentRun } from '../../../src-shared/engine/recurrent/recurrent-run';
import { parseModel } from '../../../src-shared/model/parse';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { example, startTrainer } from '../../support/trainer-harness';

/** Temporal XOR in sequences of six events (a reset mark every sixth), permuted, BPTT(3). */
function xorInSequences(training: Partial<ModelDocument['training']> = {}): ModelDocument {
  const model = temporalXor(36);
  model.patterns = model.patterns.map((p, i) => (i % 6 === 0 ? { ...p, reset: true } : p));
  model.training = { ...model.training, order: 'permuted', maxEpochs: 40, ...training };
  return model;
}

const CONTEXT = 2;
const HIDDEN = 1;
const OUTPUT = 3;

describe('the trainer loop with a recurrent network', () => {
  it('loads what it refused before, trains as RecurrentRun does, and saves a state that continues exactly', async () => {
    const model = temporalXor(30);
    model.training = { ...model.training, maxEpochs: 25 };
    const trainer = startTrainer();
    const loaded = await trainer.request({ type: 'load', model }, 'result');
    expect(loaded.epoch).toBe(0);
    expect(trainer.events('error')).toEqual([]);
    const mark = trainer.mark();
    const status = await trainer.request({ type: 'train' }, 'status', (s) => s.status === 'stopped');
    expect(status.reason).toBe('max-epochs');
    const result = await trainer.next('result', () => true, mark);

    const reference = new RecurrentRun(model);
    reference.advance(Number.MAX_SAFE_INTEGER);
    expect(result.epoch).toBe(25);
    expect(trainer.curve()).toEqual(reference.tssHistory);
    expect(result.state).toEqual(structuredClone(reference.state()));
    // The context the stream carries into the next pass is the hidden layer's activations at the last event (BPTT(3) keeps two).
    expect(result.state.recurrent!.events).toHaveLength(2);
    expect(result.state.recurrent!.context[0]).toEqual(result.state.recurrent!.events[1].act[HIDDEN]);
    expect(result.patterns.map((p) => p.output)).toEqual(reference.testPass().patterns.map((p) => p.output));

    const snapshot = await trainer.request({ type: 'snapshot' }, 'snapshot');
    const parsed = parseModel(structuredClone(snapshot.model));
    expect(parsed.ok).toBe(true);
    expect(snapshot.model.links).toEqual(model.links);
    expect(snapshot.model.recurrence).toEqual(model.recurrence);
    // Continued in a new trainer with a higher maximum, it reaches what one uninterrupted run reaches.
    const longer = { ...snapshot.model, training: { ...snapshot.model.training, maxEpochs: 30 } };
    const reloaded = startTrainer();
    const again = await reloaded.request({ type: 'load', model: longer }, 'result');
    expect(again.epoch).toBe(25);
    const continued = await reloaded.request({ type: 'step', epochs: 5 }, 'result');
    const straight = new RecurrentRun({ ...model, training: { ...model.training, maxEpochs: 30 } });
    straight.advance(Number.MAX_SAFE_INTEGER);
    expect(continued.epoch).toBe(30);
    expect(continued.state.weights).toEqual(structuredClone(straight.state().weights));
    expect(continued.state.recurrent).toEqual(structuredClone(straight.state().recurrent));
  });

  it('steps one event at a time, each looked inside with the context it is presented with', async () => {
    const model = xorInSequences();
    const trainer = startTrainer();
    await trainer.request({ type: 'load', model }, 'result');
    const reference = new RecurrentRun(model);
    let starts = 0;
    for (let i = 0; i < 14; i++) {
      const mark = trainer.mark();
      const step = await trainer.request({ type: 'stepPattern' }, 'stepped');
      const p = reference.nextPattern();
      expect(step.pattern).toBe(p);
      const context = step.inspection.layers[CONTEXT];
      expect(context.name).toBe('context');
      // A sequence's first event starts from the initial 0.5; every other one from the copy of the event before.
      if (model.patterns[p].reset) {
        starts++;
        expect(context.activation).toEqual([0.5, 0.5]);
      } else {
        expect(context.activation).toEqual(Array.from(reference.recurrence.context[0]));
      }
      const hiddenTerms = step.inspection.layers[HIDDEN].netInputTerms.map((t) => step.inspection.layers[t.layer].name);
      expect(hiddenTerms).toEqual(['input', 'context']);
      reference.advance(1);
      // The inspection's forward pass is the one training presented.
      expect(step.inspection.layers[OUTPUT].activation).toEqual(Array.from(reference.network.act[OUTPUT]));
      expect(step.inspection.layers[HIDDEN].activation).toEqual(Array.from(reference.recurrence.context[0]));
      const result = await trainer.next('result', () => true, mark);
      expect(result.state.weights).toEqual(structuredClone(reference.state().weights));
      expect(result.state.recurrent).toEqual(structuredClone(reference.state().recurrent));
    }
    expect(starts).toBeGreaterThanOrEqual(2);

    const stepped = await trainer.request({ type: 'step', epochs: 3 }, 'result');
    reference.advance(Number.MAX_SAFE_INTEGER, 3);
    expect(stepped.epoch).toBe(3);
    expect(stepped.state).toEqual(structuredClone(reference.state()));

    const reset = await trainer.request({ type: 'reset' }, 'result');
    expect(reset.epoch).toBe(0);
    expect(reset.state).toEqual(structuredClone(new RecurrentRun(model).state()));
    const reseeded = await trainer.request({ type: 'configure', training: { seed: 9 } }, 'result');
    expect(reseeded.state).toEqual(structuredClone(new RecurrentRun(xorInSequences({ seed: 9 })).state()));
    trainer.command({ type: 'configure', training: { learningRate: 0.1 } });
    const snapshot = await trainer.request({ type: 'snapshot' }, 'snapshot');
    expect(snapshot.model.training.learningRate).toBe(0.1);
    expect(snapshot.model.patterns.filter((p) => p.reset)).toHaveLength(6);
  });

  it('pauses a long run and keeps its sequences whole', async () => {
    const model = letterTask(60);
    model.training = { ...model.training, order: 'permuted', maxEpochs: 100_000 };
    model.patterns = model.patterns.map((p, i) => (p.input[0] === 1 && i > 0 ? { ...p, reset: true } : p));
    const trainer = startTrainer();
    await trainer.request({ type: 'load', model }, 'result');
    await trainer.request({ type: 'train' }, 'status', (s) => s.status === 'training');
    await trainer.next('metrics', (m) => m.latest !== null && m.latest.epoch >= 2);
    const mark = trainer.mark();
    const paused = await trainer.request({ type: 'pause' }, 'status', (s) => s.status === 'paused');
    const result = await trainer.next('result', () => true, mark);
    expect(result.epoch).toBe(paused.epoch);
    // The paused state is one the loader accepts (an epoch under way presents whole sequences).
    const snapshot = await trainer.request({ type: 'snapshot' }, 'snapshot');
    expect(parseModel(structuredClone(snapshot.model)).ok).toBe(true);
    // However the slices fell, the paused state is the one the run reaches after as many events, whole
    // sequences in the permuted order, the context and (one-step) no stored events.
    const presented = result.epoch * model.patterns.length + (result.state.cursor?.position ?? 0);
    const reference = new RecurrentRun(model);
    reference.advance(presented);
    expect(result.state).toEqual(structuredClone(reference.state()));
  });

  it('looks inside an event of a sequence with the context a pass over it in order gives, as Test computes it', async () => {
    const model = xorInSequences();
    const trainer = startTrainer();
    await trainer.request({ type: 'load', model }, 'result');
    const trained = await trainer.request({ type: 'step', epochs: 5 }, 'result');
    const reference = new RecurrentRun(model);
    reference.advance(Number.MAX_SAFE_INTEGER, 5);
    const hidden = reference.layerOverSequence(HIDDEN);
    for (const p of [0, 4, 6, 11]) {
      const seen = await trainer.request({ type: 'inspect', probe: { set: 'train', pattern: p } }, 'inspection');
      const context = seen.inspection.layers[CONTEXT].activation;
      expect(context).toEqual(model.patterns[p].reset ? [0.5, 0.5] : hidden[p - 1]);
      expect(seen.inspection.layers[HIDDEN].activation).toEqual(hidden[p]);
      // Its output is the test pass's output for the event.
      expect(seen.inspection.layers[OUTPUT].activation).toEqual(trained.patterns[p].output);
    }
    // Looking inside leaves the training stream as it was: the next step matches the reference.
    const stepped = await trainer.request({ type: 'step', epochs: 1 }, 'result');
    reference.advance(Number.MAX_SAFE_INTEGER, 6);
    expect(stepped.state).toEqual(structuredClone(reference.state()));
    // A typed input is seen with the stream's context.
    const typed = await trainer.request({ type: 'inspect', probe: { input: [1], target: null } }, 'inspection');
    expect(typed.inspection.layers[CONTEXT].activation).toEqual(Array.from(reference.recurrence.context[0]));
    const wrong = await trainer.request({ type: 'inspect', probe: { input: [1, 0], target: null } }, 'error');
    expect(wrong.message).toBe('The input has 2 values; the input layer has 1 units.');
  });

  it('while watched, posts views with one weight matrix per projection, the context\'s included', async () => {
    const model = temporalXor(30);
    const trainer = startTrainer();
    await trainer.request({ type: 'load', model }, 'result');
    const view = await trainer.request({ type: 'watch', intervalMs: 40 }, 'view');
    expect(view.weights).toEqual(new RecurrentRun(model).state().weights);
    expect(view.weights.map((W) => [W.length, W[0].length])).toEqual([[2, 1], [2, 2], [1, 2]]);
    // The next model loads as usual after a recurrent one.
    const loaded = await trainer.request({ type: 'load', model: example('xor') }, 'result');
    expect(loaded.epoch).toBe(0);
  });
});
