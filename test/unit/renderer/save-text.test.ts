/** The page's Save and its recovery drafts refuse, saying why, what their readers would refuse. */
import { describe, expect, it } from 'vitest';
import { draftText, modelFileText } from '../../../src-renderer/files/save-text';
import { examples } from '../../../src-shared/data/examples';
import { Simulation } from '../../../src-shared/engine/simulation';
import { parseModelText } from '../../../src-shared/model/parse';

const trainedXor = () => {
  const simulation = new Simulation(examples.find((e) => e.id === 'xor')!.build());
  simulation.advance(10);
  return simulation.toModel();
};

describe('the page’s save texts', () => {
  it('gives the file text the loader accepts', () => {
    const text = modelFileText(trainedXor());
    expect(text.ok && parseModelText(text.text).ok).toBe(true);
  });

  it('refuses a file the loader would refuse, naming the field', () => {
    const model = trainedXor();
    model.state!.biases[0][0] = Number.POSITIVE_INFINITY;
    expect(modelFileText(model)).toEqual({ ok: false, message: expect.stringMatching(/would not open again:\nstate\.biases\[0\]\[0\]/) });
  });

  it('keeps a draft of a model with problems still marked, but not one recovery could not read', () => {
    const unfinished = trainedXor();
    unfinished.layers[1].units = 7;
    expect(() => draftText(unfinished)).not.toThrow();
    const broken = trainedXor();
    broken.training.learningRate = Number.NaN;
    expect(() => draftText(broken)).toThrow(/training\.learningRate/);
  });

  it('says a model too large to write as one text is too large', () => {
    const model = trainedXor();
    // A document whose text would pass V8's longest string.
    Object.defineProperty(model, 'toJSON', { value: () => { throw new RangeError('Invalid string length'); } });
    expect(() => draftText(model)).toThrow(/too large to write as one text: Invalid string length/);
  });
});
