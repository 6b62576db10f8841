/**
 * Compare rules: the comparison's experiment (a factor `rule`, replications from the model's seed), its runs
 * starting from identical initial weights, one curve where the rules are the same updates (checked bit for
 * bit), and feedback alignment's angles recorded inside the run, checked against an independent computation.
 */
import { describe, expect, it } from 'vitest';
import { examples } from '../../../src-shared/data/examples';
import { createRun } from '../../../src-shared/engine/training-run';
import { Simulation } from '../../../src-shared/engine/simulation';
import { planExperiment, singleRunModel } from '../../../src-shared/experiment/plan';
import { angleEpochs, MAX_ANGLE_EPOCHS } from '../../../src-shared/experiment/run-angles';
import { runExperimentRun } from '../../../src-shared/experiment/run-one';
import { comparableRules, hasOneWeightLayer, planRuleComparison } from '../../../src-shared/experiment/rule-comparison';
import type { LearningRule, ModelDocument } from '../../../src-shared/model/schema';
import { checkConsistency as checkModel } from '../../../src-shared/model/consistency';

const example = (id: string): ModelDocument => examples.find((e) => e.id === id)!.build();
const encoder = () => example('encoder-8-3-8');
const and = () => example('and');

function bits(values: readonly number[]): string {
  return Buffer.from(Float64Array.from(values).buffer).toString('hex');
}

function weightBits(run: { weightRows(): { weights: number[][][]; biases: number[][] } }): string {
  const { weights, biases } = run.weightRows();
  return bits([...weights.flat(2), ...biases.flat()]);
}

describe('the comparison’s experiment', () => {
  it('is a factor rule over the ticked rules, the model’s seed as base, and leaves the open model as it was', () => {
    const model = encoder();
    const before = JSON.stringify(model);
    const comparison = planRuleComparison(model, { rules: ['backprop', 'feedback-alignment'], otherLearningRate: null, seeds: 3, epochs: 500 });
    expect(JSON.stringify(model)).toBe(before);
    expect(model.experiment).toBeUndefined();
    expect(comparison.model.experiment).toEqual({
      design: 'crossed',
      factors: [{ setting: 'rule', levels: ['backprop', 'feedback-alignment'] }],
      replications: 3,
      baseSeed: model.training.seed,
      epochs: 500,
      stopAtCriterion: false,
      record: { finalOutputs: false, finalWeights: false },
    });
    expect(comparison.model.state).toBeNull();
    expect(comparison.conditions.map((c) => c.label)).toEqual(['backprop', 'feedback alignment']);
    expect(comparison.sameUpdates).toBeNull();
    expect(comparison.angles).toBe(true);
    const plan = planExperiment(comparison.model);
    expect(plan.total).toBe(6);
    // Each condition's single-run model is valid and has its rule.
    comparison.conditions.forEach((c) => {
      const single = singleRunModel(comparison.model, plan, c.condition);
      expect(checkModel(single)).toEqual([]);
      expect(single.training.rule).toBe(c.rule);
    });
  });

  it('crosses the rules with a second learning rate, rule first, when one is given', () => {
    const comparison = planRuleComparison(encoder(), { rules: ['feedback-alignment', 'backprop'], otherLearningRate: 0.1, seeds: 1, epochs: 100 });
    expect(comparison.conditions.map((c) => [c.rule, c.learningRate, c.label])).toEqual([
      ['feedback-alignment', 0.3, 'feedback alignment, λ = 0.3'],
      ['feedback-alignment', 0.1, 'feedback alignment, λ = 0.1'],
      ['backprop', 0.3, 'backprop, λ = 0.3'],
      ['backprop', 0.1, 'backprop, λ = 0.1'],
    ]);
    const plan = planExperiment(comparison.model);
    comparison.conditions.forEach((c) => {
      const single = singleRunModel(comparison.model, plan, c.condition);
      expect([single.training.rule, single.training.learningRate]).toEqual([c.rule, c.learningRate]);
    });
  });

  it('refuses what it cannot run, saying what and where', () => {
    const model = encoder();
    const choice = { rules: ['backprop'] as LearningRule[], otherLearningRate: null, seeds: 1, epochs: 100 };
    expect(() => planRuleComparison(model, { ...choice, rules: [] })).toThrow('tick at least one rule');
    expect(() => planRuleComparison(model, { ...choice, rules: ['delta'] })).toThrow('the delta rule trains one layer of weights; this network has hidden layers');
    expect(() => planRuleComparison(model, { ...choice, seeds: 0 })).toThrow('seeds must be a whole number from 1 to 20, not 0');
    expect(() => planRuleComparison(model, { ...choice, epochs: 2.5 })).toThrow('epochs must be a whole number');
    expect(() => planRuleComparison(model, { ...choice, otherLearningRate: -1 })).toThrow('the other learning rate must be a number ≥ 0, not -1');
    expect(comparableRules(model).find((r) => r.rule === 'delta')!.why).toMatch(/one layer of weights/);
    expect(comparableRules(and()).every((r) => r.why === null)).toBe(true);
  });
});

