import { describe, expect, it, vi } from 'vitest';
import { Simulation } from '../../../src-shared/engine/simulation';
import { HISTORY_CAPACITY, historyEpoch, historyLength } from '../../../src-shared/model/epoch-history';
import { EpochSeries } from '../../../src-renderer/shared/trainer/epoch-series';
import { example, startTrainer } from '../../support/trainer-harness';

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

  it('posts the full state when it pauses, from which the run continues exactly', async () => {
    // No periodic checkpoint in this run: what the page keeps comes from the pause itself.
    const trainer = startTrainer({ checkpointIntervalMs: 1e9 });
    const model = example('encoder-8-3-8', { errorCriterion: 0, maxEpochs: 1e9 });
    await trainer.request({ type: 'load', model }, 'result');
    await trainer.request({ type: 'train' }, 'status', (s) => s.status === 'training');
    await trainer.next('metrics', (m) => (m.latest?.epoch ?? 0) > 20);
    const mark = trainer.mark();
    await trainer.request({ type: 'pause' }, 'status', (s) => s.status === 'paused');
    const paused = await trainer.next('result', () => true, mark);
    expect(trainer.events('checkpoint')).toEqual([]);
    expect(paused.epoch).toBeGreaterThan(20);
    expect(paused.state.epoch).toBe(paused.epoch);

    const resumed = new Simulation({ ...model, state: paused.state });
    resumed.advance(Number.MAX_SAFE_INTEGER, paused.epoch + 100);
    const straight = new Simulation(model);
    straight.advance(Number.MAX_SAFE_INTEGER, paused.epoch + 100);
    expect(resumed.state()).toEqual(straight.state());
  });

  it('spaces checkpoints by the history they carry, so a long run’s come seldom', async () => {
    // 0.2 ms of interval per entry of history (one an epoch until it thins): a few hundred epochs in, a
    // checkpoint waits far more than 30 ms.
    const trainer = startTrainer({ checkpointIntervalMs: 30, checkpointMsPerEntry: 0.2 });
    const model = example('encoder-8-3-8', { errorCriterion: 0, maxEpochs: 1e9 });
    await trainer.request({ type: 'load', model }, 'result');
    const first = await trainer.request({ type: 'train' }, 'checkpoint', (c) => c.epoch > 0);
    const second = await trainer.next('checkpoint', (c) => c.epoch > first.epoch);
    // Between the two posts, by the trainer's clock (a loaded machine may deliver either late).
    const postedAt = (event: unknown) => trainer.received.find((r) => r.event === event)!.at;
    const gap = postedAt(second) - postedAt(first);
    await trainer.request({ type: 'pause' }, 'status', (s) => s.status === 'paused');
    expect(first.epoch).toBeGreaterThan(50);
    // Less a little: each is stamped once its state has been gathered, a moment after the clock was read.
    expect(gap).toBeGreaterThanOrEqual(30 + 0.2 * first.state.tssHistory.length - 2);
    expect(second.state.tssHistory).toHaveLength(historyLength(second.epoch, second.state.historyStride ?? 1));
  });

  it('streams a long run\'s thinning history: replayed as the page does, it is the saved history, epoch for epoch', async () => {
    const trainer = startTrainer({ metricsIntervalMs: 5 });
    const model = example('xor', { errorCriterion: 0, stopWhenAllCorrect: false, maxEpochs: 1e9 });
    const epochs = 2 * HISTORY_CAPACITY + 77;
    await trainer.request({ type: 'load', model }, 'result');
    const result = await trainer.request({ type: 'step', epochs }, 'result');
    const metrics = trainer.events('metrics');
    expect(new Set(metrics.map((m) => m.historyStride))).toEqual(new Set([1, 2, 4]));

    const series = new EpochSeries();
    for (const m of metrics) series.append(m.firstEpoch, m.historyStride, m.tss);
    const { tssHistory, historyStride } = result.state;
    expect(historyStride).toBe(4);
    const [shownEpochs, shownTss] = series.data();
    expect(Array.from(shownTss)).toEqual(tssHistory);
    expect(Array.from(shownEpochs)).toEqual(tssHistory.map((_, i) => historyEpoch(i, 4)));

    // The readout's last epoch is the run's last, not the last one the history keeps.
    const reference = new Simulation(model);
    reference.advance(Number.MAX_SAFE_INTEGER, epochs);
    expect(metrics.at(-1)!.latest).toEqual({ epoch: epochs, tss: reference.lastEpochTss, fractionCorrect: reference.lastEpochCorrect });
    expect(result.state).toEqual(reference.state());
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
      // The status comes first and no result follows: the error (for no command) is what ends the wait of
      // a page that holds a save until the result after a status (trainer-session.svelte.ts's quiesce).
      const after = trainer.received.slice(mark).map((r) => r.event);
      expect(after.findIndex((e) => e.type === 'status' && e.status === 'stopped')).toBeLessThan(after.findIndex((e) => e.type === 'error'));
      expect(after.some((e) => e.type === 'result')).toBe(false);
    } finally {
      advance.mockRestore();
    }
    const stepped = await trainer.request({ type: 'step', epochs: 1 }, 'result');
    expect(stepped.epoch).toBe(1);
  });

  it('steps one pattern at a time: each looked inside just before, and an epoch of them equals Step epoch', async () => {
    const model = example('xor', { update: 'online', order: 'permuted' });
    const trainer = startTrainer();
    await trainer.request({ type: 'load', model }, 'result');
    const reference = new Simulation(model);
    const stepped = [];
    for (let i = 0; i < 4; i++) {
      const mark = trainer.mark();
      const step = await trainer.request({ type: 'stepPattern' }, 'stepped');
      // The engine's own inspection of the pattern it presents next, before the update.
      expect(step.pattern).toBe(reference.nextPattern());
      expect(step.inspection).toEqual(structuredClone(reference.inspect(step.pattern)));
      reference.advance(1);
      const result = await trainer.next('result', () => true, mark);
      expect(result.state.weights).toEqual(reference.state().weights);
      stepped.push(step);
    }
    expect(stepped.map((s) => s.position)).toEqual([0, 1, 2, 3]);
    expect(new Set(stepped.map((s) => s.pattern)).size).toBe(4);
    const afterPatterns = trainer.events('result').at(-1)!;
    expect(afterPatterns.epoch).toBe(1);

    const byEpoch = startTrainer();
    await byEpoch.request({ type: 'load', model }, 'result');
    const epoch = await byEpoch.request({ type: 'step', epochs: 1 }, 'result');
    expect(afterPatterns.state).toEqual(epoch.state);
  });

  it('looks inside any pattern or typed input without changing anything, and refuses a wrong-sized one', async () => {
    const model = { ...example('xor'), testPatterns: [{ name: 'probe', input: [1, 1], target: [0] }] };
    const trainer = startTrainer();
    const loaded = await trainer.request({ type: 'load', model }, 'result');
    expect(loaded.testPatterns).toEqual([expect.objectContaining({ name: 'probe', target: [0] })]);
    const reference = new Simulation(model);
    const train = await trainer.request({ type: 'inspect', probe: { set: 'train', pattern: 2 } }, 'inspection');
    expect(train.inspection).toEqual(structuredClone(reference.inspect(2)));
    const test = await trainer.request({ type: 'inspect', probe: { set: 'test', pattern: 0 } }, 'inspection');
    expect(test.inspection.name).toBe('probe');
    expect(test.inspection.output).toEqual(loaded.testPatterns![0].output);
    const typed = await trainer.request({ type: 'inspect', probe: { input: [0, 1], target: null } }, 'inspection');
    expect(typed.inspection.output).toEqual(reference.inspect(1).output);
    expect(typed.inspection.error).toEqual([null]);
    const wrong = await trainer.request({ type: 'inspect', probe: { input: [0, 1, 1], target: null } }, 'error');
    expect(wrong.message).toBe('The input has 3 values; the input layer has 2 units.');
    const missing = await trainer.request({ type: 'inspect', probe: { set: 'test', pattern: 5 } }, 'error');
    expect(missing.message).toMatch(/no test pattern 6/);
    const after = await trainer.request({ type: 'snapshot' }, 'snapshot');
    expect(after.model.state!.weights).toEqual(loaded.state.weights);
  });

  it('while watched, posts views of the outputs and weights as training goes on', async () => {
    const trainer = startTrainer();
    const model = example('encoder-8-3-8', { errorCriterion: 0, maxEpochs: 1e9 });
    await trainer.request({ type: 'load', model }, 'result');
    const first = await trainer.request({ type: 'watch', intervalMs: 40 }, 'view');
    expect(first.epoch).toBe(0);
    expect(first.weights).toEqual(new Simulation(model).state().weights);
    await trainer.request({ type: 'train' }, 'view', (v) => v.epoch > 0);
    const later = await trainer.next('view', (v) => v.epoch > 0);
    await trainer.request({ type: 'pause' }, 'status', (s) => s.status === 'paused');
    expect(later.patterns).toHaveLength(8);
    expect(later.weights.map((W) => [W.length, W[0].length])).toEqual([[3, 8], [8, 3]]);
    const views = trainer.events('view').length;
    trainer.command({ type: 'watch', intervalMs: null });
    await trainer.request({ type: 'train' }, 'metrics', (m) => m.tss.length > 0);
    await trainer.request({ type: 'pause' }, 'status', (s) => s.status === 'paused');
    expect(trainer.events('view').length).toBe(views);
  });

  it('in slow motion trains at the pace asked and shows every epoch', async () => {
    const trainer = startTrainer();
    await trainer.request({ type: 'load', model: example('xor', { errorCriterion: 0 }) }, 'result');
    trainer.command({ type: 'pace', epochsPerSecond: 20 });
    const started = performance.now();
    await trainer.request({ type: 'train' }, 'metrics', (m) => m.firstEpoch + m.tss.length - 1 >= 10);
    const elapsed = performance.now() - started;
    await trainer.request({ type: 'pause' }, 'status', (s) => s.status === 'paused');
    // Ten epochs at twenty a second: about half a second, never all at once.
    expect(elapsed).toBeGreaterThan(400);
    const sizes = trainer.events('metrics').filter((m) => m.tss.length > 0).map((m) => m.tss.length);
    expect(Math.max(...sizes)).toBe(1);
    expect(trainer.curve().length).toBeGreaterThanOrEqual(10);
  });
});
