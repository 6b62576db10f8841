/** The pattern grid's sequences for a recurrent network: marks set and cleared, numbering, and paste keeping the marks. */
import { describe, expect, it } from 'vitest';
import { temporalXor } from '../../../src-shared/data/recurrent-examples';
import { parseModel } from '../../../src-shared/model/parse';
import { sequenceRanges } from '../../../src-shared/model/recurrence';
import { copyBlock, markSequenceStart, pasteBlock, sequenceNumbers } from '../../../src-renderer/patterns/pattern-edits';

describe('sequences in the pattern grid', () => {
  it('marks a pattern as a sequence start and clears the mark, leaving no field behind', () => {
    const model = temporalXor(12);
    const marked = markSequenceStart(markSequenceStart(model, 'patterns', 6, true), 'patterns', 3, true);
    expect(sequenceRanges(marked.patterns)).toEqual([[0, 3], [3, 6], [6, 12]]);
    expect(sequenceNumbers(marked.patterns)).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3]);
    expect(parseModel(structuredClone(marked)).ok).toBe(true);
    const cleared = markSequenceStart(marked, 'patterns', 3, false);
    expect('reset' in cleared.patterns[3]).toBe(false);
    expect(sequenceNumbers(cleared.patterns)).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]);
  });

  it('keeps the marks when values are pasted over the patterns, and a pasted new row continues the last sequence', () => {
    const model = markSequenceStart(temporalXor(6), 'patterns', 3, true);
    const text = copyBlock(model, 'patterns', [0, 5], [1, 2]).replace(/^(\S+)/gm, (v) => (v === '0' ? '1' : '0'));
    const pasted = pasteBlock(model, 'patterns', 0, 1, `${text}1\t0\n`);
    if (!pasted.ok) throw new Error(pasted.reason);
    expect(pasted.model.patterns.map((p) => p.input[0])).toEqual([...model.patterns.map((p) => 1 - p.input[0]), 1]);
    expect(pasted.model.patterns.map((p) => p.reset === true)).toEqual([false, false, false, true, false, false, false]);
    expect(sequenceNumbers(pasted.model.patterns)).toEqual([1, 1, 1, 2, 2, 2, 2]);
  });
});