describe('identical initial weights', () => {
  it('every condition of replication r starts from the same weights: the two runs’ epoch-0 weights are equal', () => {
    const comparison = planRuleComparison(encoder(), { rules: ['backprop', 'feedback-alignment'], otherLearningRate: 0.05, seeds: 2, epochs: 50 });
    const plan = planExperiment(comparison.model);
    for (let r = 0; r < 2; r++) {
      const starts = comparison.conditions.map((c) => weightBits(createRun(singleRunModel(comparison.model, plan, r * comparison.conditions.length + c.condition))));
      expect(new Set(starts).size).toBe(1);
    }
    // Another replication: another seed, other weights.
    const first = weightBits(createRun(singleRunModel(comparison.model, plan, 0)));
    const second = weightBits(createRun(singleRunModel(comparison.model, plan, comparison.conditions.length)));
    expect(second).not.toBe(first);
    // And the runs then differ: feedback alignment sends its deltas back through F, not W.
    const [bp, fa] = [0, 2].map((i) => runExperimentRun(comparison.model, plan, i));
    expect(bp.curve.tss.at(-1)).not.toBe(fa.curve.tss.at(-1));
  });
});

describe('one layer of weights', () => {
  it('backprop, the delta rule and feedback alignment give bit-identical weights, so one curve stands for them', () => {
    for (const loss of ['squared-error', 'cross-entropy'] as const) {
      const base = and();
      expect(hasOneWeightLayer(base)).toBe(true);
      const trained = (['backprop', 'delta', 'feedback-alignment'] as const).map((rule) => {
        const run = new Simulation({ ...base, training: { ...base.training, rule, loss, errorCriterion: 0, stopWhenAllCorrect: false, maxEpochs: 300 } });
        run.advance(Number.POSITIVE_INFINITY, 300);
        expect(run.epoch).toBe(300);
        return { weights: weightBits(run), tss: bits(run.tssHistory) };
      });
      expect(trained[1], `${loss}: delta rule`).toEqual(trained[0]);
      expect(trained[2], `${loss}: feedback alignment`).toEqual(trained[0]);
    }
    const comparison = planRuleComparison(and(), { rules: ['backprop', 'delta'], otherLearningRate: null, seeds: 1, epochs: 100 });
    expect(comparison.conditions).toHaveLength(1);
    expect(comparison.conditions[0].label).toBe('backprop = delta rule');
    expect(comparison.sameUpdates).toMatch(/one layer of weights.*same weight changes, bit for bit/);
    expect(comparison.model.experiment!.factors).toEqual([{ setting: 'rule', levels: ['backprop'] }]);
    expect(hasOneWeightLayer(encoder())).toBe(false);
  });
});

