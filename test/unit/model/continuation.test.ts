import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { Simulation } from '../../../src-shared/engine/simulation';
import { parseModelText } from '../../../src-shared/model/parse';

/** The state a document holds is enough to continue exactly, even from the middle of an epoch. */
describe('saving and continuing a run', () => {
  it('100 epochs, save, load, 100 more equals 200 straight — also when saved mid-epoch', () => {
    const model = findExample('encoder-8-3-8')!.build();
    model.training.errorCriterion = 0;
    const straight = new Simulation(model);
    straight.advance(Number.MAX_SAFE_INTEGER, 200);

    const first = new Simulation(model);
    first.advance(Number.MAX_SAFE_INTEGER, 100);
    first.advance(3); // three patterns into epoch 101
    const reloaded = parseModelText(JSON.stringify(first.toModel()));
    if (!reloaded.ok) throw new Error(JSON.stringify(reloaded.problems));
    const second = new Simulation(reloaded.model);
    expect(second.patternsIntoEpoch).toBe(3);
    second.advance(Number.MAX_SAFE_INTEGER, 200);

    expect(second.epoch).toBe(200);
    expect(second.state()).toEqual(straight.state());
  });

  it('gives the same run however the work is sliced', () => {
    const model = findExample('xor')!.build();
    model.training.errorCriterion = 0;
    const whole = new Simulation(model);
    whole.advance(Number.MAX_SAFE_INTEGER, 50);
    const sliced = new Simulation(model);
    while (sliced.epoch < 50) sliced.advance(3, 50);
    expect(sliced.state()).toEqual(whole.state());
  });
});
