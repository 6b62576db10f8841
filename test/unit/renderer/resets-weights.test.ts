import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { resetsWeights } from '../../../src-shared/engine/setting-changes';
import type { TrainingSettings } from '../../../src-shared/model/schema';
import { weightsCarryOver } from '../../../src-renderer/shared/trainer/weights-fit';
import { planTrainerUpdate } from '../../../src-renderer/shared/trainer/trainer-plan';

const xor = () => findExample('xor')!.build();
const settings = (): TrainingSettings => xor().training;

describe('resetsWeights: a new seed or initialization means new initial weights', () => {
  it('is true for a new seed, a new kind or a new range or sd, and false for any other setting', () => {
    const before = { ...settings(), init: { kind: 'uniform' as const, range: 1 } };
    expect(resetsWeights(before, { ...before, seed: before.seed + 1 })).toBe(true);
    expect(resetsWeights(before, { ...before, init: { kind: 'xavier' } })).toBe(true);
    expect(resetsWeights(before, { ...before, init: { kind: 'uniform', range: 2 } })).toBe(true);
    expect(resetsWeights({ ...before, init: { kind: 'gaussian', sd: 0.1 } }, { ...before, init: { kind: 'gaussian', sd: 0.2 } })).toBe(true);
    expect(resetsWeights(before, { ...before, learningRate: before.learningRate * 2, momentum: 0.5 })).toBe(false);
    expect(resetsWeights(before, { ...before, init: { kind: 'uniform', range: 1 } })).toBe(false);
  });

  it('is what the renderer uses both to keep trained weights through an edit and to plan the trainer update', () => {
    const held = { ...xor(), state: null };
    // The same initialization written with its keys the other way round is not a change of initial weights.
    const reordered = { ...held, training: { ...held.training, init: JSON.parse('{"range":1,"kind":"uniform"}') as TrainingSettings['init'] } };
    const base = { ...held, training: { ...held.training, init: { kind: 'uniform' as const, range: 1 } } };
    expect(weightsCarryOver(base, reordered)).toBe(true);
    expect(weightsCarryOver(base, { ...base, training: { ...base.training, seed: base.training.seed + 1 } })).toBe(false);
    const reseeded = { ...base, training: { ...base.training, seed: base.training.seed + 1 } };
    expect(planTrainerUpdate(base, reseeded)).toEqual({ kind: 'configure', changes: { seed: reseeded.training.seed } });
    const trained = { ...base, state: { epoch: 3 } as unknown as typeof base.state };
    expect(planTrainerUpdate(trained, { ...base, training: { ...base.training, learningRate: 0.3 } })).toEqual({ kind: 'load' });
  });
});
