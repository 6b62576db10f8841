import { describe, expect, it } from 'vitest';
import { ImportSetError, readImportSet, readTlearnSet, sortImportFiles, type NamedText } from '../../../src-shared/data/import/file-set';
import { expectImportError, fixture } from './fixtures';

const file = (path: string): NamedText => ({ name: path.split('/').pop()!, text: fixture(path) });

/** The message sortImportFiles refuses these files with. */
function refusal(files: NamedText[]): string {
  try {
    sortImportFiles(files);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportSetError);
    return (error as Error).message;
  }
  throw new Error('expected the files to be refused');
}

describe('which importer reads a set of files', () => {
  it('groups a tlearn .cf, .data and .teach in any order, and the .data and .teach without the .cf', () => {
    const [cf, data, teach] = [file('tlearn/xor.cf'), file('tlearn/xor.data'), file('tlearn/xor.teach')];
    expect(sortImportFiles([teach, cf, data])).toEqual({ kind: 'tlearn', cf, data, teach });
    expect(sortImportFiles([data, teach])).toEqual({ kind: 'tlearn', cf: undefined, data, teach });
  });

  it('takes one pattern file on its own, by its extension or (for a table) its text', () => {
    const pat = file('pdp/xor.pat');
    const ex = file('lens/xor-sparse.ex');
    const csv = file('csv/european.csv');
    expect(sortImportFiles([pat])).toEqual({ kind: 'pdp-pat', file: pat });
    expect(sortImportFiles([ex])).toEqual({ kind: 'lens-ex', file: ex });
    expect(sortImportFiles([csv])).toEqual({ kind: 'csv', file: csv });
    // A path will do as the name: the command line passes its arguments.
    const byPath = { name: '/home/lab/xor.cf', text: fixture('tlearn/xor.cf') };
    expect(sortImportFiles([byPath, file('tlearn/xor.data'), file('tlearn/xor.teach')])).toMatchObject({ kind: 'tlearn', cf: byPath });
  });

  it('refuses an unknown format, a tlearn set missing a file or with another, and several pattern files', () => {
    expect(refusal([])).toBe('No file was given to import.');
    expect(refusal([{ name: 'notes.doc', text: 'hello' }])).toMatch(/^notes\.doc: not a format this app imports \(CSV\/TSV, tlearn \.cf with \.data and \.teach, PDP \.pat, Lens \.ex, a Lens \.in script with its \.ex\)/);
    expect(refusal([file('tlearn/xor.cf'), file('tlearn/xor.data')])).toContain('(the .teach was not given)');
    expect(refusal([file('tlearn/xor.cf'), file('tlearn/xor.teach')])).toContain('(the .data was not given)');
    expect(refusal([file('tlearn/xor.cf')])).toContain('(the .data and .teach were not given)');
    expect(refusal([file('tlearn/xor.data'), file('tlearn/xor.teach'), file('pdp/xor.pat')])).toContain('one of each');
    expect(refusal([file('tlearn/xor.data'), file('tlearn/xor.teach'), file('tlearn/encoder.teach')])).toContain('one of each');
    expect(refusal([file('pdp/xor.pat'), file('lens/xor-sparse.ex')])).toBe('Import one pattern file at a time, a tlearn .cf with its .data and .teach together, or a Lens .in script with its .ex.');
  });
});

describe('reading a tlearn set', () => {
  it('with the .cf: the network’s layers, its weight range, and the patterns', () => {
    const read = readTlearnSet({ cf: file('tlearn/xor.cf'), data: file('tlearn/xor.data'), teach: file('tlearn/xor.teach') });
    expect(read.layers?.map((layer) => layer.units)).toEqual([2, 2, 1]);
    // weight_limit = 1.00: uniform in ±1, a range of 2.
    expect(read.training).toEqual({ init: { kind: 'uniform', range: 2 } });
    expect(read.imported.patterns.map((p) => [p.input, p.target])).toEqual([[[0, 0], [0]], [[0, 1], [1]], [[1, 0], [1]], [[1, 1], [0]]]);
  });

  it('without it: the patterns only, for a network to be built', () => {
    const read = readTlearnSet({ data: file('tlearn/xor.data'), teach: file('tlearn/xor.teach') });
    expect(read.layers).toBeUndefined();
    expect(read.training).toBeUndefined();
    expect(read.imported.patterns).toHaveLength(4);
  });

  it('an importer’s error keeps the file, line and column', () => {
    expectImportError(() => readTlearnSet({ data: file('tlearn/bad-value.data'), teach: file('tlearn/xor.teach') }), { file: 'bad-value.data', line: 4, column: 3 });
    expect(() => readTlearnSet({ cf: file('tlearn/recurrent.cf'), data: file('tlearn/xor.data'), teach: file('tlearn/xor.teach') })).toThrow(/^recurrent\.cf, line 9, column 1: .*recurrent connections/i);
  });
});

describe('readImportSet: the one dispatcher of the command line and File → Import', () => {
  const pat: NamedText = { name: 'enc.pat', text: 'p1 1 0 0 1\np2 0 1 1 0\n' };
  const table: NamedText = { name: 'xor.csv', text: 'name,a,b,t\nz,0,0,0\nq,0,1,1\n' };

  it('asks where a .pat’s inputs end until the sizes are given, then reads it with them', () => {
    expect(readImportSet([pat])).toEqual({ kind: 'split', file: pat });
    const step = readImportSet([pat], { sizes: { inputs: 2, outputs: 2 } });
    expect(step.kind).toBe('read');
    if (step.kind !== 'read') return;
    expect(step.files.imported.patterns.map((p) => [p.name, p.input, p.target])).toEqual([['p1', [1, 0], [0, 1]], ['p2', [0, 1], [1, 0]]]);
  });

  it('previews a table until its columns are given, then reads those columns', () => {
    const asked = readImportSet([table]);
    expect(asked.kind).toBe('columns');
    if (asked.kind !== 'columns') return;
    expect(asked.preview.columns.map((c) => c.name)).toEqual(['name', 'a', 'b', 't']);
    const step = readImportSet([table], { columns: { inputColumns: ['a', 'b'], targetColumns: [3], nameColumn: 'name' } });
    if (step.kind !== 'read') throw new Error(`not read: ${step.kind}`);
    expect(step.files.imported.patterns.map((p) => [p.name, p.input, p.target])).toEqual([['z', [0, 0], [0]], ['q', [0, 1], [1]]]);
  });

  it('refuses what sortImportFiles refuses, in its words', () => {
    expect(() => readImportSet([pat, table])).toThrow(ImportSetError);
  });
});
