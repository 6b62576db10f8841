/** Stopping and safety: maximum epochs, the error criterion, all patterns correct, and divergence. */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { Simulation } from '../../../src-shared/engine/simulation';
import { describeStop, STOP_REASONS } from '../../../src-shared/engine/stopping';
import { stopReasonSchema } from '../../../src-shared/ipc/trainer-protocol';
import { MAX_WEIGHT_MAGNITUDE, type TrainingSettings } from '../../../src-shared/model/schema';
import { buildModel, checked, parameters, randomPatterns } from './helpers';

const xorPatterns = [[0, 0], [0, 1], [1, 0], [1, 1]].map(([a, b]) => ({ name: `${a}${b}`, input: [a, b], target: [a ^ b] }));
const xor = (training: Partial<TrainingSettings>) => checked(buildModel({ sizes: [2, 3, 1], activation: 'logistic' }, xorPatterns, { seed: 3, learningRate: 0.5, momentum: 0.9, ...training }));

describe('stopping', () => {
  it('stops at the maximum number of epochs, and will not start past it', () => {
    const simulation = new Simulation(xor({ maxEpochs: 37 }));
    const outcome = simulation.advance(Number.MAX_SAFE_INTEGER);
    expect(outcome).toMatchObject({ stop: 'max-epochs', presented: 37 * 4 });
    expect(simulation.epoch).toBe(37);
    expect(simulation.stopBeforeTraining()).toBe('max-epochs');
  });

  it('stops at the end of the first epoch whose tss is below the error criterion (PDPTool’s ecrit)', () => {
    const simulation = new Simulation(xor({ errorCriterion: 0.05, maxEpochs: 10_000 }));
    let outcome;
    do outcome = simulation.advance(3); while (!outcome.stop);
    expect(outcome.stop).toBe('criterion');
    // The criterion is met by the tss summed during the epoch's updates, and the message names it so; the
    // exact figure after the epoch (a test pass, what the readouts show once stopped) is given beside it.
    const after = simulation.testPass().tss.toPrecision(4);
    expect(outcome.message).toMatch(new RegExp(`^Stopped at epoch ${simulation.epoch}: tss during epoch ${simulation.tssHistory.at(-1)!.toPrecision(4)} fell below the error criterion 0.05 \\(tss after epoch ${after}\\)`));
    const history = simulation.tssHistory;
    expect(history.at(-1)).toBeLessThan(0.05);
    expect(history.slice(0, -1).every((tss) => tss >= 0.05)).toBe(true);
    expect(simulation.patternsIntoEpoch).toBe(0);
  });

  it('stops when every pattern is correct within the margin, if asked to', () => {
    const simulation = new Simulation(xor({ stopWhenAllCorrect: true, margin: 0.3, maxEpochs: 10_000 }));
    const outcome = simulation.advance(Number.MAX_SAFE_INTEGER);
    expect(outcome.stop).toBe('criterion');
    expect(outcome.message).toMatch(/every output of every pattern was within 0.3/);
    expect(simulation.correctHistory.at(-1)).toBe(1);
    expect(simulation.correctHistory.slice(0, -1).every((fraction) => fraction < 1)).toBe(true);
  });

  it('says how many patterns are still wrong when it stops with some wrong, at the criterion or the maximum', () => {
    const early = new Simulation(xor({ errorCriterion: 0.9, maxEpochs: 10_000 }));
    const atCriterion = early.advance(Number.MAX_SAFE_INTEGER);
    const correct = Math.round(early.testPass().fractionCorrect * 4);
    expect(correct).toBeLessThan(4);
    expect(atCriterion.message).toMatch(new RegExp(`fell below the error criterion 0.9 .*; only ${correct} of 4 patterns correct \\(within 0.1 of their targets\\)\\.$`));

    const short = new Simulation(xor({ maxEpochs: 37 }));
    const atMaximum = short.advance(Number.MAX_SAFE_INTEGER);
    const correctAtMaximum = Math.round(short.testPass().fractionCorrect * 4);
    expect(atMaximum.message).toBe(`Stopped at epoch 37, the maximum set for this model; only ${correctAtMaximum} of 4 patterns correct (within 0.1 of their targets).`);

    const learned = new Simulation(xor({ errorCriterion: 0.01, maxEpochs: 10_000 }));
    const done = learned.advance(Number.MAX_SAFE_INTEGER);
    expect(learned.testPass().fractionCorrect).toBe(1);
    expect(done.message).not.toMatch(/patterns correct/);
  });

  it('stops for every pattern correct only when the weights it keeps have every pattern correct', () => {
    // Online, a pattern correct when presented can be wrong again by the epoch's end: the Rumelhart example
    // with seed 2 is such a run. Stopping there would show "Stopped" beside a wrong answer.
    const model = findExample('rumelhart')!.build();
    model.training.seed = 2;
    const simulation = new Simulation(checked(model));
    let outcome;
    do outcome = simulation.advance(1_000_000); while (!outcome.stop);
    expect(outcome.stop).toBe('criterion');
    expect(simulation.testPass().fractionCorrect).toBe(1);
  });

  it('stops at the requested epoch without a reason', () => {
    const simulation = new Simulation(xor({}));
    expect(simulation.advance(Number.MAX_SAFE_INTEGER, 12)).toMatchObject({ stop: null, presented: 48 });
    expect(simulation.advance(Number.MAX_SAFE_INTEGER, 12)).toMatchObject({ stop: null, presented: 0 });
  });
});

