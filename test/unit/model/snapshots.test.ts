/** Snapshots in the model file (v5): the schedules, the thinning rule, the loader's checks and the continuation model. */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { createRun } from '../../../src-shared/engine/training-run';
import { parseModelText } from '../../../src-shared/model/parse';
import type { ModelDocument, Snapshot } from '../../../src-shared/model/schema';
import { serializeModel } from '../../../src-shared/model/serialize';
import { isSnapshotEpoch, missingSnapshotMessage, modelAtSnapshot, snapshotTextBound, thinSnapshots } from '../../../src-shared/model/snapshots';

function trainedXor(epochs: number): ModelDocument {
  const example = findExample('xor')!.build();
  const run = createRun({ ...example, training: { ...example.training, errorCriterion: 0, snapshots: { kind: 'every', epochs: 10 } } });
  run.advance(Number.MAX_SAFE_INTEGER, epochs);
  return run.toModel();
}

function problemsOf(model: ModelDocument): string[] {
  const result = parseModelText(serializeModel(model));
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('snapshot schedules', () => {
  it('every k: 0, k, 2k, …; log: the 1-2-5 series from 0', () => {
    const every = { kind: 'every', epochs: 25 } as const;
    expect([0, 1, 24, 25, 50, 60, 75].filter((e) => isSnapshotEpoch(every, e))).toEqual([0, 25, 50, 75]);
    const upTo = Array.from({ length: 2001 }, (_, e) => e);
    expect(upTo.filter((e) => isSnapshotEpoch({ kind: 'log' }, e))).toEqual([0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000]);
    expect(isSnapshotEpoch({ kind: 'log' }, 500_000_000)).toBe(true);
    expect(isSnapshotEpoch(undefined, 0)).toBe(false);
  });
});

describe('the thinning rule', () => {
  const fake = (epoch: number) => ({ epoch }) as Snapshot;

  it('drops the oldest that is neither epoch 0 nor the latest, then epoch 0, then the latest', () => {
    const list = [0, 10, 20, 30, 40].map(fake);
    const costs = [5, 5, 5, 5, 5];
    expect(thinSnapshots(list, costs, 12)).toEqual([10, 20, 30]);
    expect(list.map((s) => s.epoch)).toEqual([0, 40]);
    expect(thinSnapshots(list, costs, 7)).toEqual([0]);
    expect(list.map((s) => s.epoch)).toEqual([40]);
    expect(thinSnapshots(list, costs, 4)).toEqual([40]);
    expect(list).toEqual([]);
  });

  it('keeps a run of a large network within the budget: its cost grows with the weights', () => {
    const model = trainedXor(30);
    const [first] = model.state!.snapshots!;
    const bound = snapshotTextBound(first);
    // 9 weights and biases, twice (momentum), 4 order words, 25 characters each, plus the lists and keys.
    expect(bound).toBeGreaterThan(22 * 25);
    expect(bound).toBeLessThan(22 * 25 + 30 * 24 + 2048 + 1);
    expect(JSON.stringify(first).length).toBeLessThan(bound);
  });
});

describe('snapshots in the file', () => {
  it('a model continued from its snapshot at 20 stands at 20 with the curve up to there', () => {
    const model = trainedXor(50);
    const at = modelAtSnapshot(model, 20);
    expect(at.state!.epoch).toBe(20);
    expect(at.state!.tssHistory).toEqual(model.state!.tssHistory.slice(0, 20));
    expect(at.state!.snapshots!.map((s) => s.epoch)).toEqual([0, 10, 20]);
    expect(at.state!.weights).toEqual(model.state!.snapshots![2].weights);
    expect(problemsOf(at)).toEqual([]);
  });

  it('refuses an epoch without a snapshot, naming the epochs there are', () => {
    const model = trainedXor(30);
    expect(() => modelAtSnapshot(model, 15)).toThrow('has no snapshot at epoch 15; its snapshots are at epochs 0, 10, 20 and 30');
    expect(missingSnapshotMessage(findExample('xor')!.build(), 3)).toMatch(/kept no snapshots/);
  });

  it('the loader refuses snapshots out of order, after the run, mid-epoch or of the wrong shape, naming where', () => {
    const model = trainedXor(30);
    const snapshots = model.state!.snapshots!;
    const swapped = { ...model, state: { ...model.state!, snapshots: [snapshots[1], snapshots[0]] } };
    expect(problemsOf(swapped)).toEqual(['state.snapshots[1].epoch: is 0: snapshots go oldest first, each at a later epoch than the one before (10)']);
    const late = { ...model, state: { ...model.state!, snapshots: [{ ...snapshots[0], epoch: 31 }] } };
    expect(problemsOf(late)).toEqual(['state.snapshots[0].epoch: is 31: after the 30 epochs the run has trained']);
    const mid = { ...model, state: { ...model.state!, snapshots: [{ ...snapshots[0], cursor: { order: [0, 1, 2, 3], position: 1, tss: 0, correct: 0 } }] } };
    expect(problemsOf(mid)).toEqual(['state.snapshots[0].cursor: must be null: a snapshot is taken at the end of an epoch']);
    const narrow = { ...model, state: { ...model.state!, snapshots: [{ ...snapshots[0], weights: [snapshots[0].weights[0].slice(0, 1), snapshots[0].weights[1]] }] } };
    expect(problemsOf(narrow)).toEqual(['state.snapshots[0].weights[0]: has 1 rows but layer 1 has 2 units']);
  });
});
