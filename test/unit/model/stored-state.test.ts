/**
 * Stored state the engine would misuse is refused, naming the field: a bias on a layer without one, an
 * epoch cursor that does not fit the patterns, a pattern-order stream no xoroshiro128+ generator can have.
 */
import { describe, expect, it } from 'vitest';
import { examples } from '../../../src-shared/data/examples';
import { Simulation } from '../../../src-shared/engine/simulation';
import { parseModel } from '../../../src-shared/model/parse';
import type { ModelDocument } from '../../../src-shared/model/schema';

/** XOR three patterns into its second epoch (cursor under way), as a file would hold it. */
function midEpoch(edit?: (model: ModelDocument) => void): ModelDocument {
  const model = examples.find((e) => e.id === 'xor')!.build();
  edit?.(model);
  const simulation = new Simulation(model);
  simulation.advance(model.patterns.length + 3);
  return JSON.parse(JSON.stringify(simulation.toModel())) as ModelDocument;
}

function refusal(model: ModelDocument) {
  const result = parseModel(model);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.problems;
}

describe('stored state the engine would misuse', () => {
  it('accepts the state the engine itself saves', () => {
    expect(parseModel(midEpoch())).toMatchObject({ ok: true });
    expect(parseModel(midEpoch((model) => (model.layers[1].bias = false)))).toMatchObject({ ok: true });
  });

  it('refuses a stored bias, bias momentum or summed bias gradient on a layer without a bias', () => {
    const model = midEpoch((m) => (m.layers[1].bias = false));
    model.state!.biases[0][1] = 0.5;
    expect(refusal(model)).toContainEqual({ path: 'state.biases[0][1]', message: expect.stringMatching(/layer 1 .*has no bias.*must be 0/) });
    const momentum = midEpoch((m) => (m.layers[2].bias = false));
    momentum.state!.biasMomentum[1][0] = -0.25;
    expect(refusal(momentum)).toContainEqual({ path: 'state.biasMomentum[1][0]', message: expect.stringMatching(/has no bias/) });
    const batch = midEpoch((m) => {
      m.layers[1].bias = false;
      m.training.update = 'batch';
    });
    expect(batch.state!.gradientSum).not.toBeNull();
    batch.state!.gradientSum!.biases[0][0] = 1;
    expect(refusal(batch)).toContainEqual({ path: 'state.gradientSum.biases[0][0]', message: expect.stringMatching(/has no bias/) });
  });

  it('refuses a cursor counting more correct patterns than it has presented', () => {
    const model = midEpoch();
    model.state!.cursor!.correct = 1_000_000;
    expect(refusal(model)).toContainEqual({ path: 'state.cursor.correct', message: expect.stringMatching(/1000000.*3 patterns/) });
    const four = midEpoch();
    four.state!.cursor!.correct = 4;
    expect(refusal(four)).toContainEqual({ path: 'state.cursor.correct', message: expect.any(String) });
  });

  it('refuses a cursor position past the patterns and an order that is not a permutation', () => {
    const past = midEpoch();
    past.state!.cursor!.position = 5;
    expect(refusal(past)).toContainEqual({ path: 'state.cursor.position', message: expect.stringMatching(/past the 4 patterns/) });
    const repeated = midEpoch();
    repeated.state!.cursor!.order = [0, 0, 1, 2];
    expect(refusal(repeated)).toContainEqual({ path: 'state.cursor.order', message: expect.stringMatching(/permutation/) });
  });

  it('refuses a summed gradient outside an epoch under way (the next update would add it again)', () => {
    const model = examples.find((e) => e.id === 'xor')!.build();
    model.training.update = 'batch';
    const simulation = new Simulation(model);
    simulation.advance(2 * model.patterns.length);
    const saved = JSON.parse(JSON.stringify(simulation.toModel())) as ModelDocument;
    expect(saved.state!.cursor).toBeNull();
    saved.state!.gradientSum = { weights: saved.state!.weightMomentum, biases: saved.state!.biasMomentum };
    expect(refusal(saved)).toContainEqual({ path: 'state.gradientSum', message: expect.stringMatching(/no epoch is under way/) });
  });

  it('refuses order-stream values outside 32 bits and the all-zero state', () => {
    for (const value of [2 ** 32, 2 ** 31, -(2 ** 31) - 1, 1e15]) {
      const model = midEpoch();
      model.state!.orderStream[2] = value;
      expect(refusal(model), String(value)).toContainEqual({ path: 'state.orderStream[2]', message: expect.any(String) });
    }
    const zero = midEpoch();
    zero.state!.orderStream = [0, 0, 0, 0];
    expect(refusal(zero)).toContainEqual({ path: 'state.orderStream', message: expect.stringMatching(/all zero/) });
    const edge = midEpoch();
    edge.state!.orderStream = [-(2 ** 31), 2 ** 31 - 1, 0, 1];
    expect(parseModel(edge)).toMatchObject({ ok: true });
  });

  it('refuses a setting change recorded after the epoch the run has reached', () => {
    const model = midEpoch();
    model.state!.settingChanges = [{ epoch: model.state!.epoch + 1, pattern: 0, changes: { learningRate: 0.1 } }];
    expect(refusal(model)).toContainEqual({ path: 'state.settingChanges[0].epoch', message: expect.stringMatching(/after the 1 epoch/) });
  });
});
