/**
 * One run of an experiment: the single run of its condition with its seed, trained by the same Simulation
 * the workbench and `cli train` use, epoch by epoch (however the work is sliced the bits are the same), with
 * what the experiment records. Pure computation: the hosts (worker threads, utility processes, Web Workers)
 * only carry its input and result.
 */
import { Simulation } from '../engine/simulation';
import type { ModelDocument } from '../model/schema';
import { plannedRun, recordsExperimentEpoch, singleRunModel, type ExperimentPlan } from './plan';

/** `stopped-at-criterion` only when the experiment stops runs there; a diverged run keeps what it reached. */
export type RunStatus = 'finished' | 'stopped-at-criterion' | 'diverged';

export interface RunCurve {
  epoch: number[];
  /** tss of each recorded epoch as summed while training it (the workbench's curve). */
  tss: number[];
  /** Fraction of patterns correct within the margin, counted at the same forward passes. */
  correct: number[];
  /** The test set's tss after each recorded epoch; absent when the run has no test patterns. */
  testTss?: number[];
}

export interface RunResult {
  index: number;
  condition: number;
  replication: number;
  seed: number;
  status: RunStatus;
  /** Epochs trained (fewer than the experiment's when the run stopped at the criterion or diverged). */
  epochs: number;
  /** The first epoch whose after-epoch tss fell below training.errorCriterion; null if none did (or it is 0). */
  epochsToCriterion: number | null;
  /** After the last epoch, from a test pass: exact tss and fraction correct, and the test set's tss. */
  final: { tss: number; fractionCorrect: number; testTss: number | null };
  curve: RunCurve;
  /** What went wrong, for a diverged run; null otherwise. */
  message: string | null;
  outputs?: { name: string; output: number[] }[];
  weights?: { weights: number[][][]; biases: number[][] };
}

/** `model` is the experiment's model (with its experiment section); `index` the run in the plan's order. */
export function runExperimentRun(model: ModelDocument, plan: ExperimentPlan, index: number): RunResult {
  const run = plannedRun(plan, index);
  const single = singleRunModel(model, plan, index);
  const criterion = single.training.errorCriterion;
  // The run's own stopping rules are the experiment's: the Simulation must not stop it earlier. Neither
  // setting changes what an epoch computes.
  const simulation = new Simulation({ ...single, training: { ...single.training, errorCriterion: 0, stopWhenAllCorrect: false } });
  const { epochs, stopAtCriterion, record } = plan.spec;
  const curve: RunCurve = { epoch: [], tss: [], correct: [], ...(simulation.testData ? { testTss: [] } : {}) };
  let status: RunStatus = 'finished';
  let message: string | null = null;
  let epochsToCriterion: number | null = null;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const outcome = simulation.advance(Number.POSITIVE_INFINITY, epoch);
    if (outcome.stop === 'diverged') {
      status = 'diverged';
      message = outcome.message;
      break;
    }
    if (criterion > 0 && epochsToCriterion === null && meetsCriterionAfterEpoch(simulation, criterion)) epochsToCriterion = epoch;
    const stops = stopAtCriterion && epochsToCriterion === epoch;
    if (recordsExperimentEpoch(plan, epoch) || epoch === epochs || stops) recordEpoch(simulation, curve);
    if (stops) {
      status = 'stopped-at-criterion';
      break;
    }
  }
  // A diverged run goes back to the weights of its last whole epoch: that epoch closes its curve.
  if (status === 'diverged' && simulation.epoch > 0 && curve.epoch[curve.epoch.length - 1] !== simulation.epoch) recordEpoch(simulation, curve);
  const pass = simulation.testPass();
  const result: RunResult = {
    index,
    condition: run.condition,
    replication: run.replication,
    seed: run.seed,
    status,
    epochs: simulation.epoch,
    epochsToCriterion,
    final: { tss: pass.tss, fractionCorrect: pass.fractionCorrect, testTss: simulation.testPass('test')?.tss ?? null },
    curve,
    message,
  };
  if (record.finalOutputs) result.outputs = pass.patterns.map((p) => ({ name: p.name, output: p.output }));
  if (record.finalWeights) result.weights = simulation.weightRows();
  return result;
}

function recordEpoch(simulation: Simulation, curve: RunCurve): void {
  curve.epoch.push(simulation.epoch);
  // After a divergence the last epoch's figures are the restored epoch's (the Simulation's histories keep them).
  curve.tss.push(simulation.lastEpochTss ?? simulation.tssHistory[simulation.tssHistory.length - 1]);
  curve.correct.push(simulation.lastEpochCorrect ?? simulation.correctHistory[simulation.correctHistory.length - 1]);
  if (curve.testTss) {
    // The Simulation measured the test set after this epoch when its history kept the epoch (stride 1);
    // past 65,536 epochs it keeps fewer, and a test pass measures it here.
    const kept = simulation.historyStride === 1 ? simulation.testTssHistory[simulation.epoch - 1] : undefined;
    curve.testTss.push(kept ?? simulation.testPass('test')!.tss);
  }
}

/**
 * Whether the tss with the weights after the epoch (science.md: the exact after-epoch value) is below the
 * criterion. Every pss is ≥ 0, so once the partial sum reaches the criterion the answer is no: the
 * patterns after it need no forward pass — most epochs before the criterion cost one or two patterns.
 * Allocates nothing.
 */
function meetsCriterionAfterEpoch(simulation: Simulation, criterion: number): boolean {
  const net = simulation.network;
  const { inputs, targets, count } = simulation.data;
  const inUnits = net.sizes[0];
  const outUnits = net.sizes[net.depth];
  let tss = 0;
  for (let p = 0; p < count; p++) {
    const output = net.forward(inputs, p * inUnits);
    // Summed as testPass sums it (pss per pattern, then tss), so the comparison is with the same number.
    let pss = 0;
    for (let k = 0; k < outUnits; k++) {
      const t = targets[p * outUnits + k];
      if (Number.isNaN(t)) continue;
      const e = t - output[k];
      pss += e * e;
    }
    tss += pss;
    if (!(tss < criterion)) return false;
  }
  return true;
}
