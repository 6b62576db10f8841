import { describe, expect, it } from 'vitest';
import { importTlearnPatterns, importTlearnProject } from '../../../src-shared/data/import/tlearn';
import { readTlearnVectors } from '../../../src-shared/data/import/tlearn-vectors';
import { expectImportError, fixture } from './fixtures';

const project = (name: string, data = `${name}.data`, teach = `${name}.teach`) => ({
  cf: fixture(`tlearn/${name}.cf`),
  data: fixture(`tlearn/${data}`),
  teach: fixture(`tlearn/${teach}`),
  cfFile: `${name}.cf`,
  dataFile: data,
  teachFile: teach,
});

describe('tlearn .data and .teach import', () => {
  it('pairs distributed vectors into patterns named p1 …', () => {
    const imported = importTlearnProject(project('xor'));
    expect(imported.patterns).toEqual([
      { name: 'p1', input: [0, 0], target: [0] },
      { name: 'p2', input: [0, 1], target: [1] },
      { name: 'p3', input: [1, 0], target: [1] },
      { name: 'p4', input: [1, 1], target: [0] },
    ]);
    expect(imported.inputNames).toEqual(['i1', 'i2']);
    expect(imported.outputNames).toEqual(['node3']);
    expect(imported.network.layers).toHaveLength(3);
  });

  it('reads localist vectors (units on, numbered from 1) sized by the .cf', () => {
    const imported = importTlearnProject(project('encoder'));
    expect(imported.patterns.map((p) => [p.input, p.target])).toEqual(
      [0, 1, 2, 3].map((k) => [[0, 1, 2, 3].map((u) => (u === k ? 1 : 0)), [0, 1, 2, 3].map((u) => (u === k ? 1 : 0))]),
    );
    expect(imported.warnings).toEqual([]);
  });

  it('warns when a localist file is sized by its highest unit number', () => {
    const imported = importTlearnPatterns({ data: 'localist\n2\n1,3\n2-3\n', teach: 'localist\n2\n1\n2\n' });
    expect(imported.patterns.map((p) => p.input)).toEqual([[1, 0, 1], [0, 1, 1]]);
    expect(imported.warnings).toEqual([
      'the localist .data file does not say how many units a vector has; took 3, its highest unit number',
      'the localist .teach file does not say how many units a vector has; took 2, its highest unit number',
    ]);
  });

  it('reads `*` in a .teach as a don\'t-care, and a vector split over lines when the width is known', () => {
    const imported = importTlearnPatterns({ data: fixture('tlearn/dontcare.data'), teach: fixture('tlearn/dontcare.teach'), inputs: 3, outputs: 2 });
    expect(imported.patterns.map((p) => p.target)).toEqual([[1, null], [null, 1], [0, 0]]);
  });

  it('reports where a file is short, wrong or inconsistent', () => {
    expectImportError(() => importTlearnPatterns({ data: fixture('tlearn/short.data'), teach: fixture('tlearn/xor.teach'), dataFile: 'short.data' }),
      { file: 'short.data', line: 5, column: 4 }, /ends after 3 vectors, but its count line says 4/);
    expectImportError(() => importTlearnPatterns({ data: fixture('tlearn/bad-value.data'), teach: fixture('tlearn/xor.teach'), dataFile: 'bad-value.data' }),
      { file: 'bad-value.data', line: 4, column: 3 }, /expected a number, found `x`/);
    expectImportError(() => importTlearnPatterns({ data: fixture('tlearn/xor.data'), teach: 'distributed\n3\n0\n1\n1\n', teachFile: 'xor.teach' }),
      { file: 'xor.teach', line: 2, column: 1 }, /3 vectors but the \.data file has 4/);
    expectImportError(() => importTlearnPatterns({ data: 'distributed\n1\n0 *\n', teach: 'distributed\n1\n1\n' }), { line: 3, column: 3 }, /only appear in a \.teach/);
    expectImportError(() => importTlearnPatterns({ data: 'distributed\n2\n0 0\n1\n', teach: 'distributed\n2\n1\n1\n' }), { line: 4, column: 1 }, /1 value but the first has 2/);
    expectImportError(() => importTlearnPatterns({ data: 'distributed\n1\n0 0\n1 1\n', teach: 'distributed\n1\n1\n' }), { line: 4, column: 1 }, /more vectors than the count line's 1/);
    expectImportError(() => importTlearnPatterns({ data: 'distributed\n1\n0 0 1\n', teach: 'distributed\n1\n1\n', inputs: 2 }), { line: 3, column: 5 }, /one too many/);
    expectImportError(() => importTlearnPatterns({ data: 'localist\n1\n0\n', teach: 'distributed\n1\n1\n' }), { line: 3, column: 1 }, /a range such as `2-4`/);
    expectImportError(() => importTlearnPatterns({ data: 'localist\n1\n3\n', teach: 'localist\n1\n1\n', inputs: 2 }), { line: 3, column: 1 }, /1 to 2/);
  });

  it('says what the header should be', () => {
    expectImportError(() => readTlearnVectors('  dist\n4\n', 'data'), { line: 1, column: 3 }, /`distributed` or `localist`/);
    expectImportError(() => readTlearnVectors('distributed\nfour\n', 'teach'), { line: 2, column: 1 }, /number of vectors/);
    expectImportError(() => readTlearnVectors('', 'teach'), { line: 1, column: 1 }, /found nothing/);
  });
});
