/**
 * Every layer's activations per event of a recurrent network: each event seen with the context its
 * sequence gives it (a pass over the set in order from the initial context, resetting at each mark), as
 * Test computes its outputs — never an event alone, whose context layers would hold nothing.
 */
import { RecurrentRun } from '../../engine/recurrent/recurrent-run';
import type { ModelDocument, Pattern } from '../../model/schema';
import { ExportError } from './export-error';

/** activations[event][layer][unit] for the model's training set or its test set (the arrays themselves). */
export function recurrentPatternActivations(model: ModelDocument, patterns: readonly Pattern[]): number[][][] {
  const set = patterns === model.patterns ? 'train' : patterns === model.testPatterns ? 'test' : null;
  if (!set) throw new ExportError('a recurrent network\'s activations depend on the events before each one: only its training or test set, run in order, can be exported');
  const run = new RecurrentRun(model);
  const byLayer = model.layers.map((_, g) => run.layerOverSequence(g, set));
  return patterns.map((_, p) => byLayer.map((rows) => rows[p]));
}