/** The two angles at the run's weights, computed here without the engine: logistic units, squared error. */
function anglesByHand(model: ModelDocument, weights: number[][][], biases: number[][], F: number[][]): { signal: number; weight: number } {
  expect(model.layers.map((l) => l.activation)).toEqual(['linear', 'logistic', 'logistic']);
  const W1 = weights[1];
  const angle = (a: number[], b: number[]) => {
    const dot = a.reduce((s, x, i) => s + x * b[i], 0);
    return (Math.acos(Math.max(-1, Math.min(1, dot / Math.hypot(...a) / Math.hypot(...b)))) * 180) / Math.PI;
  };
  const logistic = (x: number) => 1 / (1 + Math.exp(-x));
  let sum = 0;
  let used = 0;
  for (const pattern of model.patterns) {
    const hidden = weights[0].map((row, h) => logistic(row.reduce((s, w, i) => s + w * pattern.input[i], 0) + biases[0][h]));
    const output = W1.map((row, o) => logistic(row.reduce((s, w, h) => s + w * hidden[h], 0) + biases[1][o]));
    const delta = output.map((o, k) => -((pattern.target[k] as number) - o) * o * (1 - o));
    const back = (B: number[][]) => hidden.map((_, h) => B.reduce((s, row, o) => s + row[h] * delta[o], 0));
    if (delta.every((d) => d === 0)) continue;
    sum += angle(back(W1), back(F));
    used++;
  }
  return { signal: sum / used, weight: angle(W1.flat(), F.flat()) };
}

describe('feedback alignment’s angles, recorded inside the run', () => {
  const comparison = planRuleComparison(encoder(), { rules: ['backprop', 'feedback-alignment'], otherLearningRate: null, seeds: 1, epochs: 600 });
  const plan = planExperiment(comparison.model);
  const extras = { alignmentAngles: true };

  it('are taken at epoch 0, every k-th epoch and the last, at most a few hundred times', () => {
    expect(angleEpochs(512)).toEqual([0, ...Array.from({ length: 256 }, (_, i) => 2 * (i + 1))]);
    expect(angleEpochs(601)).toEqual([0, ...Array.from({ length: 150 }, (_, i) => 4 * (i + 1)), 601]);
    const long = angleEpochs(10_000);
    expect(long.length).toBeLessThanOrEqual(MAX_ANGLE_EPOCHS + 2);
    expect([long[0], long[1], long.at(-1)]).toEqual([0, 64, 10_000]);
  });

  it('equal the angles computed by hand from the weights and F the trained network holds, and change no bit of the run', () => {
    const fa = runExperimentRun(comparison.model, plan, 1, extras);
    const angles = fa.alignmentAngles!;
    expect(angles.epochs).toEqual(angleEpochs(600));
    expect(angles.projections.map((p) => p.projection)).toEqual([1]);
    const single = singleRunModel(comparison.model, plan, 1);
    for (const epoch of [0, 4, 100, 600]) {
      const alone = new Simulation(single);
      alone.advance(Number.POSITIVE_INFINITY, epoch);
      expect(alone.epoch).toBe(epoch);
      const { weights, biases } = alone.weightRows();
      // F as the run saves it (its state), not drawn again from the seed.
      const F = alone.state().feedback![1];
      const byHand = anglesByHand(single, weights, biases, F);
      const k = angles.epochs.indexOf(epoch);
      expect(angles.projections[0].signal[k]).toBeCloseTo(byHand.signal, 9);
      expect(angles.projections[0].weight[k]).toBeCloseTo(byHand.weight, 9);
    }
    // Near 90° from random weights; the forward weights come to align with F.
    expect(angles.projections[0].weight[0]!).toBeGreaterThan(45);
    expect(angles.projections[0].weight.at(-1)!).toBeLessThan(angles.projections[0].weight[0]!);
    // Stopping at the angles' epochs slices the work differently and changes nothing the experiment records.
    const plain = runExperimentRun(comparison.model, plan, 1);
    expect(plain.alignmentAngles).toBeUndefined();
    expect({ ...fa, alignmentAngles: undefined }).toEqual({ ...plain, alignmentAngles: undefined });
    expect(bits(fa.curve.tss)).toBe(bits(plain.curve.tss));
  });

  it('are recorded for feedback alignment only', () => {
    expect(runExperimentRun(comparison.model, plan, 0, extras).alignmentAngles).toBeUndefined();
  });
});
