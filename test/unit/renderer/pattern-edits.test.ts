import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { checkConsistency } from '../../../src-shared/model/consistency';
import {
  addPattern,
  copyBlock,
  deletePattern,
  duplicatePattern,
  pasteBlock,
  readCell,
  setValue,
  splitBlock,
} from '../../../src-renderer/patterns/pattern-edits';

const xor = () => findExample('xor')!.build();

describe('the pattern editor’s edits', () => {
  it('reads cells as spreadsheets write them', () => {
    expect(readCell('0,25', false)).toEqual({ ok: true, value: 0.25 });
    expect(readCell(' -1e-3 ', true)).toEqual({ ok: true, value: -0.001 });
    expect(readCell('*', true)).toEqual({ ok: true, value: null });
    expect(readCell('*', false)).toMatchObject({ ok: false });
    expect(readCell('abc', false)).toEqual({ ok: false, reason: '“abc” is not a number' });
    expect(readCell('1e10', false)).toMatchObject({ ok: false, reason: expect.stringContaining('too large') });
  });

  it('adds, duplicates and deletes rows; the test set disappears when emptied', () => {
    const added = addPattern(xor(), 'patterns');
    expect(added.patterns.at(-1)).toEqual({ name: 'p5', input: [0, 0], target: [0] });
    const copied = duplicatePattern(added, 'patterns', 1);
    expect(copied.patterns[2]).toEqual({ name: '01 copy', input: [0, 1], target: [1] });
    expect(deletePattern(copied, 'patterns', 0).patterns).toHaveLength(5);
    const tested = addPattern(xor(), 'testPatterns');
    expect(tested.testPatterns).toHaveLength(1);
    expect('testPatterns' in deletePattern(tested, 'testPatterns', 0)).toBe(false);
  });

  it('sets a value, including a don’t-care target', () => {
    const model = setValue(xor(), 'patterns', 3, 2, null);
    expect(model.patterns[3].target).toEqual([null]);
    expect(setValue(model, 'patterns', 0, 1, 0.5).patterns[0].input).toEqual([0, 0.5]);
  });

  it('pastes a block from a spreadsheet at the cursor, adding rows past the end', () => {
    const text = 'a\t1\t1\t0\nb\t0,5\t0\t*\n';
    const pasted = pasteBlock(xor(), 'patterns', 3, 0, text);
    expect(pasted.ok).toBe(true);
    if (!pasted.ok) return;
    expect(pasted.model.patterns.slice(3)).toEqual([
      { name: 'a', input: [1, 1], target: [0] },
      { name: 'b', input: [0.5, 0], target: [null] },
    ]);
    expect(checkConsistency(pasted.model)).toEqual([]);
    expect(copyBlock(pasted.model, 'patterns', [3, 4], [0, 3])).toBe(text.replace('0,5', '0.5'));
  });

  it('refuses a paste that does not fit, or holds a word, and changes nothing', () => {
    expect(pasteBlock(xor(), 'patterns', 0, 2, '1\t2\t3')).toMatchObject({ ok: false });
    const refused = pasteBlock(xor(), 'patterns', 0, 1, '1\tx');
    expect(refused).toEqual({ ok: false, reason: 'Pasted row 1, cell 2: “x” is not a number. Nothing was pasted.' });
  });

  it('splits spreadsheet text with any line ending', () => {
    expect(splitBlock('1\t2\r\n3\t4\r\n')).toEqual([['1', '2'], ['3', '4']]);
  });
});
