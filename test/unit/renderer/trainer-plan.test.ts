import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { planTrainerUpdate } from '../../../src-renderer/shared/trainer/trainer-plan';

const xor = (): ModelDocument => findExample('xor')!.build();

describe('what the trainer is told when the document changes', () => {
  it('loads a first document', () => {
    expect(planTrainerUpdate(null, xor())).toEqual({ kind: 'load' });
  });

  it('sends only the changed settings', () => {
    const held = xor();
    const next = { ...held, training: { ...held.training, learningRate: 0.3, init: { kind: 'uniform' as const, range: 1 } } };
    expect(planTrainerUpdate(held, next)).toEqual({ kind: 'configure', changes: { learningRate: 0.3 } });
  });

  it('sends nothing for a change the trainer does not hold (the name)', () => {
    const held = xor();
    expect(planTrainerUpdate(held, { ...held, name: 'other' })).toEqual({ kind: 'none' });
  });

  it('reloads for a new network or new patterns', () => {
    const held = xor();
    expect(planTrainerUpdate(held, { ...held, layers: held.layers.map((l) => ({ ...l, activation: 'tanh' as const })) })).toEqual({ kind: 'load' });
    expect(planTrainerUpdate(held, { ...held, patterns: held.patterns.slice(1) })).toEqual({ kind: 'load' });
  });

  it('lets a new seed reset the trainer, but reloads to restore weights from the history', () => {
    const held = { ...xor(), state: null };
    const seeded = { ...held, training: { ...held.training, seed: 9 } };
    expect(planTrainerUpdate(held, seeded)).toEqual({ kind: 'configure', changes: { seed: 9 } });
    const restored = { ...held, state: { epoch: 3 } as unknown as ModelDocument['state'] };
    expect(planTrainerUpdate(held, restored)).toEqual({ kind: 'load' });
  });
});
