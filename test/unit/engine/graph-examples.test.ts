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

describe('the Rumelhart network rebuilt as a graph', () => {
  /** Distance between the mean representations of two groups of items, per epoch. */
  const splits = { plantsAnimals: [[0, 1, 2, 3], [4, 5, 6, 7]], treesFlowers: [[0, 1], [2, 3]], birdsFish: [[4, 5], [6, 7]] } as const;

  it('reproduces progressive differentiation from each of 10 seeds: plants from animals before trees from flowers and birds from fish', () => {
    const example = findExample('rumelhart-graph')!;
    for (let seed = 1; seed <= 10; seed++) {
      const model = example.build();
      const run = new GraphRun({ ...model, training: { ...model.training, seed } });
      const net = run.network;
      const distances: Record<keyof typeof splits, number[]> = { plantsAnimals: [], treesFlowers: [], birdsFish: [] };
      let stop = null;
      while (!stop) {
        stop = run.advance(run.patternCount).stop;
        // The representation depends on the item alone: read it from each item's first pattern (items come 4 relations apart).
        const representations = Array.from({ length: 8 }, (_, item) => {
          net.forward(run.data.inputs, item * 4 * net.inputUnits);
          return Array.from(net.act[2]);
        });
        for (const [split, [a, b]] of Object.entries(splits) as [keyof typeof splits, readonly (readonly number[])[]][]) {
          const mean = (items: readonly number[]) => representations[0].map((_, u) => items.reduce((sum, i) => sum + representations[i][u], 0) / items.length);
          const ma = mean(a);
          const mb = mean(b);
          distances[split].push(Math.hypot(...ma.map((v, u) => v - mb[u])));
        }
      }
      // Learned: an epoch in which every attribute of every pattern was within 0.1 of its target as presented.
      expect(stop, `seed ${seed}`).toBe('criterion');
      // A split's epoch: when the distance between the groups' means first reaches half its final value.
      const epochOf = (d: number[]) => d.findIndex((v) => v >= d[d.length - 1] / 2) + 1;
      const first = epochOf(distances.plantsAnimals);
      expect(first, `seed ${seed}`).toBeLessThan(epochOf(distances.treesFlowers));
      expect(first, `seed ${seed}`).toBeLessThan(epochOf(distances.birdsFish));
    }
  });
});
