import { describe, expect, it } from 'vitest';
import { importLensExamples } from '../../../src-shared/data/import/lens-ex';
import { expectImportError, fixture } from './fixtures';

const read = (name: string, sizes: { inputs?: number; outputs?: number } = {}) => () => importLensExamples(fixture(`lens/${name}`), { file: name, ...sizes });

describe('Lens .ex import', () => {
  it('reads sparse examples, the empty header and example, comments and `*` (all units on)', () => {
    const imported = read('xor-sparse.ex')();
    expect(imported.patterns.map((p) => [p.input, p.target])).toEqual([[[0, 0], [0]], [[0, 1], [1]], [[1, 0], [1]], [[1, 1], [0]]]);
    expect(imported.patterns.map((p) => p.name)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(imported.warnings).toEqual([
      'the file does not say how many input units the network has; took 2, the most any example uses',
      'the file does not say how many output units the network has; took 1, the most any example uses',
    ]);
    expect(read('xor-sparse.ex', { inputs: 2, outputs: 1 })().warnings).toEqual([]);
  });

  it('reads names in braces and dense values written over several lines', () => {
    const imported = read('letters-dense.ex')();
    expect(imported.patterns).toEqual([
      { name: 'letter L', input: [1, 0, 0, 1, 0, 0, 1, 1, 1], target: [1, 0] },
      { name: 'letter T', input: [1, 1, 1, 0, 1, 0, 0, 1, 0], target: [0, 1] },
    ]);
  });

  it('sets inputs and targets together with B: and b:', () => {
    const imported = read('encoder-both.ex', { inputs: 4, outputs: 4 })();
    expect(imported.patterns.map((p) => p.input)).toEqual([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]);
    expect(imported.patterns.map((p) => p.target)).toEqual(imported.patterns.map((p) => p.input));
  });

  it('applies header and event defaults, sparse ranges and values, and `-` targets as don\'t-cares', () => {
    const imported = read('header-defaults.ex')();
    expect(imported.patterns).toEqual([
      { name: 'one', input: [1, -1, -1], target: [null, 0.9] },
      { name: 'two', input: [-1, 1, 1], target: [0.5, null] },
      { name: 'three', input: [0.5, 0.25, 0], target: [0.2, null] },
    ]);
  });

  it('takes the legacy leading sizes as the numbers of inputs and targets', () => {
    const imported = importLensExamples('3 2\ni: 0 t: 1;');
    expect(imported.patterns).toEqual([{ name: 'p1', input: [1, 0, 0], target: [0, 1] }]);
    expect(imported.warnings).toEqual([]);
  });

  it('reads multi-event examples as sequences: one pattern per event, each example\'s first marked as a sequence start', () => {
    const imported = read('sequence.ex')();
    expect(imported.patterns).toEqual([
      { name: 'abc 1', input: [1, 0, 0], target: [0, 1, 0], reset: true },
      { name: 'abc 2', input: [0, 1, 0], target: [0, 0, 1] },
      { name: 'abc 3', input: [0, 0, 1], target: [1, 0, 0] },
    ]);
    const two = importLensExamples('name: x 2 [0 defT: -] i: 0 [1] i: 1 t: 1;\nname: y 1 i: 1 t: 0;', { inputs: 2, outputs: 2 });
    expect(two.patterns).toEqual([
      { name: 'x 1', input: [1, 0], target: [null, null], reset: true },
      { name: 'x 2', input: [0, 1], target: [0, 1] },
      { name: 'y', input: [0, 1], target: [1, 0], reset: true },
    ]);
    // One-event files stay feed-forward: no sequence marks.
    expect(importLensExamples('i: 0 t: 1;\ni: 1 t: 0;').patterns.every((p) => p.reset === undefined)).toBe(true);
  });

  it('refuses sequences it cannot read, and group names, clearly', () => {
    expectImportError(read('groups.ex'), { line: 3, column: 4 }, /group names in examples \(`Instance`\) are not supported/);
    expectImportError(() => importLensExamples('i: 0 t: 0\ni: 1 t: 1;'), { line: 2, column: 1 }, /event 1 is past the example's 1 event \(give the number of events after the name/);
    expectImportError(() => importLensExamples('name: x 3 i: 0 t: 0 i: 1 t: 1;'), { line: 1, column: 9 }, /declares 3 events but gives 2/);
    expectImportError(() => importLensExamples('name: x 2 [1] i: 0 t: 0;'), { line: 1, column: 12 }, /event 1 comes out of order: the next event is 0/);
    expectImportError(() => importLensExamples('name: x 2 [0-1] i: 0 t: 0;'), { line: 1, column: 12 }, /over several events/);
    expectImportError(() => importLensExamples('name: x 2 i: 0 t: 0 t: 1;'), { line: 1, column: 1 }, /event 1 of this example gives no inputs/);
  });

  it('points at bad values, units out of range and unterminated examples', () => {
    expectImportError(read('bad-value.ex'), { line: 2, column: 14 }, /found `x`/);
    expectImportError(read('unterminated.ex'), { line: 3, column: 1 }, /expected `;` to end it/);
    expectImportError(read('xor-sparse.ex', { inputs: 1 }), { line: 5, column: 3 }, /unit 1 is beyond the 1 input units/);
    expectImportError(() => importLensExamples('I: 1 - T: 1;'), { line: 1, column: 6 }, /no value\) on an input unit/);
    expectImportError(() => importLensExamples('defI: - ;\nI: 1 T: 1;'), { line: 1, column: 1 }, /`defI: -` leaves inputs without a value/);
    expectImportError(() => importLensExamples('i: 3 -1 t: 0;'), { line: 1, column: 6 }, /not a valid end of a unit range/);
    expectImportError(() => importLensExamples('name: {open I: 1;'), { line: 1, column: 7 }, /never closed/);
    expectImportError(() => importLensExamples('# only a comment\n'), { line: 2, column: 1 }, /no examples/);
  });
});
