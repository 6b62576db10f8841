import { describe, expect, it } from 'vitest';
import { importPdpPat } from '../../../src-shared/data/import/pdp-pat';
import { expectImportError, fixture } from './fixtures';

describe('PDP .pat import', () => {
  it('reads names, inputs and targets split by the network size, skipping comments and blank lines', () => {
    const imported = importPdpPat(fixture('pdp/xor.pat'), { inputs: 2 });
    expect(imported.patterns).toEqual([
      { name: 'p00', input: [0, 0], target: [0] },
      { name: 'p01', input: [0, 1], target: [1] },
      { name: 'p10', input: [1, 0], target: [1] },
      { name: 'p11', input: [1, 1], target: [0] },
    ]);
    expect(importPdpPat(fixture('pdp/xor.pat'), { outputs: 1 }).patterns).toEqual(imported.patterns);
  });

  it('reads NaN targets as don\'t-cares and exponents in numbers', () => {
    const imported = importPdpPat(fixture('pdp/dontcare.pat'), { inputs: 3, outputs: 2 });
    expect(imported.patterns.map((p) => p.target)).toEqual([[1, null], [null, 1], [0.25, -0.15]]);
  });

  it('points at the bad value, the short line, and asks for the split when it is not given', () => {
    expectImportError(() => importPdpPat(fixture('pdp/bad-value.pat'), { inputs: 2, file: 'bad-value.pat' }), { file: 'bad-value.pat', line: 3, column: 9 }, /found `one`/);
    expectImportError(() => importPdpPat(fixture('pdp/short.pat'), { inputs: 2 }), { line: 3, column: 1 }, /has 2 values; expected 2 inputs and 1 target/);
    expectImportError(() => importPdpPat(fixture('pdp/xor.pat')), { line: 2, column: 1 }, /give the number of input units/);
    expectImportError(() => importPdpPat('a NaN 1\n', { inputs: 1 }), { line: 1, column: 3 }, /input value, found `NaN`/);
    expectImportError(() => importPdpPat('# nothing\n', { inputs: 1 }), { line: 1, column: 1 }, /no patterns/);
    expectImportError(() => importPdpPat('a 1\n', { inputs: 1 }), { line: 1, column: 1 }, /too few/);
  });
});
