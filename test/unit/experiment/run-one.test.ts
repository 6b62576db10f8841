/** A run inside an experiment is the single run with its seed, bit for bit, with what the experiment records. */
import { describe, expect, it } from 'vitest';
import { experimentExamples } from '../../../src-shared/data/experiment-examples';
import { Simulation } from '../../../src-shared/engine/simulation';
import { planExperiment, singleRunModel } from '../../../src-shared/experiment/plan';
import { runExperimentRun } from '../../../src-shared/experiment/run-one';
import { createModel } from '../../../src-shared/model/create';
import type { ExperimentSpec, ModelDocument } from '../../../src-shared/model/schema';

function withExperiment(model: ModelDocument, experiment: ExperimentSpec): ModelDocument {
  return { ...model, experiment };
}

const xorHidden = () => experimentExamples.find((e) => e.id === 'experiment-xor-hidden')!.build();

describe('one run of an experiment', () => {
  it('computes exactly what the ordinary train path computes for its seed', () => {
    const model = withExperiment(xorHidden(), { ...xorHidden().experiment!, epochs: 300, record: { finalOutputs: true, finalWeights: true } });
    const plan = planExperiment(model);
    for (const index of [0, 4, 8]) {
      const run = runExperimentRun(model, plan, index);
      // As `cli train` does: chunks of 4096 presentations up to the maximum epochs.
      const alone = new Simulation({ ...singleRunModel(model, plan, index), training: { ...singleRunModel(model, plan, index).training, errorCriterion: 0 } });
      while (alone.epoch < 300) alone.advance(4096, 300);
      expect(run.weights, `run ${index}`).toEqual(alone.weightRows());
      expect(run.curve.epoch).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
      expect(run.curve.tss).toEqual(alone.tssHistory);
      expect(run.curve.correct).toEqual(alone.correctHistory);
      const pass = alone.testPass();
      expect(run.final).toEqual({ tss: pass.tss, fractionCorrect: pass.fractionCorrect, testTss: null });
      expect(run.outputs).toEqual(pass.patterns.map((p) => ({ name: p.name, output: p.output })));
      expect(run.status).toBe('finished');
      expect(run.seed).toBe(1 + Math.floor(index / 3));
    }
  });

  it('marks epochs to criterion at the first epoch whose after-epoch tss meets it, and stops there only when asked', () => {
    const base = xorHidden();
    const model = withExperiment(base, { ...base.experiment!, epochs: 600 });
    const plan = planExperiment(model);
    const run = runExperimentRun(model, plan, 1);
    // Independently: train epoch by epoch and test after each.
    const alone = new Simulation({ ...singleRunModel(model, plan, 1), training: { ...singleRunModel(model, plan, 1).training, errorCriterion: 0 } });
    let first: number | null = null;
    while (alone.epoch < 600 && first === null) {
      alone.advance(Number.POSITIVE_INFINITY, alone.epoch + 1);
      if (alone.testPass().tss < base.training.errorCriterion) first = alone.epoch;
    }
    expect(first).not.toBeNull();
    expect(run.epochsToCriterion).toBe(first);
    expect(run.epochs).toBe(600);

    const stopping = withExperiment(base, { ...base.experiment!, epochs: 600, stopAtCriterion: true });
    const stopped = runExperimentRun(stopping, planExperiment(stopping), 1);
    expect(stopped.status).toBe('stopped-at-criterion');
    expect(stopped.epochs).toBe(first);
    expect(stopped.curve.epoch[stopped.curve.epoch.length - 1]).toBe(first);
    expect(stopped.curve.tss).toEqual(run.curve.tss.slice(0, first!));
  });

  it('finds the same epoch to criterion with eight outputs, backprop and feedback alignment', () => {
    const model = experimentExamples.find((e) => e.id === 'experiment-encoder-fa')!.build();
    const plan = planExperiment(model);
    for (const index of [0, 1]) {
      const run = runExperimentRun(model, plan, index);
      const alone = new Simulation({ ...singleRunModel(model, plan, index), training: { ...singleRunModel(model, plan, index).training, errorCriterion: 0 } });
      let first: number | null = null;
      while (alone.epoch < plan.spec.epochs && first === null) {
        alone.advance(Number.POSITIVE_INFINITY, alone.epoch + 1);
        if (alone.testPass().tss < model.training.errorCriterion) first = alone.epoch;
      }
      expect(first, `run ${index}`).not.toBeNull();
      expect(run.epochsToCriterion, `run ${index}`).toBe(first);
    }
  });

  it('records every k-th epoch and the last, from the run\'s history, and the test set when the condition keeps it', () => {
    const base = xorHidden();
    const model = withExperiment({ ...base, testPatterns: base.patterns.slice(0, 2) }, {
      ...base.experiment!, epochs: 4096 * 2 + 5, factors: [{ setting: 'testSet', levels: [true, false] }], replications: 1,
    });
    const plan = planExperiment(model);
    expect(plan.recordEvery).toBe(4);
    const kept = runExperimentRun(model, plan, 0);
    expect(kept.curve.epoch.length).toBe(2049 + 1);
    expect(kept.curve.epoch.slice(0, 3)).toEqual([4, 8, 12]);
    expect(kept.curve.epoch[kept.curve.epoch.length - 1]).toBe(8197);
    expect(kept.curve.testTss).toHaveLength(kept.curve.epoch.length);
    const alone = new Simulation(singleRunModel(model, plan, 0));
    alone.advance(Number.POSITIVE_INFINITY, 8197);
    expect(kept.curve.testTss!.slice(0, 3)).toEqual([3, 7, 11].map((i) => alone.testTssHistory[i]));
    expect(kept.curve.tss[kept.curve.tss.length - 1]).toBe(alone.tssHistory[8196]);
    const dropped = runExperimentRun(model, plan, 1);
    expect(dropped.curve.testTss).toBeUndefined();
    expect(dropped.final.testTss).toBeNull();
    expect(dropped.curve.tss).toEqual(kept.curve.tss);
  });

  it('keeps recording past 65,536 epochs, where the run\'s history thins to every 2nd epoch', () => {
    const base = xorHidden();
    const model = withExperiment(base, { ...base.experiment!, epochs: 70_001, replications: 1, factors: [] });
    const plan = planExperiment(model);
    expect(plan.recordEvery).toBe(32);
    const run = runExperimentRun(model, plan, 0);
    const alone = new Simulation(singleRunModel(model, plan, 0));
    while (alone.epoch < 70_001) alone.advance(4096, 70_001);
    expect(alone.historyStride).toBe(2);
    expect(run.curve.epoch).toHaveLength(2187 + 1);
    expect(run.curve.epoch.slice(-2)).toEqual([69_984, 70_001]);
    expect(run.curve.tss[2186]).toBe(alone.tssHistory[69_984 / 2 - 1]);
    // Epoch 70,001 is odd: the history skipped it, and the run's last epoch figures close the curve.
    expect(run.curve.tss[2187]).toBe(alone.lastEpochTss);
    expect(run.weights).toBeUndefined();
  });

  it('records a diverging run as diverged, with the weights of its last whole epoch', () => {
    const model = createModel({
      name: 'runaway',
      description: '',
      layers: [
        { kind: 'input', name: 'input', units: 1, activation: 'linear', bias: false },
        { kind: 'output', name: 'output', units: 1, activation: 'linear', bias: false },
      ],
      patterns: [{ name: 'p', input: [1000], target: [1] }],
      training: { learningRate: 10, momentum: 0, rule: 'delta' },
    });
    const experiment: ExperimentSpec = { design: 'crossed', factors: [], replications: 1, epochs: 50, stopAtCriterion: false, record: { finalOutputs: false, finalWeights: true } };
    const run = runExperimentRun({ ...model, experiment }, planExperiment({ ...model, experiment }), 0);
    expect(run.status).toBe('diverged');
    expect(run.message).toMatch(/Training diverged in epoch \d+/);
    expect(run.epochs).toBeLessThan(50);
    expect(run.curve.epoch[run.curve.epoch.length - 1]).toBe(run.epochs);
    expect(Number.isFinite(run.weights!.weights[0][0][0])).toBe(true);
  });
});
