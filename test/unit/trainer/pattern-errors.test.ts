/**
 * The per-pattern errors the trainer sends with its metrics: at every recorded epoch exactly the engine's
 * epochPatternErrors for that epoch (a Simulation run in lockstep, epoch by epoch), every epoch while slow
 * or stepping, and never more than MAX_VALUES numbers in one message however fast the run.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src-shared/engine/simulation';
import type { PatternErrorSample } from '../../../src-shared/ipc/trainer-protocol';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { MAX_VALUES, PatternErrorSampler } from '../../../src-shared/trainer/pattern-error-sampler';
import { example, startTrainer, type TrainerRecorder } from '../../support/trainer-harness';

/** Every recorded epoch with its values, from all the metrics messages received so far. */
function recorded(trainer: TrainerRecorder): Map<number, number[]> {
  const out = new Map<number, number[]>();
  let before = 0;
  for (const metrics of trainer.events('metrics')) {
    const sample = metrics.patternErrors;
    const through = metrics.latest?.epoch ?? before;
    // Each message's samples are of the epochs it reports: after the previous message's, up to its latest.
    sample?.epochs.forEach((epoch, e) => {
      expect(epoch).toBeGreaterThan(before);
      expect(epoch).toBeLessThanOrEqual(through);
      out.set(epoch, sample.pss.slice(e * sample.patterns, (e + 1) * sample.patterns));
    });
    before = through;
  }
  return out;
}

/** The engine's epochPatternErrors after each epoch up to `epochs`, one epoch at a time. */
function lockstep(model: ModelDocument, epochs: number): number[][] {
  const simulation = new Simulation(model);
  const out: number[][] = [[]];
  while (simulation.epoch < epochs) {
    simulation.advance(Number.MAX_SAFE_INTEGER, simulation.epoch + 1);
    out.push([...simulation.epochPatternErrors]);
  }
  return out;
}

describe('per-pattern errors in the metrics', () => {
  it('training XOR to its criterion: each recorded epoch holds exactly that epoch’s pss, and the last epoch is recorded', async () => {
    const model = example('xor');
    const trainer = startTrainer();
    await trainer.request({ type: 'load', model }, 'result');
    const stopped = await trainer.request({ type: 'train' }, 'status', (s) => s.status === 'stopped');
    const samples = recorded(trainer);
    const reference = lockstep(model, stopped.epoch);
    expect(samples.size).toBeGreaterThan(10);
    expect(samples.has(stopped.epoch)).toBe(true);
    for (const [epoch, pss] of samples) expect(pss, `epoch ${epoch}`).toEqual(reference[epoch]);
    // They are the terms of the epoch's tss.
    const curve = trainer.curve();
    for (const [epoch, pss] of samples) expect(pss.reduce((a, b) => a + b, 0)).toBeCloseTo(curve[epoch - 1], 12);
  });

  it('a fast run is sampled every k-th epoch (k a power of two), within budget per message, still exact', async () => {
    // Long metrics intervals: many epochs per message, so the stride must grow and the buffer thin.
    const model = example('encoder-8-3-8', { errorCriterion: 0, stopWhenAllCorrect: false, maxEpochs: 1e9 });
    const trainer = startTrainer({ metricsIntervalMs: 400 });
    await trainer.request({ type: 'load', model }, 'result');
    await trainer.request({ type: 'train' }, 'metrics', (m) => (m.latest?.epoch ?? 0) > 3000);
    const paused = await trainer.request({ type: 'pause' }, 'status', (s) => s.status === 'paused');
    const messages = trainer.events('metrics').filter((m) => m.patternErrors);
    for (const m of messages) expect(m.patternErrors!.pss.length).toBeLessThanOrEqual(MAX_VALUES);
    // Each message's last epoch is recorded whatever the stride: the others are its multiples.
    const strides = messages.map((m) => largestPowerOfTwoDividingAll(m.patternErrors!.epochs.slice(0, -1)));
    for (const m of messages) expect(m.patternErrors!.epochs.at(-1)).toBe(m.latest!.epoch);
    expect(Math.max(...strides)).toBeGreaterThan(1);
    const samples = recorded(trainer);
    expect(samples.has(paused.epoch)).toBe(true);
    const reference = lockstep(model, paused.epoch);
    for (const [epoch, pss] of samples) expect(pss, `epoch ${epoch}`).toEqual(reference[epoch]);
  });

  it('Step epoch records every epoch; Step pattern the epoch it completes; a reset forgets them', async () => {
    const model = example('xor', { update: 'online', order: 'permuted' });
    const trainer = startTrainer();
    await trainer.request({ type: 'load', model }, 'result');
    for (let i = 0; i < 3; i++) await trainer.request({ type: 'step', epochs: 1 }, 'result');
    for (let i = 0; i < 4; i++) await trainer.request({ type: 'stepPattern' }, 'result');
    const reference = lockstep(model, 4);
    const samples = recorded(trainer);
    expect([...samples.keys()]).toEqual([1, 2, 3, 4]);
    for (const [epoch, pss] of samples) expect(pss).toEqual(reference[epoch]);

    const mark = trainer.mark();
    await trainer.request({ type: 'reset' }, 'result');
    await trainer.request({ type: 'step', epochs: 1 }, 'result');
    const after = trainer.received.slice(mark).flatMap(({ event }) => (event.type === 'metrics' && event.patternErrors ? [event.patternErrors] : []));
    expect(after.map((s) => s.epochs)).toEqual([[1]]);
    expect(after[0].pss).toEqual(reference[1]);
  });

  it('a loaded model’s state is not an epoch seen: nothing is recorded until one ends', async () => {
    const model = example('xor');
    const trained = new Simulation(model);
    trained.advance(Number.MAX_SAFE_INTEGER, 20);
    const trainer = startTrainer();
    await trainer.request({ type: 'load', model: trained.toModel() }, 'result');
    expect(trainer.events('metrics').some((m) => m.patternErrors)).toBe(false);
    await trainer.request({ type: 'step', epochs: 1 }, 'result');
    trained.advance(Number.MAX_SAFE_INTEGER, 21);
    expect(recorded(trainer).get(21)).toEqual([...trained.epochPatternErrors]);
  });

  it('sends none for a model with more than 64 training patterns', async () => {
    const base = example('xor');
    const patterns = Array.from({ length: 65 }, (_, i) => ({ ...base.patterns[i % 4], name: `p${i}` }));
    const trainer = startTrainer();
    await trainer.request({ type: 'load', model: { ...base, patterns } }, 'result');
    await trainer.request({ type: 'step', epochs: 2 }, 'result');
    expect(trainer.events('metrics').some((m) => m.tss.length > 0)).toBe(true);
    expect(trainer.events('metrics').some((m) => m.patternErrors)).toBe(false);
  });
});

