/**
 * What made a run diverge, named for the user (first cause first), and whether its numbers as they stand
 * are ones a model file can hold (schema.ts's bounds).
 */
import { MAX_WEIGHT_MAGNITUDE } from '../model/schema';
import type { Network } from './network';

/** Which of the epoch's sums overflowed while every number it summed was finite, when one did. */
export type SumOverflow = 'tss' | 'test tss' | null;

/**
 * `nets` are the net inputs of the path that ran last (the online buffers or the block's); `layerNames`
 * the document's, layer 0 the input.
 */
export function describeDivergence(net: Network, nets: readonly Float64Array[], layerNames: readonly string[], overflow: SumOverflow): string {
  const name = (j: number) => `layer ${j} (${layerNames[j]})`;
  const finite = (values: Float64Array) => values.every((v) => Number.isFinite(v));
  const bounded = (values: Float64Array) => values.every((v) => Math.abs(v) <= MAX_WEIGHT_MAGNITUDE);
  for (let j = 0; j < net.depth; j++) {
    if (!bounded(net.weights[j]) || !bounded(net.biases[j])) {
      return `the weights into ${name(j + 1)} grew beyond ±${MAX_WEIGHT_MAGNITUDE.toExponential()} or became NaN`;
    }
  }
  if (overflow === 'tss') return 'the epoch\'s tss grew past the largest number a double holds (each pattern\'s error was finite; the weights were within bounds)';
  if (overflow === 'test tss') return 'the test set\'s tss grew past the largest number a double holds (the weights were within bounds)';
  for (let j = 1; j <= net.depth; j++) if (!finite(nets[j])) return `the net input of ${name(j)} is no longer a finite number`;
  return 'a pattern\'s error (pss) is no longer a finite number';
}

/** Whether parameters, momentum, the pending gradient sum (null when none) and the tss fit a file. */
export function withinFileBounds(params: Float64Array, momentum: Float64Array, pendingGradient: Float64Array | null, tss: number): boolean {
  const within = (values: Float64Array, bound: number) => {
    for (let i = 0; i < values.length; i++) if (!(Math.abs(values[i]) <= bound)) return false;
    return true;
  };
  return within(params, MAX_WEIGHT_MAGNITUDE) && within(momentum, Number.MAX_VALUE) &&
    (pendingGradient === null || within(pendingGradient, Number.MAX_VALUE)) && tss < Number.POSITIVE_INFINITY;
}
