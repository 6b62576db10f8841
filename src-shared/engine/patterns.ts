/**
 * Patterns as the engine reads them: inputs and targets in flat row-major Float64Arrays (one row per
 * pattern), a "don't care" target (null in the document) stored as NaN, which every loss skips.
 */
import type { Pattern } from '../model/schema';

export interface PatternSet {
  count: number;
  inputs: Float64Array;
  targets: Float64Array;
}

/** `allocate` gives the inputs' and targets' buffers (zeroed): a simulation's kernel arena, or ordinary arrays. */
export function toPatternSet(
  patterns: readonly Pattern[], inputUnits: number, outputUnits: number,
  allocate: (length: number) => Float64Array = (length) => new Float64Array(length),
): PatternSet {
  const count = patterns.length;
  const inputs = allocate(count * inputUnits);
  const targets = allocate(count * outputUnits);
  patterns.forEach((pattern, p) => {
    inputs.set(pattern.input, p * inputUnits);
    pattern.target.forEach((t, k) => {
      targets[p * outputUnits + k] = t ?? Number.NaN;
    });
  });
  return { count, inputs, targets };
}
