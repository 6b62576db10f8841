/** Every built-in example is a valid model that trains sensibly with its own settings. */
import { describe, expect, it } from 'vitest';
import { examples, findExample } from '../../../src-shared/data/examples';
import { inputOutputModes, modeStrengths } from '../../../src-shared/engine/modes';
import { Simulation } from '../../../src-shared/engine/simulation';
import { checked } from './helpers';

function trainToEnd(id: string): { simulation: Simulation; stop: string | null } {
  const simulation = new Simulation(checked(findExample(id)!.build()));
  let outcome;
  do outcome = simulation.advance(100_000); while (!outcome.stop);
  return { simulation, stop: outcome.stop };
}

describe('built-in examples', () => {
  it('include the command line’s list', () => {
    const ids = examples.map((e) => e.id);
    for (const id of ['xor', 'and', 'or', 'encoder-8-3-8', 'pattern-associator', 'semantic', 'rumelhart', 'deep-linear']) expect(ids).toContain(id);
  });

  for (const example of examples) {
    it(`${example.id} reaches its stopping criterion within its maximum epochs`, () => {
      const { simulation, stop } = trainToEnd(example.id);
      expect(stop).toBe('criterion');
      expect(simulation.epoch).toBeLessThan(simulation.settings.maxEpochs);
    });
  }

  // A student who opens an example and presses Train should see it learned, not "Stopped" beside wrong answers.
  for (const example of examples) {
    it(`${example.id}: its defaults end with every pattern correct for at least 90% of seeds 1–50`, () => {
      const failed: string[] = [];
      for (let seed = 1; seed <= 50; seed++) {
        const model = example.build();
        model.training.seed = seed;
        const simulation = new Simulation(checked(model));
        let outcome;
        do outcome = simulation.advance(1_000_000); while (!outcome.stop);
        const pass = simulation.testPass();
        if (pass.fractionCorrect < 1) failed.push(`seed ${seed}: ${outcome.stop} at epoch ${simulation.epoch}, ${pass.fractionCorrect * 100}% correct`);
      }
      expect(failed.length, failed.join('\n')).toBeLessThanOrEqual(5);
    });
  }

  it('pattern-associator: one linear layer, the delta rule, every association exact', () => {
    const model = findExample('pattern-associator')!.build();
    expect(model.layers).toHaveLength(2);
    expect(model.training.rule).toBe('delta');
    const { simulation } = trainToEnd('pattern-associator');
    expect(simulation.testPass().fractionCorrect).toBe(1);
  });

  it('semantic: learns the stronger modes first (√7, then √3, then the two of strength 1)', () => {
    const model = findExample('semantic')!.build();
    const modes = inputOutputModes(model.patterns);
    const simulation = new Simulation(model);
    const halfway: number[] = modes.strengths.map(() => 0);
    for (let epoch = 1; halfway.some((e) => e === 0); epoch++) {
      simulation.advance(Number.MAX_SAFE_INTEGER, epoch);
      const a = modeStrengths(simulation.network.weights, simulation.network.sizes, modes);
      a.forEach((value, alpha) => {
        if (halfway[alpha] === 0 && value > modes.strengths[alpha] / 2) halfway[alpha] = epoch;
      });
    }
    expect(halfway[0]).toBeLessThan(halfway[1]);
    expect(halfway[1]).toBeLessThan(Math.min(halfway[2], halfway[3]));
  });

  it('rumelhart: every attribute right, and the items’ representations group birds with birds, not with trees', () => {
    const { simulation } = trainToEnd('rumelhart');
    expect(simulation.testPass().fractionCorrect).toBe(1);
    const representation = simulation.activationsForAllPatterns()[1];
    const of = (name: string) => representation[simulation.testPass().patterns.findIndex((p) => p.name === `${name} isa`)];
    const distance = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]));
    expect(distance(of('robin'), of('canary'))).toBeLessThan(distance(of('robin'), of('oak')));
    expect(distance(of('pine'), of('oak'))).toBeLessThan(distance(of('pine'), of('salmon')));
  });
});
