/**
 * Issue 13's "done when": tlearn's 2-1-1 XOR — one hidden unit and direct input → output connections
 * (Rumelhart, Hinton & Williams 1986) — written as the tlearn manual writes a project (.cf with NODES,
 * CONNECTIONS and SPECIAL; .data; .teach), imports as written and learns XOR on the graph path.
 */
import { describe, expect, it } from 'vitest';
import { modelFromImport } from '../../../src-shared/data/import/model';
import { importTlearnProject } from '../../../src-shared/data/import/tlearn';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import { parseModel } from '../../../src-shared/model/parse';
import { fixture } from './fixtures';

function imported(seed: number) {
  const project = importTlearnProject({
    cf: fixture('tlearn/xor-211.cf'), data: fixture('tlearn/xor-211.data'), teach: fixture('tlearn/xor-211.teach'), cfFile: 'xor-211.cf',
  });
  const { layers, projections, training } = project.network;
  const parsed = parseModel(modelFromImport({
    name: 'xor-211', imported: project, layers, projections, training: { ...training, seed, maxEpochs: 3000, errorCriterion: 0, stopWhenAllCorrect: true },
  }));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.model;
}

describe('tlearn\'s 2-1-1 XOR with direct input → output connections', () => {
  it('imports as written: inputs feed the hidden unit and the output, the hidden unit feeds the output, both biased from node 0', () => {
    const model = imported(1);
    expect(model.layers.map((layer) => [layer.kind, layer.units, layer.activation, layer.bias])).toEqual([
      ['input', 2, 'linear', false], ['hidden', 1, 'logistic', true], ['output', 1, 'logistic', true],
    ]);
    expect(model.projections).toEqual([{ from: 0, to: 1 }, { from: 0, to: 2 }, { from: 1, to: 2 }]);
    expect([model.layers[0].unitNames, model.layers[2].unitNames]).toEqual([['i1', 'i2'], ['node2']]);
    expect(model.training.init).toEqual({ kind: 'uniform', range: 2 }); // weight_limit = 1.00
    expect(model.patterns.map((p) => [p.input, p.target])).toEqual([[[0, 0], [0]], [[0, 1], [1]], [[1, 0], [1]], [[1, 1], [0]]]);
  });

  it('learns XOR from each of 10 seeds: every output within 0.1 of its target as presented, and after the run', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const run = new GraphRun(imported(seed));
      const outcome = run.advance(Number.MAX_SAFE_INTEGER);
      expect(outcome.stop, `seed ${seed}`).toBe('criterion');
      const outputs = run.outputs().map(([o]) => o);
      // Correctness is counted as each pattern is presented, before the later patterns' updates move it a little.
      [0, 1, 1, 0].forEach((target, p) => expect(Math.abs(outputs[p] - target), `seed ${seed}, pattern ${p}`).toBeLessThan(0.15));
    }
  });
});
