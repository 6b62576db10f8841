import { describe, expect, it, vi } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { Simulation } from '../../../src-shared/engine/simulation';
import type { TrainerEvent } from '../../../src-shared/ipc/trainer-protocol';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { serveTrainer, type TrainerTiming } from '../../../src-shared/trainer/serve-trainer';
import { TrainerRecorder } from '../../support/trainer-harness';

function startTrainer(timing: Partial<TrainerTiming> = {}): TrainerRecorder {
  let deliver: (data: unknown) => void = () => undefined;
  const recorder = new TrainerRecorder((command) => setImmediate(() => deliver(structuredClone(command))));
  serveTrainer(
    {
      postMessage: (event: TrainerEvent) => setImmediate(() => recorder.accept(structuredClone(event))),
      onMessage: (handler) => {
        deliver = handler;
      },
    },
    { defer: setImmediate, ...timing },
  );
  return recorder;
}

function example(id: string, training: Partial<ModelDocument['training']> = {}): ModelDocument {
  const model = findExample(id)!.build();
  return { ...model, training: { ...model.training, ...training } };
}

describe('the trainer loop', () => {
  it('trains XOR to its error criterion and reports every epoch exactly as the engine computes it', async () => {
    const trainer = startTrainer();
    const model = example('xor');
    await trainer.request({ type: 'load', model }, 'result');
    const mark = trainer.mark();
    const status = await trainer.request({ type: 'train' }, 'status', (s) => s.status === 'stopped');
    expect(status.reason).toBe('criterion');
    const result = await trainer.next('result', () => true, mark);
    expect(result.tss).toBeLessThan(0.04);

    const reference = new Simulation(model);
    reference.advance(Number.MAX_SAFE_INTEGER);
    expect(trainer.curve()).toEqual(reference.tssHistory);
    expect(result.state.weights).toEqual(reference.state().weights);
  });

  it('steps exactly one epoch, and reset returns the same initial weights', async () => {
    const trainer = startTrainer();
    const loaded = await trainer.request({ type: 'load', model: example('xor') }, 'result');
    const stepped = await trainer.request({ type: 'step', epochs: 1 }, 'result');
    expect(stepped.epoch).toBe(1);
    expect(stepped.state.weights).not.toEqual(loaded.state.weights);
    const status = trainer.events('status').at(-1)!;
    expect(status).toMatchObject({ status: 'paused', reason: 'step-done' });
    const reset = await trainer.request({ type: 'reset' }, 'result');
    expect(reset.epoch).toBe(0);
    expect(reset.state.weights).toEqual(loaded.state.weights);
    expect(reset.patterns).toEqual(loaded.patterns);
  });

  it('a new seed resets to that seed’s weights; a new learning rate keeps the weights', async () => {
    const trainer = startTrainer();
    const loaded = await trainer.request({ type: 'load', model: example('xor') }, 'result');
    await trainer.request({ type: 'step', epochs: 5 }, 'result');
    const reseeded = await trainer.request({ type: 'configure', training: { seed: 7 } }, 'result');
    expect(reseeded.epoch).toBe(0);
    expect(reseeded.state.weights).not.toEqual(loaded.state.weights);
    expect(reseeded.state.weights).toEqual(new Simulation(example('xor', { seed: 7 })).state().weights);

    trainer.command({ type: 'configure', training: { learningRate: 0.1 } });
    const snapshot = await trainer.request({ type: 'snapshot' }, 'snapshot');
    expect(snapshot.model.training.learningRate).toBe(0.1);
    expect(snapshot.model.state!.weights).toEqual(reseeded.state.weights);
  });

  it('refuses malformed commands and bad settings with a message, and keeps working', async () => {
    const trainer = startTrainer();
    const noModel = await trainer.request({ type: 'train' }, 'error');
    expect(noModel.message).toMatch(/No model is loaded/);
    const unknown = await trainer.request({ type: 'fly' }, 'error');
    expect(unknown.message).toMatch(/malformed command/);
    expect(unknown.command).toBe('fly');
    const nan = await trainer.request({ type: 'configure', training: { learningRate: Number.NaN } }, 'error');
    expect(nan.message).toMatch(/training\.learningRate/);
    const bad = example('xor');
    bad.patterns[2] = { ...bad.patterns[2], input: [1, 0, 1] };
    const refused = await trainer.request({ type: 'load', model: bad }, 'error');
    expect(refused.message).toMatch(/patterns\[2\]\.input: has 3 values but the input layer has 2 units/);
    const loaded = await trainer.request({ type: 'load', model: example('xor') }, 'result');
    expect(loaded.epoch).toBe(0);
    const negative = await trainer.request({ type: 'configure', training: { momentum: 1.5 } }, 'error');
    expect(negative.message).toMatch(/momentum/);
  });

  it('does not train past the maximum epochs, and says so', async () => {
    const trainer = startTrainer();
    await trainer.request({ type: 'load', model: example('xor', { maxEpochs: 3, errorCriterion: 0 }) }, 'result');
    const stopped = await trainer.request({ type: 'train' }, 'status', (s) => s.status === 'stopped');
    expect(stopped).toMatchObject({ epoch: 3, reason: 'max-epochs' });
    const again = await trainer.request({ type: 'train' }, 'status', (s) => s.status === 'stopped');
    expect(again.message).toMatch(/already trained its maximum of 3 epochs/);
  });

  it('posts checkpoints while training from which the run continues exactly', async () => {
    const trainer = startTrainer({ checkpointIntervalMs: 30 });
    const model = example('encoder-8-3-8', { errorCriterion: 0, maxEpochs: 1e9 });
    await trainer.request({ type: 'load', model }, 'result');
    const checkpoint = await trainer.request({ type: 'train' }, 'checkpoint', (c) => c.epoch > 0);
    await trainer.request({ type: 'pause' }, 'status', (s) => s.status === 'paused');

    const resumed = new Simulation({ ...model, state: checkpoint.state });
    resumed.advance(Number.MAX_SAFE_INTEGER, checkpoint.epoch + 100);
    const straight = new Simulation(model);
    straight.advance(Number.MAX_SAFE_INTEGER, checkpoint.epoch + 100);
    expect(resumed.state()).toEqual(straight.state());
  });

  it('reports a failure inside training instead of hanging in "training"', async () => {
    const trainer = startTrainer();
    await trainer.request({ type: 'load', model: example('xor') }, 'result');
    const advance = vi.spyOn(Simulation.prototype, 'advance').mockImplementation(() => {
      throw new Error('kernel exploded');
    });
    try {
      const mark = trainer.mark();
      const error = await trainer.request({ type: 'train' }, 'error');
      expect(error.message).toBe('Training failed at epoch 1: kernel exploded');
      const status = await trainer.next('status', (s) => s.status === 'stopped', mark);
      expect(status.message).toMatch(/internal error/);
    } finally {
      advance.mockRestore();
    }
    const stepped = await trainer.request({ type: 'step', epochs: 1 }, 'result');
    expect(stepped.epoch).toBe(1);
  });
});
