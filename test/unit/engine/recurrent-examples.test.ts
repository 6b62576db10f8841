/**
 * Elman's (1990) simple recurrent networks, as the examples build them, over seeds 1–10: after training,
 * temporal XOR's error is lowest where the next bit is predictable, and the letter task's error is high at
 * each consonant and low at the vowels after it — what the paper reports.
 */
import { describe, expect, it } from 'vitest';
import { letterTask, temporalXor } from '../../../src-shared/data/recurrent-examples';
import { RecurrentRun } from '../../../src-shared/engine/recurrent/recurrent-run';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { checked } from './helpers';

const seeds = Array.from({ length: 10 }, (_, i) => i + 1);

/** Trains `model` for `epochs` with `seed`; each event's pss in a test pass over the stream from its initial context. */
function trainedErrors(model: ModelDocument, seed: number, epochs: number): { name: string; pss: number }[] {
  const run = new RecurrentRun({ ...model, training: { ...model.training, seed } });
  run.advance(Number.MAX_SAFE_INTEGER, epochs);
  expect(run.epoch).toBe(epochs);
  return run.testPass().patterns;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('Elman (1990) examples', () => {
  it('temporal XOR: mean squared error at the predictable phase is at most half that at the other two', () => {
    const model = checked(temporalXor());
    expect(model.patterns).toHaveLength(3000);
    const byPhase: number[][] = [[], [], []];
    for (const seed of seeds) {
      const errors = trainedErrors(model, seed, 60);
      const phases = [0, 1, 2].map((phase) => mean(errors.filter((_, t) => t % 3 === phase).map((e) => e.pss)));
      phases.forEach((value, phase) => byPhase[phase].push(value));
    }
    const [first, predictable, second] = byPhase.map(mean);
    expect(predictable, `phase errors ${first}, ${predictable}, ${second}`).toBeLessThanOrEqual(0.5 * Math.min(first, second));
  }, 60_000);

  it('letter task: mean error at consonants is at least twice that at the vowels after them', () => {
    const model = checked(letterTask());
    expect(model.patterns.filter((p) => p.name.startsWith('b') || p.name.startsWith('d') || p.name.startsWith('g'))).toHaveLength(1000);
    for (const seed of seeds) {
      const errors = trainedErrors(model, seed, 5);
      const consonant = mean(errors.filter((e) => /[bdg]$/.test(e.name)).map((e) => e.pss));
      const vowel = mean(errors.filter((e) => /[aiu]$/.test(e.name)).map((e) => e.pss));
      expect(consonant, `seed ${seed}: consonants ${consonant}, vowels ${vowel}`).toBeGreaterThanOrEqual(2 * vowel);
    }
  }, 60_000);
});
