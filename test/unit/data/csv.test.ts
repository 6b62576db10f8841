import { describe, expect, it } from 'vitest';
import { importCsv, previewCsv } from '../../../src-shared/data/import/csv';
import { expectImportError, fixture } from './fixtures';

describe('CSV and TSV import', () => {
  it('detects the semicolon and decimal comma of a European spreadsheet, and previews the columns', () => {
    const preview = previewCsv(fixture('csv/european.csv'));
    expect(preview).toMatchObject({ delimiter: ';', decimalComma: true, header: true, rows: 3 });
    expect(preview.columns.map((c) => [c.name, c.kind, c.missing])).toEqual([
      ['word', 'text', 0],
      ['x', 'number', 0],
      ['y', 'binary', 0],
      ['target', 'binary', 1],
    ]);
    const imported = importCsv(fixture('csv/european.csv'), { inputColumns: ['x', 'y'], targetColumns: ['target'], nameColumn: 'word' });
    expect(imported.patterns).toEqual([
      { name: 'cat', input: [0.5, 1], target: [1] },
      { name: 'dog', input: [1.25, 0], target: [0] },
      { name: 'semi;colon', input: [-0.75, 1], target: [null] },
    ]);
    expect(imported.inputNames).toEqual(['x', 'y']);
    expect(imported.outputNames).toEqual(['target']);
  });

  it('reads quoted cells, CRLF lines, exponents and NA don\'t-cares, with columns picked by index', () => {
    const imported = importCsv(fixture('csv/quoted.csv'), { inputColumns: [1, 2], targetColumns: [3], nameColumn: 0 });
    expect(imported.patterns).toEqual([
      { name: 'a, the first', input: [0.5, 1], target: [1] },
      { name: 'b "quoted"', input: [0.001, 0], target: [null] },
    ]);
  });

  it('reads tab-separated files with `*` don\'t-cares', () => {
    expect(previewCsv(fixture('csv/tabs.tsv')).delimiter).toBe('\t');
    const imported = importCsv(fixture('csv/tabs.tsv'), { inputColumns: ['x1', 'x2'], targetColumns: ['t1', 't2'] });
    expect(imported.patterns).toEqual([
      { name: 'p1', input: [0, 0], target: [0, 1] },
      { name: 'p2', input: [0, 1], target: [1, null] },
    ]);
  });

  it('names columns of a file without a header', () => {
    const preview = previewCsv(fixture('csv/no-header.csv'));
    expect(preview.header).toBe(false);
    expect(preview.columns.map((c) => c.name)).toEqual(['column 1', 'column 2', 'column 3']);
    const imported = importCsv(fixture('csv/no-header.csv'), { inputColumns: [0, 1], targetColumns: ['column 3'] });
    expect(imported.patterns.map((p) => p.target[0])).toEqual([0, 1, 1, 0]);
  });

  it('takes an explicit delimiter, decimal comma and header over detection', () => {
    const preview = previewCsv('1;2\n3;4\n', { delimiter: ';', header: true, decimalComma: false });
    expect(preview).toMatchObject({ delimiter: ';', header: true, decimalComma: false, rows: 1 });
    expect(preview.columns.map((c) => c.name)).toEqual(['1', '2']);
  });

  it('points at the cell that is wrong', () => {
    const pick = { inputColumns: ['x', 'y'], targetColumns: ['t'] };
    expectImportError(() => importCsv(fixture('csv/bad-number.csv'), { ...pick, file: 'bad-number.csv' }), { file: 'bad-number.csv', line: 3, column: 3 }, /input column "y", found "four"/);
    expectImportError(() => importCsv(fixture('csv/bad-quote.csv'), pick), { line: 3, column: 3 }, /quoted cell is never closed/);
    expectImportError(() => importCsv('x,y,t\n1,2,3\n1,2\n', pick), { line: 3, column: 4 }, /2 cells but the header has 3/);
    expectImportError(() => importCsv('x,y,t\n1,,3\n', pick), { line: 2, column: 3 }, /found ""/);
    expectImportError(() => importCsv('x,y,t\n1,2,3\n', { ...pick, targetColumns: ['z'] }), { line: 1, column: 1 }, /no column named "z"; the columns are "x", "y", "t"/);
    expectImportError(() => importCsv('x,y,t\n1,2,3\n', { ...pick, targetColumns: [7] }), { line: 1, column: 1 }, /no column 7/);
    expectImportError(() => importCsv('x,y,t\n1,2,3\n', { ...pick, targetColumns: [] }), { line: 1, column: 1 }, /at least one/);
    expectImportError(() => importCsv('', pick), { line: 1, column: 1 }, /empty/);
  });
});
