/**
 * The trainer's answer to "look inside": a probe (a training or test pattern by number, or any input and
 * target) resolved against the run, or what is wrong with the probe, in the app's words.
 */
import type { PatternInspection } from '../engine/inspection';
import { RecurrentRun } from '../engine/recurrent/recurrent-run';
import type { TrainingRun } from '../engine/training-run';
import type { Probe } from '../ipc/trainer-protocol';
import { networkGraph } from '../model/graph';
import type { ModelDocument } from '../model/schema';
import { inspectEventInSequence, inspectTypedEvent } from './recurrent-inspection';

/** Units in all the input layers and in all the output layers: what a pattern's input and target hold. */
export interface PatternWidths {
  inUnits: number;
  outUnits: number;
  /** How the message names them: "the input layer has" or "the input layers have". */
  inWords: string;
  outWords: string;
}

export function patternWidths(model: Pick<ModelDocument, 'layers' | 'projections'>): PatternWidths {
  const graph = networkGraph(model);
  const units = (layers: readonly number[]) => layers.reduce((sum, g) => sum + model.layers[g].units, 0);
  const words = (kind: string, layers: readonly number[]) => (layers.length === 1 ? `the ${kind} layer has` : `the ${kind} layers have`);
  return { inUnits: units(graph.inputs), outUnits: units(graph.outputs), inWords: words('input', graph.inputs), outWords: words('output', graph.outputs) };
}

/**
 * The engine's inspection for a probe, or what is wrong with the probe. `sets`: the model's training and
 * test patterns (a recurrent network's event is seen with the context of its sequence, recurrent-inspection.ts).
 */
export function inspectProbe(run: TrainingRun, widths: PatternWidths, probe: Probe, sets: Pick<ModelDocument, 'patterns' | 'testPatterns'>): PatternInspection | string {
  const { inUnits, outUnits } = widths;
  const recurrent = run instanceof RecurrentRun ? run : null;
  if ('set' in probe) {
    if (probe.set === 'train') {
      if (probe.pattern >= run.patternCount) return `There is no training pattern ${probe.pattern + 1}: the model has ${run.patternCount}.`;
      return recurrent ? inspectEventInSequence(recurrent, 'train', sets.patterns, probe.pattern) : run.inspect(probe.pattern);
    }
    const testPatterns = sets.testPatterns ?? [];
    const pattern = testPatterns[probe.pattern];
    if (!pattern) return `There is no test pattern ${probe.pattern + 1}: the model has ${testPatterns.length}.`;
    return recurrent ? inspectEventInSequence(recurrent, 'test', testPatterns, probe.pattern) : run.inspect(pattern.input, pattern.target, pattern.name);
  }
  if (probe.input.length !== inUnits) return `The input has ${probe.input.length} values; ${widths.inWords} ${inUnits} units.`;
  const target = probe.target ?? Array.from({ length: outUnits }, () => null);
  if (target.length !== outUnits) return `The target has ${target.length} values; ${widths.outWords} ${outUnits} units.`;
  return recurrent ? inspectTypedEvent(recurrent, probe.input, target, 'input') : run.inspect(probe.input, target, 'input');
}
