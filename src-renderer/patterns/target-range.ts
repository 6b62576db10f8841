/**
 * Targets the output units cannot give: a logistic unit's activation lies between 0 and 1, so a target of
 * 1.5 leaves an error that never reaches 0 and a run that pushes the weights toward it without end. Such a
 * target is allowed (a linear readout, a deliberate demonstration), so the pattern grid marks and explains
 * it rather than refusing it.
 */
import { networkGraph } from '../../src-shared/model/graph';
import type { ActivationName, ModelDocument } from '../../src-shared/model/schema';
import type { PatternSet } from './pattern-edits';

/** The closed range of an activation's values (±Infinity where it has no bound); null: any value. */
export interface ActivationRange {
  low: number;
  high: number;
}

export function activationRange(activation: ActivationName): ActivationRange | null {
  switch (activation) {
    case 'logistic':
    case 'softmax':
      return { low: 0, high: 1 };
    case 'tanh':
      return { low: -1, high: 1 };
    case 'relu':
      return { low: 0, high: Number.POSITIVE_INFINITY };
    case 'linear':
      return null;
  }
}

const ACTIVATION_WORDS: Record<ActivationName, string> = { linear: 'linear', logistic: 'logistic', tanh: 'tanh', relu: 'ReLU', softmax: 'softmax' };

/** E.g. "logistic output units give values between 0 and 1". */
export function rangeSentence(activation: ActivationName): string | null {
  const range = activationRange(activation);
  if (range === null) return null;
  const values = range.high === Number.POSITIVE_INFINITY ? `of ${range.low} or more` : `between ${range.low} and ${range.high}`;
  return `${ACTIVATION_WORDS[activation]} output units give values ${values}`;
}

export interface TargetOutOfRange {
  row: number;
  /** The output unit, 0-based. */
  unit: number;
  value: number;
}

/** Every target in the set outside what its output layer's activation gives; don't-cares are never. */
export function targetsOutOfRange(model: ModelDocument, set: PatternSet): TargetOutOfRange[] {
  // A pattern's target is its output layers' values in layer order (a chain's one output layer).
  const ranges = networkGraph(model).outputs.flatMap((g) => Array.from({ length: model.layers[g].units }, () => activationRange(model.layers[g].activation)));
  const last = ranges[ranges.length - 1] ?? null;
  if (ranges.every((range) => range === null)) return [];
  const found: TargetOutOfRange[] = [];
  (model[set] ?? []).forEach((pattern, row) =>
    pattern.target.forEach((value, unit) => {
      const range = unit < ranges.length ? ranges[unit] : last;
      if (range !== null && value !== null && (value < range.low || value > range.high)) found.push({ row, unit, value });
    }),
  );
  return found;
}
