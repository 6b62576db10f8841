import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { Simulation } from '../../../src-shared/engine/simulation';
import type { ModelDocument, TrainingSettings } from '../../../src-shared/model/schema';
import { EpochSeries } from '../../../src-renderer/state/epoch-series';
import { MAX_EARLIER_RUNS, RunHistory, runHistoryFor, type RunObservation } from '../../../src-renderer/state/run-history.svelte';
import { describeChanges } from '../../../src-renderer/state/setting-labels';

/** A session's series and a document, driven as the trainer would: metrics batches, then a drop to epoch 0. */
class FakeRun {
  readonly series = new EpochSeries();
  model: ModelDocument = findExample('xor')!.build();
  settingChanges: RunObservation['settingChanges'] = [];

  observation(): RunObservation {
    const [epochs, tss] = this.series.data();
    return { epochs, tss, stride: this.series.stride, training: this.model.training, layers: this.model.layers, settingChanges: this.settingChanges };
  }

  set(changes: Partial<TrainingSettings>): void {
    this.model = { ...this.model, training: { ...this.model.training, ...changes } };
  }
}

/** The engine's tss for `epochs` epochs of XOR with these settings. */
function engineTss(model: ModelDocument, epochs: number): number[] {
  const simulation = new Simulation(model);
  simulation.advance(epochs * 4, epochs);
  return simulation.tssHistory;
}

describe('earlier runs', () => {
  it('keeps the dropped curve exactly when a new seed restarts the run, labelled by its seed', () => {
    const history = new RunHistory();
    const run = new FakeRun();
    const first = engineTss(run.model, 30);
    history.observe(run.observation());
    // The metrics arrive in batches; the history copies each as it comes.
    run.series.append(1, 1, first.slice(0, 12));
    history.observe(run.observation());
    run.series.append(13, 1, first.slice(12));
    history.observe(run.observation());
    expect(history.runs).toEqual([]);

    run.set({ seed: 7 });
    history.observe(run.observation()); // the document changes first; the trainer's reset follows
    run.series.truncate(0);
    history.observe(run.observation());

    expect(history.runs).toHaveLength(1);
    const [earlier] = history.runs;
    expect(earlier.label).toBe('seed 1');
    expect(earlier.seed).toBe(1);
    expect(Array.from(earlier.tss)).toEqual(first);
    expect(Array.from(earlier.epochs)).toEqual(first.map((_, i) => i + 1));
  });

  it('says what changed: a learning rate changed mid-run, then Reset', () => {
    const history = new RunHistory();
    const run = new FakeRun();
    history.observe(run.observation());
    run.series.append(1, 1, [1, 0.9, 0.8]);
    history.observe(run.observation());
    run.set({ learningRate: 0.3 });
    run.settingChanges = [{ epoch: 3, pattern: 0, changes: { learningRate: 0.3 } }];
    run.series.append(4, 1, [0.7]);
    history.observe(run.observation());
    run.series.truncate(0);
    run.settingChanges = null;
    history.observe(run.observation());
    expect(history.runs[0].label).toBe('seed 1 · λ 0.2 → 0.3');
    expect(history.runs[0].settingChanges).toEqual([{ epoch: 3, pattern: 0, changes: { learningRate: 0.3 } }]);
  });

  it('calls a restart with nothing changed a reset, and a new network a changed network', () => {
    const history = new RunHistory();
    const run = new FakeRun();
    run.series.append(1, 1, [1, 0.5]);
    history.observe(run.observation());
    run.series.truncate(0);
    history.observe(run.observation());
    run.series.append(1, 1, [1, 0.4]);
    history.observe(run.observation());
    run.model = { ...run.model, layers: run.model.layers.map((layer) => (layer.kind === 'hidden' ? { ...layer, units: 3 } : layer)) };
    run.series.replace([]);
    history.observe(run.observation());
    expect(history.runs.map((r) => r.label)).toEqual(['seed 1 · reset', 'seed 1 · network changed']);
  });

  it('notices a restart that happened while it was not looking (the Train tab hidden)', () => {
    const history = new RunHistory();
    const run = new FakeRun();
    run.series.append(1, 1, [1, 0.5, 0.25]);
    history.observe(run.observation());
    // Reset and a new run of a different curve, all while another tab was shown.
    run.series.truncate(0);
    run.series.append(1, 1, [2, 1.5, 1.2, 1.1]);
    history.observe(run.observation());
    expect(history.runs).toHaveLength(1);
    expect(Array.from(history.runs[0].tss)).toEqual([1, 0.5, 0.25]);
    // A run that simply went on is not a new one.
    run.series.append(5, 1, [1]);
    history.observe(run.observation());
    expect(history.runs).toHaveLength(1);
  });

  it('follows a long run whose curve thins (stride 1 → 2 → 4) without taking it for a new run', () => {
    const history = new RunHistory();
    const run = new FakeRun();
    run.series.append(1, 1, [8, 7, 6, 5, 4, 3]);
    history.observe(run.observation());
    run.series.append(8, 2, [2.5]);
    history.observe(run.observation());
    run.series.append(12, 4, [1.5]);
    history.observe(run.observation());
    expect(history.runs).toHaveLength(0);
    // Then a new seed: the run archived is the thinned curve as last seen.
    run.set({ seed: 9 });
    run.series.truncate(0);
    history.observe(run.observation());
    expect(history.runs).toHaveLength(1);
    expect(Array.from(history.runs[0].epochs)).toEqual([4, 8, 12]);
    expect(Array.from(history.runs[0].tss)).toEqual([5, 2.5, 1.5]);
  });

  it('hides, clears, tells its subscribers, and keeps at most the last few runs', () => {
    const history = new RunHistory();
    const run = new FakeRun();
    let told = 0;
    const stop = history.subscribe(() => told++);
    for (let i = 0; i < MAX_EARLIER_RUNS + 2; i++) {
      run.set({ seed: i });
      run.series.append(1, 1, [i + 1]);
      history.observe(run.observation());
      run.series.truncate(0);
      history.observe(run.observation());
    }
    expect(history.runs).toHaveLength(MAX_EARLIER_RUNS);
    expect(history.runs[0].seed).toBe(2);
    expect(told).toBe(MAX_EARLIER_RUNS + 2);
    const id = history.runs[1].id;
    history.setHidden(id, true);
    expect(history.runs.filter((r) => r.hidden).map((r) => r.id)).toEqual([id]);
    history.clear();
    expect(history.runs).toEqual([]);
    stop();
    history.clear();
    expect(told).toBe(MAX_EARLIER_RUNS + 4);
  });

  it('is one per owner', () => {
    const a = {};
    expect(runHistoryFor(a)).toBe(runHistoryFor(a));
    expect(runHistoryFor(a)).not.toBe(runHistoryFor({}));
  });
});

describe('the label of a mid-run settings change', () => {
  it('names the settings as docs/science.md does', () => {
    expect(describeChanges({ learningRate: 0.05 })).toBe('λ → 0.05');
    expect(describeChanges({ momentum: 0.9, weightDecay: 0.001 })).toBe('α → 0.9 · κ → 0.001');
    expect(describeChanges({ stopWhenAllCorrect: false, init: { kind: 'uniform', range: 1 } })).toBe('stop when all correct → off · init → uniform ±0.5');
  });
});
