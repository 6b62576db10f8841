/** The Representations tab's activations (analysis/representations/activations-at.ts): a graph's through the graph engine, the same numbers the exports write. */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { patternActivations } from '../../../src-shared/data/export/activations';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import { activationsAt } from '../../../src-shared/analysis/representations/activations-at';

describe('activationsAt', () => {
  it('gives a trained Rumelhart graph’s activations as the export path does, the representation layer one vector per item', () => {
    const run = new GraphRun(findExample('rumelhart-graph')!.build());
    run.advance(Number.MAX_SAFE_INTEGER, 30);
    const model = run.toModel();
    const { weights, biases } = model.state!;
    const got = activationsAt(model.layers, weights, biases, model.patterns, model.projections);
    expect(got).toEqual(patternActivations(model));
    // Representation (layer 2) is fed by the item alone: the four relations of an item give it the same vector.
    const pine = model.patterns.flatMap((p, i) => (p.name.startsWith('pine ') ? [i] : []));
    expect(pine).toHaveLength(4);
    for (const p of pine) expect(got[p][2]).toEqual(got[pine[0]][2]);
    // The hidden layer (3) sees the relation too.
    expect(got[pine[1]][3]).not.toEqual(got[pine[0]][3]);
  });

  it('gives a chain’s through the chain engine, as before', () => {
    const model = findExample('xor')!.build();
    const run = new GraphRun(model);
    run.advance(Number.MAX_SAFE_INTEGER, 5);
    const trained = run.toModel();
    expect(activationsAt(trained.layers, trained.state!.weights, trained.state!.biases, trained.patterns, trained.projections)).toEqual(patternActivations(trained));
  });
});
