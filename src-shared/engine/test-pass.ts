/**
 * A test pass: the forward pass on every pattern of a set with the current weights, each output beside its
 * target — the exact after-epoch figures (docs/science.md, "Error and loss").
 */
import type { Pattern } from '../model/schema';
import type { Network } from './network';
import type { PatternSet } from './patterns';

export interface PatternOutcome {
  name: string;
  output: number[];
  /** null where the target is "don't care", as in the document and the trainer protocol (NaN stays inside the pattern set). */
  target: (number | null)[];
  pss: number;
  correct: boolean;
}

export interface TestPass {
  tss: number;
  fractionCorrect: number;
  patterns: PatternOutcome[];
}

/** `data` is `source` as the engine reads it (patterns.ts). */
export function testPass(net: Network, data: PatternSet, source: readonly Pattern[], margin: number): TestPass {
  return testPassOf(source, source.map((_, p) => Array.from(net.forward(data.inputs, p * net.sizes[0]))), margin);
}

/**
 * A test pass's figures from a set's outputs: each pattern's output beside its target, pss and whether it is
 * correct. `outputs[p]` is pattern p's output activations (a graph's output layers concatenated in layer order).
 */
export function testPassOf(source: readonly Pattern[], outputs: readonly number[][], margin: number): TestPass {
  let tss = 0;
  let correct = 0;
  const patterns = source.map((pattern, p) => {
    const output = outputs[p];
    let pss = 0;
    let isCorrect = true;
    pattern.target.forEach((t, k) => {
      if (t === null) return;
      const e = t - output[k];
      pss += e * e;
      if (!(Math.abs(e) <= margin)) isCorrect = false;
    });
    tss += pss;
    if (isCorrect) correct++;
    return { name: pattern.name, output, target: [...pattern.target], pss, correct: isCorrect };
  });
  return { tss, fractionCorrect: patterns.length > 0 ? correct / patterns.length : 0, patterns };
}
