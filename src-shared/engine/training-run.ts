/**
 * A training run of any model, for the command line, the experiments and the app's trainer: the chain
 * engine (Simulation) for a chain, the graph path (graph/graph-run.ts) for any other network, with time for
 * a recurrent one (recurrent/recurrent-run.ts) — the members all give.
 */
import type { ModelDocument, NetworkState, TrainingSettings } from '../model/schema';
import { GraphRun } from './graph/graph-run';
import { isGraphModel } from './graph/graph-support';
import type { PatternInspection } from './inspection';
import type { PatternSet } from './patterns';
import { RecurrentRun } from './recurrent/recurrent-run';
import { isRecurrent } from '../model/recurrence';
import { Simulation } from './simulation';
import type { AdvanceOutcome, StopReason } from './stopping';
import type { TestPass } from './test-pass';

export interface TrainingRun {
  readonly epoch: number;
  readonly settings: TrainingSettings;
  readonly patternCount: number;
  /** Patterns per update: 1 online, all of them in batch mode, `batchSize` in minibatch mode. */
  readonly updateSize: number;
  readonly testData: PatternSet | null;
  /** The learning curve at epochs historyStride, 2·historyStride, … (run-histories.ts). */
  readonly tssHistory: number[];
  readonly correctHistory: number[];
  readonly testTssHistory: number[];
  readonly historyStride: number;
  readonly lastEpochTss: number | null;
  readonly lastEpochCorrect: number | null;
  /** Each training pattern's pss in the last completed epoch (a buffer the run reuses: copy what you keep). */
  readonly epochPatternErrors: Float64Array;
  readonly patternsIntoEpoch: number;
  configure(changes: Partial<TrainingSettings>): boolean;
  reset(): void;
  stopBeforeTraining(): StopReason | null;
  advance(budget: number, untilEpoch?: number): AdvanceOutcome;
  /** The training pattern the next presentation shows. */
  nextPattern(): number;
  /** Looking inside training pattern p, or any input and target (all input and output layers, concatenated). */
  inspect(which: number | readonly number[], target?: readonly (number | null)[], name?: string): PatternInspection;
  testPass(): TestPass;
  testPass(set: 'train' | 'test'): TestPass | null;
  weightRows(): { weights: number[][][]; biases: number[][] };
  maximumMessage(): string;
  state(): NetworkState;
  toModel(): ModelDocument;
}

export function createRun(model: ModelDocument): TrainingRun {
  if (isRecurrent(model)) return new RecurrentRun(model);
  return isGraphModel(model) ? new GraphRun(model) : new Simulation(model);
}
