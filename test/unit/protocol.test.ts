import { describe, expect, it } from 'vitest';
import { findExample } from '../../src-shared/data/examples';
import { trainerCommandSchema, trainerEventSchema } from '../../src-shared/ipc/trainer-protocol';

describe('the trainer protocol', () => {
  it('accepts the commands the renderer sends', () => {
    for (const command of [
      { type: 'load', model: findExample('xor')!.build() },
      { type: 'train' },
      { type: 'pause' },
      { type: 'step', epochs: 1 },
      { type: 'reset' },
      { type: 'configure', training: { learningRate: 0.25, seed: 3 } },
      { type: 'snapshot' },
      { type: 'stepPattern' },
      { type: 'inspect', probe: { set: 'train', pattern: 2 } },
      { type: 'inspect', probe: { input: [0, 1], target: [1] } },
      { type: 'inspect', probe: { input: [0, 1], target: null } },
      { type: 'watch', intervalMs: 100 },
      { type: 'watch', intervalMs: null },
      { type: 'pace', epochsPerSecond: 2 },
      { type: 'pace', epochsPerSecond: null },
    ]) {
      expect(trainerCommandSchema.safeParse(command).success, command.type).toBe(true);
    }
  });

  it('refuses unknown, incomplete and mistyped commands', () => {
    for (const command of [
      null,
      'train',
      { type: 'fly' },
      { type: 'step' },
      { type: 'step', epochs: 0 },
      { type: 'step', epochs: 1.5 },
      { type: 'train', extra: true },
      { type: 'configure', training: { learningRate: -1 } },
      { type: 'configure', training: { learningRate: '0.1' } },
      { type: 'load', model: { format: 'backprop-lab-model' } },
      { type: 'inspect', probe: { set: 'train', pattern: -1 } },
      { type: 'inspect', probe: { input: [Number.NaN], target: null } },
      { type: 'watch', intervalMs: 1 },
      { type: 'pace', epochsPerSecond: 0 },
    ]) {
      expect(trainerCommandSchema.safeParse(command).success, JSON.stringify(command)).toBe(false);
    }
  });

  it('refuses events that do not match', () => {
    expect(trainerEventSchema.safeParse({ type: 'metrics', runId: 'r-1', latest: { epoch: 1, tss: 0.5, fractionCorrect: 0 }, historyStride: 1, firstEpoch: 1, tss: [0.5], fractionCorrect: [0], testTss: null, patternsIntoEpoch: 0 }).success).toBe(true);
    expect(trainerEventSchema.safeParse({ type: 'metrics', runId: 'r-1', latest: null, historyStride: 1, firstEpoch: 0, tss: [0.5], fractionCorrect: [0], testTss: null, patternsIntoEpoch: 0 }).success).toBe(false);
    expect(trainerEventSchema.safeParse({ type: 'status', runId: 'r-1', status: 'flying', epoch: 0, reason: null, message: null }).success).toBe(false);
  });
});
