/**
 * A long run's history stays bounded (model/epoch-history.ts): every epoch up to HISTORY_CAPACITY entries,
 * then every 2nd, 4th, … — the same epochs and the same bits however the run is sliced, saved and loaded.
 */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { Simulation } from '../../../src-shared/engine/simulation';
import { HISTORY_CAPACITY, historyEpoch } from '../../../src-shared/model/epoch-history';
import { parseModel } from '../../../src-shared/model/parse';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { roundTrip } from './helpers';

/** XOR with nothing to stop it, and its patterns again as a test set (so the test history thins too). */
function xor(): ModelDocument {
  const model = findExample('xor')!.build();
  return { ...model, testPatterns: model.patterns, training: { ...model.training, errorCriterion: 0, stopWhenAllCorrect: false, maxEpochs: 1e9 } };
}

/** Past the second thinning: stride 4, and an odd remainder. */
const EPOCHS = 2 * HISTORY_CAPACITY + 40_003;

describe('the bounded history of a long run', () => {
  it('holds epochs s, 2s, 3s, …: each entry exactly that epoch\'s tss, as an epoch-by-epoch record has it', () => {
    const byEpoch = new Simulation(xor());
    const tss = new Float64Array(EPOCHS + 1);
    const correct = new Float64Array(EPOCHS + 1);
    for (let epoch = 1; epoch <= EPOCHS; epoch++) {
      byEpoch.advance(Number.MAX_SAFE_INTEGER, epoch);
      tss[epoch] = byEpoch.lastEpochTss!;
      correct[epoch] = byEpoch.lastEpochCorrect!;
      if (epoch === HISTORY_CAPACITY - 1) expect(byEpoch.tssHistory).toHaveLength(HISTORY_CAPACITY - 1);
    }
    expect(byEpoch.historyStride).toBe(4);
    expect(byEpoch.tssHistory).toHaveLength(Math.floor(EPOCHS / 4));
    for (let i = 0; i < byEpoch.tssHistory.length; i++) {
      const epoch = historyEpoch(i, 4);
      if (byEpoch.tssHistory[i] !== tss[epoch] || byEpoch.correctHistory[i] !== correct[epoch]) {
        throw new Error(`entry ${i} is not epoch ${epoch}'s`);
      }
    }
    expect(byEpoch.testTssHistory).toHaveLength(byEpoch.tssHistory.length);

    // Straight through in one call: the same state, histories included, to the bit.
    const straight = new Simulation(xor());
    straight.advance(Number.MAX_SAFE_INTEGER, EPOCHS);
    expect(straight.state()).toEqual(byEpoch.state());
  });

  it('saved and loaded on either side of a thinning, continues to the very run trained straight', () => {
    const straight = new Simulation(xor());
    straight.advance(Number.MAX_SAFE_INTEGER, EPOCHS);
    let model = xor();
    for (const stop of [HISTORY_CAPACITY - 3, HISTORY_CAPACITY + 5, 2 * HISTORY_CAPACITY, EPOCHS]) {
      const simulation = new Simulation(model);
      simulation.advance(Number.MAX_SAFE_INTEGER, stop);
      model = roundTrip(simulation.toModel());
    }
    expect(model.state!.historyStride).toBe(4);
    expect(model.state).toEqual(straight.state());
  });

  it('writes the stride into the file only when it is not 1, and the loader checks the lengths against it', () => {
    const short = new Simulation(xor());
    short.advance(Number.MAX_SAFE_INTEGER, 10);
    expect(short.state()).not.toHaveProperty('historyStride');

    const long = new Simulation(xor());
    long.advance(Number.MAX_SAFE_INTEGER, HISTORY_CAPACITY + 1);
    const state = long.state();
    expect(state.historyStride).toBe(2);
    expect(state.tssHistory).toHaveLength(HISTORY_CAPACITY / 2);
    const model = long.toModel();
    expect(parseModel(JSON.parse(JSON.stringify(model))).ok).toBe(true);

    const wrongLength = parseModel({ ...model, state: { ...state, tssHistory: state.tssHistory.slice(1) } });
    expect(wrongLength.ok).toBe(false);
    if (!wrongLength.ok) {
      expect(wrongLength.problems).toContainEqual({
        path: 'state.tssHistory',
        message: `has ${HISTORY_CAPACITY / 2 - 1} entries but should have ${HISTORY_CAPACITY / 2}: one every 2 epochs (historyStride) of the ${HISTORY_CAPACITY + 1} trained`,
      });
    }
    const notAPower = parseModel({ ...model, state: { ...state, historyStride: 3 } });
    expect(notAPower.ok).toBe(false);
  });

  it('a reset starts the history again at every epoch', () => {
    const simulation = new Simulation(xor());
    simulation.advance(Number.MAX_SAFE_INTEGER, HISTORY_CAPACITY + 10);
    simulation.reset();
    simulation.advance(Number.MAX_SAFE_INTEGER, 3);
    expect(simulation.historyStride).toBe(1);
    expect(simulation.tssHistory).toHaveLength(3);
  });

  it('a longer history than a run keeps (a hand-written file) is thinned on load as the run would have', () => {
    const straight = new Simulation(xor());
    straight.advance(Number.MAX_SAFE_INTEGER, EPOCHS);
    const everyEpoch = new Simulation(xor());
    const tss: number[] = [];
    const correct: number[] = [];
    for (let epoch = 1; epoch <= EPOCHS; epoch++) {
      everyEpoch.advance(Number.MAX_SAFE_INTEGER, epoch);
      tss.push(everyEpoch.lastEpochTss!);
      correct.push(everyEpoch.lastEpochCorrect!);
    }
    const { testTssHistory: _test, ...state } = everyEpoch.state();
    const model = xor();
    const loaded = new Simulation({ ...model, testPatterns: undefined, state: { ...state, tssHistory: tss, correctHistory: correct, historyStride: undefined } });
    expect(loaded.historyStride).toBe(4);
    expect(loaded.tssHistory).toEqual(straight.tssHistory);
    expect(loaded.correctHistory).toEqual(straight.correctHistory);
  });
});