describe('divergence', () => {
  const explosive = () => checked(buildModel({ sizes: [4, 6, 3], activation: 'linear' },
    randomPatterns(4, 3, { count: 5, seed: 4 }).map((p) => ({ ...p, input: p.input.map((x) => 50 * x) })),
    { learningRate: 5, momentum: 0.9, seed: 8 }));

  it('stops with a message naming the epoch and the layer, keeping the last finite weights', () => {
    const simulation = new Simulation(explosive());
    const outcome = simulation.advance(Number.MAX_SAFE_INTEGER);
    expect(outcome.stop).toBe('diverged');
    const epoch = simulation.epoch;
    expect(outcome.message).toMatch(new RegExp(`^Training diverged in epoch ${epoch + 1}: the (weights into|net input of) layer [12] \\((hidden 1|output)\\)`));
    expect(outcome.message).toMatch(new RegExp(`weights from the end of epoch ${epoch} are kept`));
    expect(simulation.network.params.every(Number.isFinite)).toBe(true);
    expect(simulation.tssHistory).toHaveLength(epoch);
    expect(simulation.patternsIntoEpoch).toBe(0);
    // The kept weights are exactly those at the end of the last finite epoch.
    const reference = new Simulation(explosive());
    reference.advance(Number.MAX_SAFE_INTEGER, epoch);
    expect(simulation.state()).toEqual(reference.state());
    // Training on diverges the same way again: the state holds everything.
    expect(simulation.advance(Number.MAX_SAFE_INTEGER)).toEqual(outcome);
  });

  it('counts any parameter beyond ±MAX_WEIGHT_MAGNITUDE as divergence, wherever it lies, and one at the bound as not', () => {
    // 2-3-1 with biases: 13 parameters, so the check's groups of four and its remainder are both exercised.
    const still = { update: 'batch', learningRate: 0, momentum: 0 } as const;
    const count = new Simulation(xor(still)).network.params.length;
    expect(count % 4).not.toBe(0);
    for (let i = 0; i < count; i++) {
      const simulation = new Simulation(xor(still));
      simulation.network.params[i] = (i % 2 ? -1 : 1) * 1.5 * MAX_WEIGHT_MAGNITUDE;
      const outcome = simulation.advance(4);
      expect(outcome.stop, `parameter ${i}`).toBe('diverged');
      expect(outcome.message).toMatch(/the weights into layer [12]/);
      expect(simulation.epoch).toBe(0);
    }
    const simulation = new Simulation(xor(still));
    simulation.network.params[count - 1] = -MAX_WEIGHT_MAGNITUDE;
    expect(simulation.advance(4).stop).toBeNull();
    expect(simulation.epoch).toBe(1);
  });

  it('is caught in batch mode too', () => {
    const model = explosive();
    model.training.update = 'batch';
    const simulation = new Simulation(model);
    const outcome = simulation.advance(Number.MAX_SAFE_INTEGER);
    expect(outcome.stop).toBe('diverged');
    expect(outcome.message).toMatch(/layer [12]/);
    expect(parameters(simulation).every(Number.isFinite)).toBe(true);
  });
});

describe('describeStop: one sentence per reason, for the app and the command line', () => {
  const settings = { errorCriterion: 0.04, margin: 0.4 };
  it('words each reason, telling the error criterion from all correct by the tss', () => {
    expect(describeStop('criterion', { epoch: 12, tss: 0.0312345, settings })).toBe('Stopped at epoch 12: tss during epoch 0.03123 fell below the error criterion 0.04.');
    expect(describeStop('criterion', { epoch: 12, tss: 0.5, settings })).toBe('Stopped at epoch 12: every output of every pattern was within 0.4 of its target.');
    expect(describeStop('max-epochs', { epoch: 300 })).toBe('Stopped at epoch 300, the maximum set for this model.');
    expect(describeStop('paused', { epoch: 7 })).toBe('Paused at epoch 7.');
    expect(describeStop('step-done', { epoch: 1 })).toBe('Stepped to epoch 1.');
    expect(describeStop('diverged', { epoch: 4 })).toMatch(/^Stopped at epoch 4: the run diverged/);
  });

  it('is the list the trainer protocol accepts', () => {
    expect(stopReasonSchema.options).toEqual([...STOP_REASONS]);
    expect(stopReasonSchema.safeParse('bored').success).toBe(false);
  });
});
