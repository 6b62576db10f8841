/** The built-in graph examples: valid files, and they learn what their descriptions say. */
import { describe, expect, it } from 'vitest';
import { findExample, graphExamples } from '../../../src-shared/data/examples';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import { GRAPH_NETWORKS_NOTICE, isGraphModel } from '../../../src-shared/engine/graph/graph-support';
import { Simulation } from '../../../src-shared/engine/simulation';
import { createRun } from '../../../src-shared/engine/training-run';
import { checked } from './helpers';

describe('the graph examples', () => {
  it('are valid graph models, found by id', () => {
    for (const example of graphExamples) {
      const model = checked(example.build());
      expect(isGraphModel(model), example.id).toBe(true);
      expect(findExample(example.id)).toBe(example);
    }
  });

  it('XOR with one hidden unit and direct connections learns XOR from each of 10 seeds', () => {
    const example = findExample('xor-2-1-1')!;
    expect(example.build().description).toMatch(/Rumelhart, Hinton & Williams \(1986/);
    for (let seed = 1; seed <= 10; seed++) {
      const model = example.build();
      const run = new GraphRun({ ...model, training: { ...model.training, seed, errorCriterion: 0, stopWhenAllCorrect: true } });
      expect(run.advance(Number.MAX_SAFE_INTEGER).stop, `seed ${seed}`).toBe('criterion');
      const outputs = run.outputs().map(([o]) => o);
      [0, 1, 1, 0].forEach((t, p) => expect(Math.abs(outputs[p] - t), `seed ${seed}, pattern ${p}`).toBeLessThan(0.15));
    }
  });

  it('run on the graph path through createRun; the chain engine refuses a graph by name rather than run it as a chain', () => {
    const model = findExample('xor-2-1-1')!.build();
    expect(createRun(model)).toBeInstanceOf(GraphRun);
    expect(createRun(findExample('xor')!.build())).toBeInstanceOf(Simulation);
    expect(() => new Simulation(model)).toThrow(GRAPH_NETWORKS_NOTICE);
  });
});
