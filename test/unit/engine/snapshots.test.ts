/**
 * Snapshots as runs take them (format v5): a snapshot at epoch E is the state a run stopped at E saves, bit for
 * bit, and continuing from it for N epochs gives what training straight to E + N gives — for the chain engine,
 * the graph path and a recurrent network, through a saved file.
 */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { createRun } from '../../../src-shared/engine/training-run';
import { parseModelText } from '../../../src-shared/model/parse';
import type { ModelDocument, NetworkState, SnapshotSchedule } from '../../../src-shared/model/schema';
import { serializeModel } from '../../../src-shared/model/serialize';
import { modelAtSnapshot, snapshotEpochs } from '../../../src-shared/model/snapshots';

function withSchedule(id: string, schedule: SnapshotSchedule, changes: Partial<ModelDocument['training']> = {}): ModelDocument {
  const model = findExample(id)!.build();
  return { ...model, training: { ...model.training, errorCriterion: 0, stopWhenAllCorrect: false, maxEpochs: 10_000, ...changes, snapshots: schedule } };
}

function loaded(model: ModelDocument): ModelDocument {
  const parsed = parseModelText(serializeModel(model));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.model;
}

/** The state without the parts a snapshot leaves out. */
function bare(state: NetworkState): Omit<NetworkState, 'tssHistory' | 'correctHistory' | 'historyStride' | 'testTssHistory' | 'settingChanges' | 'snapshots'> {
  const { tssHistory, correctHistory, historyStride, testTssHistory, settingChanges, snapshots, ...rest } = state;
  void tssHistory; void correctHistory; void historyStride; void testTssHistory; void settingChanges; void snapshots;
  return rest;
}

const cases: { id: string; kind: string; changes?: Partial<ModelDocument['training']> }[] = [
  { id: 'xor', kind: 'chain, online, permuted', changes: { order: 'permuted', momentum: 0.9 } },
  { id: 'encoder-8-3-8', kind: 'chain, minibatch of 3 with momentum', changes: { update: 'minibatch', batchSize: 3, momentum: 0.5, order: 'permuted' } },
  { id: 'xor-2-1-1', kind: 'graph, online, permuted', changes: { order: 'permuted', momentum: 0.9 } },
  { id: 'xor-2-1-1', kind: 'graph, feedback alignment in batch', changes: { rule: 'feedback-alignment', update: 'batch', momentum: 0.5 } },
  { id: 'temporal-xor', kind: 'recurrent (SRN)' },
];

describe('snapshots taken while training', () => {
  for (const { id, kind, changes } of cases) {
    it(`${id} (${kind}): a snapshot at E is the state of a run stopped at E; continuing it N epochs = straight to E + N, same bits`, () => {
      const model = withSchedule(id, { kind: 'every', epochs: 10 }, changes);
      const straight = createRun(model);
      straight.advance(Number.MAX_SAFE_INTEGER, 60);
      const file = loaded(straight.toModel());
      expect(snapshotEpochs(file)).toEqual([0, 10, 20, 30, 40, 50, 60]);

      // The snapshot at 30 against a run of its own stopped at 30 (sliced differently: 7 patterns a call).
      const stopped = createRun(model);
      while (stopped.epoch < 30) stopped.advance(7, 30);
      // From the run itself: a file writes −0 as 0 (JSON), as it does for the run's own state.
      const snapshot = straight.state().snapshots!.find((s) => s.epoch === 30)!;
      const { training, ...snapshotState } = snapshot;
      expect(training).toEqual(model.training);
      expect(snapshotState).toEqual(bare(stopped.state()));

      // Continued from 30 through a saved file, for 30 epochs: the straight run at 60, curve and snapshots too.
      const continued = createRun(loaded(modelAtSnapshot(file, 30)));
      expect(continued.epoch).toBe(30);
      continued.advance(Number.MAX_SAFE_INTEGER, 60);
      expect(bare(continued.state())).toEqual(bare(straight.state()));
      // The rest — curve, setting changes, the snapshots up to 30 read from the file — as the file writes it.
      expect(serializeModel(continued.toModel())).toBe(serializeModel(straight.toModel()));
    });
  }

  it('log spacing keeps epochs 0, 1, 2, 5, 10, 20, 50, 100, 200, 500', () => {
    const run = createRun(withSchedule('xor', { kind: 'log' }));
    run.advance(Number.MAX_SAFE_INTEGER, 600);
    expect(snapshotEpochs(run.toModel())).toEqual([0, 1, 2, 5, 10, 20, 50, 100, 200, 500]);
  });

  it('keeps at most 256: the oldest after epoch 0 go first, the latest stays', () => {
    const run = createRun(withSchedule('xor', { kind: 'every', epochs: 1 }));
    run.advance(Number.MAX_SAFE_INTEGER, 300);
    const epochs = snapshotEpochs(run.toModel());
    expect(epochs).toHaveLength(256);
    expect(epochs[0]).toBe(0);
    expect(epochs[1]).toBe(46); // 301 taken (0 … 300): epochs 1 … 45, the 45 oldest after 0, went
    expect(epochs[255]).toBe(300);
  });

  it('a run without a schedule keeps none, and a new seed starts the snapshots over', () => {
    const plain = findExample('xor')!.build();
    const run = createRun(plain);
    run.advance(Number.MAX_SAFE_INTEGER, 20);
    expect(run.state().snapshots).toBeUndefined();

    const kept = createRun(withSchedule('xor', { kind: 'every', epochs: 5 }));
    kept.advance(Number.MAX_SAFE_INTEGER, 20);
    expect(kept.configure({ seed: 99 })).toBe(true);
    expect(snapshotEpochs(kept.toModel())).toEqual([0]);
  });

  it('a setting changed at a snapshot\'s epoch is part of that snapshot, so continuing from it follows the run', () => {
    const model = withSchedule('xor', { kind: 'every', epochs: 10 });
    const straight = createRun(model);
    straight.advance(Number.MAX_SAFE_INTEGER, 20);
    straight.configure({ learningRate: 0.1 });
    straight.advance(Number.MAX_SAFE_INTEGER, 40);
    const file = loaded(straight.toModel());
    expect(file.state!.snapshots!.find((s) => s.epoch === 20)!.training.learningRate).toBe(0.1);
    expect(file.state!.snapshots!.find((s) => s.epoch === 10)!.training.learningRate).toBe(model.training.learningRate);
    const continued = createRun(loaded(modelAtSnapshot(file, 10)));
    continued.advance(Number.MAX_SAFE_INTEGER, 20);
    continued.configure({ learningRate: 0.1 });
    continued.advance(Number.MAX_SAFE_INTEGER, 40);
    expect(continued.state()).toEqual(straight.state());
  });
});
