/** The builder's edits of a recurrent network: attaching a context layer, its settings, and links following layers. */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { temporalXor } from '../../../src-shared/data/recurrent-examples';
import { RecurrentRun } from '../../../src-shared/engine/recurrent/recurrent-run';
import { parseModel } from '../../../src-shared/model/parse';
import {
  attachContext, contextProblem, recurrenceDepth, setContextInitial, setRecurrenceDepth, unitsFollowCopies,
} from '../../../src-renderer/network/context-edits';
import { moveLayer, removeLayer } from '../../../src-renderer/network/layer-edits';

describe('attaching a context layer', () => {
  it('turns the 2-2-1 XOR into Elman’s network the loader accepts: context below hidden, copy link, projection back', () => {
    const xor = findExample('xor')!.build();
    const srn = attachContext(xor, 1);
    expect(srn.layers.map((l) => [l.kind, l.name, l.units, l.activation, l.bias])).toEqual([
      ['input', xor.layers[0].name, 2, 'linear', false],
      ['hidden', 'context', 2, 'linear', false],
      [xor.layers[1].kind, xor.layers[1].name, 2, xor.layers[1].activation, true],
      [xor.layers[2].kind, xor.layers[2].name, 1, xor.layers[2].activation, true],
    ]);
    expect(srn.projections).toEqual([{ from: 0, to: 2 }, { from: 2, to: 3 }, { from: 1, to: 2 }]);
    expect(srn.links).toEqual([{ kind: 'copy', from: 2, to: 1, delay: 1, initial: 0.5 }]);
    const parsed = parseModel(structuredClone(srn));
    expect(parsed.ok).toBe(true);
    expect(() => new RecurrentRun(srn)).not.toThrow();
  });

  it('attaches a Jordan context to an output layer, and refuses an input, a context, or a second context', () => {
    const xor = findExample('xor')!.build();
    const jordan = attachContext(xor, 2);
    expect(jordan.links).toEqual([{ kind: 'copy', from: 3, to: 2, delay: 1, initial: 0.5 }]);
    expect(jordan.projections).toContainEqual({ from: 2, to: 3 });
    expect(parseModel(structuredClone(jordan)).ok).toBe(true);
    expect(contextProblem(xor, 0)).toMatch(/input layer/);
    const srn = attachContext(xor, 1);
    expect(contextProblem(srn, 1)).toMatch(/is a context layer/);
    expect(contextProblem(srn, 2)).toMatch(/already has a context layer/);
    expect(attachContext(srn, 2)).toBe(srn);
  });
});

describe('a recurrent network’s edits', () => {
  it('sets the initial value and the gradient; depth 1 is the one-step gradient', () => {
    const model = temporalXor(30);
    expect(setContextInitial(model, 0, 0).links![0].initial).toBe(0);
    expect(recurrenceDepth(model)).toBe(3);
    expect(setRecurrenceDepth(model, 1).recurrence).toEqual({ gradient: 'one-step' });
    expect(setRecurrenceDepth(model, 5).recurrence).toEqual({ gradient: 'bptt', depth: 5 });
    expect(recurrenceDepth({ recurrence: undefined })).toBe(1);
  });

  it('keeps the links on their layers when layers move, and drops the time when the context goes', () => {
    const model = temporalXor(30);
    // Layers: input 0, hidden 1, context 2, output 3; move the context below the hidden layer.
    const moved = moveLayer(model, 2, 1);
    expect(moved.layers.map((l) => l.name)).toEqual(['input', 'context', 'hidden', 'output']);
    expect(moved.links).toEqual([{ kind: 'copy', from: 2, to: 1, delay: 1, initial: 0.5 }]);
    expect(parseModel(structuredClone(moved)).ok).toBe(true);
    const marked = { ...model, patterns: model.patterns.map((p, i) => (i % 3 === 0 ? { ...p, reset: true } : p)) };
    const removed = removeLayer(marked, 2);
    expect(removed.links).toBeUndefined();
    expect(removed.recurrence).toBeUndefined();
    expect(removed.patterns.some((p) => 'reset' in p)).toBe(false);
    expect(parseModel(structuredClone(removed)).ok).toBe(true);
  });

  it('resizes a context with its source, and a source with its context', () => {
    const model = temporalXor(30);
    expect(unitsFollowCopies(model, 1, 5).layers.map((l) => l.units)).toEqual([1, 2, 5, 1]);
    expect(unitsFollowCopies(model, 2, 4).layers.map((l) => l.units)).toEqual([1, 4, 2, 1]);
    expect(unitsFollowCopies(model, 3, 4)).toBe(model);
  });
});
