/**
 * One run of an experiment: the single run of its condition with its seed, trained by the same engine
 * `cli train` uses (createRun: the chain engine, Simulation, for a chain; the graph path, GraphRun, for a
 * graph), epoch by epoch (however the work is sliced the bits are the same), with what the experiment
 * records. Pure computation: the hosts (worker threads, utility processes, Web Workers) only carry its
 * input and result.
 */
import { GraphRun } from '../engine/graph/graph-run';
import { Simulation } from '../engine/simulation';
import type { AdvanceOutcome } from '../engine/stopping';
import type { TestPass } from '../engine/test-pass';
import { createRun } from '../engine/training-run';
import type { ModelDocument } from '../model/schema';
import { applyPlannedLesion } from './lesion-factor';
import { plannedRun, runLesion, singleRunModel, type ExperimentPlan } from './plan';
import { angleRecorder, type AlignmentAngles, type RunExtras } from './run-angles';

/** Patterns presented per call once the criterion needs no look after each epoch (as `cli train`). */
const PATTERNS_PER_CALL = 4096;

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
  /** Only when the page asked for it (run-angles.ts): feedback alignment's angles over training. */
  alignmentAngles?: AlignmentAngles;
}

/** What an experiment reads of a run, which Simulation and GraphRun both give. */
interface ExperimentEngine {
  readonly epoch: number;
  readonly historyStride: number;
  readonly tssHistory: number[];
  readonly correctHistory: number[];
  readonly testTssHistory: number[];
  readonly lastEpochTss: number | null;
  readonly lastEpochCorrect: number | null;
  readonly testData: unknown;
  advance(budget: number, untilEpoch?: number): AdvanceOutcome;
  testPass(set?: 'train' | 'test'): TestPass | null;
}

/**
 * `model` is the experiment's model (with its experiment section); `index` the run in the plan's order;
 * `extras` what the run records beyond the section's measures (it changes none of them).
 */
export function runExperimentRun(model: ModelDocument, plan: ExperimentPlan, index: number, extras?: RunExtras): RunResult {
  const run = plannedRun(plan, index);
  const single = singleRunModel(model, plan, index);
  // The single-run model has no stopping rule of its own: the experiment's criterion is the model's.
  const criterion = model.training.errorCriterion;
  // An experiment's runs record what its section asks; snapshots (a single run's) would only fill memory.
  const { snapshots: _unused, ...training } = single.training;
  let engine = experimentEngine(createRun({ ...single, training }));
  let simulation: ExperimentEngine = engine;
  const { epochs, stopAtCriterion, record } = plan.spec;
  // A lesion factor's lesion, done once the run has trained its epochs (lesion-factor.ts); null: none (left).
  let lesion = runLesion(plan, index, single);
  // With a lesion factor, every run (level 0 too, for comparison) looks for the criterion after its epoch only:
  // epochs to criterion then measure relearning, and no run stops before its lesion.
  const criterionFrom = plan.spec.factors.find((f) => f.setting === 'lesion')?.epoch ?? 0;
  // The angles follow one network; a lesion makes another (the lesioned units a layer of their own).
  const angles = engine instanceof Simulation && !lesion ? angleRecorder(single, epochs, extras) : null;
  angles?.look(engine);
  let status: RunStatus = 'finished';
  let message: string | null = null;
  let epochsToCriterion: number | null = null;
  while (simulation.epoch < epochs) {
    if (lesion && simulation.epoch === lesion.epoch) {
      // As the app and `cli lesion` do it: the run's model lesioned, trained on from the state it holds.
      engine = experimentEngine(createRun(applyPlannedLesion(engine.toModel(), lesion)));
      simulation = engine;
      lesion = null;
    }
    // Until the criterion is met, one epoch at a time (its after-epoch tss is needed); otherwise in chunks
    // of patterns as `cli train` trains. The bits are the same however the work is sliced.
    const checking = criterion > 0 && epochsToCriterion === null && simulation.epoch >= criterionFrom;
    // Stopping at an epoch the angles are taken at, or the lesion's, slices the work differently, and changes no bit.
    const until = Math.min(epochs, simulation.epoch < criterionFrom ? criterionFrom : epochs, angles?.nextEpoch(simulation.epoch) ?? epochs);
    const outcome = simulation.advance(checking ? Number.POSITIVE_INFINITY : PATTERNS_PER_CALL, checking ? simulation.epoch + 1 : until);
    angles?.look(engine);
    if (outcome.stop === 'diverged') {
      status = 'diverged';
      message = outcome.message;
      break;
    }
    if (checking && (engine instanceof Simulation ? meetsCriterionAfterEpoch(engine, criterion) : engine.testPass().tss < criterion)) {
      epochsToCriterion = simulation.epoch;
      if (stopAtCriterion) {
        status = 'stopped-at-criterion';
        break;
      }
    }
  }
  const pass = simulation.testPass()!;
  const result: RunResult = {
    index,
    condition: run.condition,
    replication: run.replication,
    seed: run.seed,
    status,
    epochs: simulation.epoch,
    epochsToCriterion,
    final: { tss: pass.tss, fractionCorrect: pass.fractionCorrect, testTss: simulation.testData ? simulation.testPass('test')!.tss : null },
    curve: recordedCurve(simulation, plan.recordEvery),
    message,
  };
  if (angles) result.alignmentAngles = angles.result();
  if (record.finalOutputs) result.outputs = pass.patterns.map((p) => ({ name: p.name, output: p.output }));
  if (record.finalWeights) {
    const saved = engine instanceof Simulation ? engine.weightRows() : engine.state();
    result.weights = { weights: saved.weights, biases: saved.biases };
  }
  return result;
}

function experimentEngine(run: ReturnType<typeof createRun>): Simulation | GraphRun {
  if (!(run instanceof Simulation || run instanceof GraphRun)) throw new Error('an experiment runs the chain engine or the graph path');
  return run;
}

/**
 * The curve at epochs k, 2k, … and the run's last, from the Simulation's histories: they keep every epoch up
 * to 65,536 and then every s-th (s a power of two, epoch-history.ts), and k is a power of two at least s
 * (plan.ts), so each recorded epoch is there. A last epoch the history skipped is the run's current one.
 */
function recordedCurve(simulation: ExperimentEngine, every: number): RunCurve {
  const stride = simulation.historyStride;
  if (every % stride !== 0) throw new Error(`the history keeps every ${stride}th epoch, not every ${every}th`);
  const hasTest = simulation.testData !== null;
  const curve: RunCurve = { epoch: [], tss: [], correct: [], ...(hasTest ? { testTss: [] } : {}) };
  const last = simulation.epoch;
  const fromHistory = (epoch: number) => {
    const at = epoch / stride - 1;
    curve.epoch.push(epoch);
    curve.tss.push(simulation.tssHistory[at]);
    curve.correct.push(simulation.correctHistory[at]);
    if (hasTest) curve.testTss!.push(simulation.testTssHistory[at]);
  };
  for (let epoch = every; epoch <= last; epoch += every) fromHistory(epoch);
  if (last % every !== 0) {
    if (last % stride === 0) fromHistory(last);
    else {
      curve.epoch.push(last);
      curve.tss.push(simulation.lastEpochTss ?? Number.NaN);
      curve.correct.push(simulation.lastEpochCorrect ?? Number.NaN);
      if (hasTest) curve.testTss!.push(simulation.testPass('test')!.tss);
    }
  }
  return curve;
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
