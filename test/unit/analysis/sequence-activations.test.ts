/**
 * The representation views' activations for a recurrent network: a pass over the training sequence written
 * apart from the engine (context filled by hand) gives every layer exactly what RecurrentRun's evaluation
 * pass gives, resets included; the averages per input are the means of their events.
 */
import { describe, expect, it } from 'vitest';
import { meanByGroup, sequenceActivationsAt, sharedInputLabel } from '../../../src-shared/analysis/representations/sequence-activations';
import { letterTask } from '../../../src-shared/data/recurrent-examples';
import { RecurrentRun } from '../../../src-shared/engine/recurrent/recurrent-run';

describe('a recurrent network’s activations over its sequence', () => {
  const base = letterTask(12);
  const model = { ...base, patterns: base.patterns.map((p, i) => (i === 10 || i === 20 ? { ...p, reset: true } : p)) };
  const run = new RecurrentRun(model);
  run.advance(model.patterns.length * 3);
  const { weights, biases } = run.state();

  it('equals the engine’s evaluation pass at every event and layer', () => {
    const all = sequenceActivationsAt(model, weights, biases);
    for (let g = 0; g < model.layers.length; g++) {
      const engine = run.layerOverSequence(g);
      expect(all.map((event) => event[g])).toEqual(engine);
    }
    // The context at a reset mark is the initial value; elsewhere the hidden layer one event back.
    expect(all[10][2].every((v) => v === 0.5)).toBe(true);
    expect(all[11][2]).toEqual(all[10][1]);
  });

  it('averages a layer over each group’s events', () => {
    const all = [[[1, 2]], [[3, 6]], [[5, 0]]];
    expect(meanByGroup(all, [{ patterns: [0, 1] }, { patterns: [2] }], 0)).toEqual([[2, 4], [5, 0]]);
  });

  it('names the events of one input by what their names share, else by the input', () => {
    const patterns = [{ name: 'a→b', input: [1] }, { name: 'a→d', input: [1] }, { name: '0 (phase 0)', input: [0] }, { name: '3 (phase 0)', input: [0] }, { name: 'b→a', input: [2] }];
    expect(sharedInputLabel(patterns, [0, 1])).toBe('a');
    expect(sharedInputLabel(patterns, [2, 3])).toBe('input 0');
    expect(sharedInputLabel(patterns, [4])).toBe('b→a');
    // Every event of g is g→u: the name itself; a shared first digit is not a shared word.
    expect(sharedInputLabel([{ name: 'g→u', input: [3] }, { name: 'g→u', input: [3] }], [0, 1])).toBe('g→u');
    expect(sharedInputLabel([{ name: '1 (phase 1)', input: [1] }, { name: '10 (phase 1)', input: [1] }], [0, 1])).toBe('input 1');
  });
});
