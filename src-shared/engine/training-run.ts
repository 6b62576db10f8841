/**
 * A training run of any model, for the command line and the experiments: the chain engine (Simulation)
 * for a chain, the graph path (graph/graph-run.ts) for any other network, with time for a recurrent one
 * (recurrent/recurrent-run.ts) — the members all give.
 */
import type { ModelDocument, TrainingSettings } from '../model/schema';
import { GraphRun } from './graph/graph-run';
import { isGraphModel } from './graph/graph-support';
import { RecurrentRun } from './recurrent/recurrent-run';
import { isRecurrent } from '../model/recurrence';
import { Simulation } from './simulation';
import type { AdvanceOutcome, StopReason } from './stopping';
import type { TestPass } from './test-pass';

export interface TrainingRun {
  readonly epoch: number;
  readonly settings: TrainingSettings;
  readonly lastEpochTss: number | null;
  readonly tssHistory: number[];
  configure(changes: Partial<TrainingSettings>): boolean;
  stopBeforeTraining(): StopReason | null;
  advance(budget: number, untilEpoch?: number): AdvanceOutcome;
  testPass(): TestPass;
  toModel(): ModelDocument;
}

export function createRun(model: ModelDocument): TrainingRun {
  if (isRecurrent(model)) return new RecurrentRun(model);
  return isGraphModel(model) ? new GraphRun(model) : new Simulation(model);
}
