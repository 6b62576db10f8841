/** A test pass's figures from a set's outputs: each pattern's output beside its target, pss and whether it is correct. */
import type { Pattern } from '../../model/schema';
import type { TestPass } from '../test-pass';

/** `outputs[p]` is pattern p's output activations, every output layer's concatenated in layer order. */
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