describe('PatternErrorSampler', () => {
  const errors = (epoch: number) => Float64Array.from([epoch, epoch + 0.5]);

  it('records every epoch at stride 1, then sets the stride from the epochs an interval trained', () => {
    const sampler = new PatternErrorSampler(2);
    for (let epoch = 1; epoch <= 5; epoch++) sampler.record(epoch, errors(epoch));
    const sample = sampler.take(5) as PatternErrorSample;
    expect(sample).toEqual({ patterns: 2, epochs: [1, 2, 3, 4, 5], pss: [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5] });
    expect(sampler.take(0)).toBeUndefined();
    // 10 000 epochs in an interval: the next one records every 128th (≤ 128 epochs a message).
    sampler.take(10_000);
    expect(sampler.stride).toBe(128);
    expect(sampler.nextEpoch(5)).toBe(128);
    expect(sampler.nextEpoch(128)).toBe(256);
    // 64 patterns: at most MAX_VALUES / 2 values a message, 16 epochs.
    const wide = new PatternErrorSampler(64);
    wide.take(1000);
    expect(wide.stride).toBe(64);
    sampler.record(40, errors(40));
    expect(sampler.take(1)).toBeUndefined();
    sampler.record(41, errors(41), true);
    expect(sampler.take(1)?.epochs).toEqual([41]);
  });

  it('thins itself when full, keeping exact values of the epochs the doubled stride samples', () => {
    const sampler = new PatternErrorSampler(64);
    const capacity = MAX_VALUES / 64;
    for (let epoch = 1; epoch <= capacity * 3; epoch++) sampler.record(epoch, Float64Array.from({ length: 64 }, (_, p) => epoch * 100 + p));
    const sample = sampler.take(capacity * 3)!;
    expect(sample.pss.length).toBeLessThanOrEqual(MAX_VALUES);
    expect(sample.epochs.every((epoch) => epoch % 4 === 0)).toBe(true);
    sample.epochs.forEach((epoch, e) => expect(sample.pss[e * 64 + 63]).toBe(epoch * 100 + 63));
  });

  it('is off beyond 64 patterns, and never records an epoch twice', () => {
    const off = new PatternErrorSampler(65);
    expect(off.nextEpoch(3)).toBe(Number.POSITIVE_INFINITY);
    off.record(1, new Float64Array(65), true);
    expect(off.take(1)).toBeUndefined();
    const sampler = new PatternErrorSampler(2);
    sampler.record(3, errors(3));
    sampler.record(3, errors(3), true);
    expect(sampler.take(1)?.epochs).toEqual([3]);
  });
});

function largestPowerOfTwoDividingAll(epochs: number[]): number {
  let power = 1;
  while (epochs.length > 0 && epochs.every((epoch) => epoch % (power * 2) === 0)) power *= 2;
  return power;
}
