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
  const outUnits = net.sizes[net.depth];
  let tss = 0;
  let correct = 0;
  const patterns = source.map((pattern, p) => {
    const output = Array.from(net.forward(data.inputs, p * net.sizes[0]));
    let pss = 0;
    let isCorrect = true;
    for (let k = 0; k < outUnits; k++) {
      const t = pattern.target[k];
      if (t === null) continue;
      const e = t - output[k];
      pss += e * e;
      if (!(Math.abs(e) <= margin)) isCorrect = false;
    }
    tss += pss;
    if (isCorrect) correct++;
    return { name: pattern.name, output, target: [...pattern.target], pss, correct: isCorrect };
  });
  return { tss, fractionCorrect: correct / patterns.length, patterns };
}
