import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { RecurrentRun } from '../../../src-shared/engine/recurrent/recurrent-run';
import { Simulation } from '../../../src-shared/engine/simulation';
import type { ModelDocument } from '../../../src-shared/model/schema';
import {
  defaultHiddenUnits,
  documentName,
  guessCsvSizes,
  patSplits,
  readCsvColumns,
  readImportFiles,
  readPatSplit,
  splitQuestion,
  type ImportRead,
} from '../../../src-renderer/files/import-model';
import { checkColumnChoice, type PatternFile } from '../../../src-renderer/patterns/pattern-import';

const fixture = (path: string): PatternFile => ({ name: path.split('/').pop()!, text: readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8') });

function modelOf(read: ImportRead): { model: ModelDocument; notes: string[] } {
  if (read.kind !== 'model') throw new Error(`expected a model, got ${JSON.stringify(read)}`);
  return read;
}

function refusal(read: ImportRead): string {
  if (read.kind !== 'refused') throw new Error(`expected a refusal, got ${read.kind}`);
  return read.message;
}

const units = (model: ModelDocument) => model.layers.map((layer) => layer.units);
const XOR_PATTERNS = findExample('xor')!.build().patterns;

describe('File → Import: a new document from other tools’ files', () => {
  it('a tlearn .cf with its .data and .teach gives the network, its weight range and the patterns', () => {
    const { model, notes } = modelOf(readImportFiles([fixture('tlearn/xor.teach'), fixture('tlearn/xor.cf'), fixture('tlearn/xor.data')]));
    expect(model.name).toBe('xor');
    expect(units(model)).toEqual([2, 2, 1]);
    expect(model.layers.slice(1).map((layer) => [layer.activation, layer.bias])).toEqual([['logistic', true], ['logistic', true]]);
    // weight_limit = 1.00 in the .cf: tlearn's initial weights are uniform in ±1, a range (PDPTool's wrange) of 2.
    expect(model.training.init).toEqual({ kind: 'uniform', range: 2 });
    expect(model.patterns.map((p) => [p.input, p.target])).toEqual(XOR_PATTERNS.map((p) => [p.input, p.target]));
    expect(model.state).toBeNull();
    expect(notes[0]).toContain('tlearn network 2-2-1 from xor.cf, with 4 patterns from xor.data and xor.teach');
    // The engine takes it as it is.
    expect(() => new Simulation(model)).not.toThrow();
  });

  it('a tlearn .wts picked with the project gives the network its weights, each where its connection is', () => {
    const { model, notes } = modelOf(readImportFiles([fixture('tlearn/xor.cf'), fixture('tlearn/xor.data'), fixture('tlearn/xor.teach'), fixture('tlearn/xor.wts')]));
    expect(model.state!.weights).toEqual([[[5.5160355568, 5.5231409073], [4.1027874947, 4.1051573753]], [[6.8290524483, -7.3452973366]]]);
    expect(model.state!.biases).toEqual([[-2.5043187141, -6.2171449661], [-3.1320672035]]);
    expect(notes[0]).toContain('Its weights are those of xor.wts.');
    // These weights solve XOR: the run starts from them.
    new Simulation(model).testPass().patterns.forEach(({ output: [o] }, p) => expect(Math.abs(o - XOR_PATTERNS[p].target[0]!)).toBeLessThan(0.1));
  });

  it('refuses a network tlearn can express but the app cannot build, naming the line', () => {
    const message = refusal(readImportFiles([fixture('tlearn/recurrent.cf'), fixture('tlearn/xor.data'), fixture('tlearn/xor.teach')]));
    expect(message).toMatch(/^recurrent\.cf, line 9, column 1: /);
    expect(message).toMatch(/recurrent connections/i);
  });

  it('opens a simple recurrent network: tlearn copy-back as a context layer, a .reset file\'s sequences, Lens sequences with an Elman network built', () => {
    const srn = modelOf(readImportFiles([fixture('tlearn/srn.cf'), fixture('tlearn/encoder.data'), fixture('tlearn/encoder.teach')]));
    expect(srn.model.links).toHaveLength(1);
    const [link] = srn.model.links!;
    expect(srn.model.layers[link.to]).toMatchObject({ kind: 'hidden', units: 3, activation: 'linear', bias: false });
    expect(srn.model.layers[link.from].units).toBe(3);
    expect(srn.notes[0]).toContain('A simple recurrent network: a context layer holds a copy of the previous event');
    expect(srn.notes[0]).toContain('one continuous stream');
    expect(() => new RecurrentRun(srn.model)).not.toThrow();

    const txor = (name: string) => fixture(`tlearn/temporal-xor/${name}`);
    const reset = modelOf(readImportFiles([txor('txor.cf'), txor('txor.data'), txor('txor.teach'), txor('txor.reset')]));
    const starts = reset.model.patterns.flatMap((p, i) => (p.reset ? [i] : []));
    expect(starts.slice(0, 2)).toEqual([0, 300]);
    expect(reset.notes[0]).toMatch(/the patterns form \d+ sequences/);

    const lens = modelOf(readImportFiles([fixture('lens/sequence.ex')]));
    expect(lens.model.links).toEqual([{ kind: 'copy', from: 2, to: 1, delay: 1, initial: 0.5 }]);
    expect(lens.model.patterns[0].reset).toBe(true);
    expect(lens.notes[0]).toMatch(/^Imported \d+ events in \d+ sequences from sequence\.ex\. The files hold no network, so a simple recurrent network was built/);
    expect(() => new RecurrentRun(lens.model)).not.toThrow();
  });

  it('opens a Lens network script with its examples as the network it builds, said in a note; a script needing Tcl is refused with its line', () => {
    const lens = modelOf(readImportFiles([fixture('lens/srn/txor.ex'), fixture('lens/srn/txor.in')]));
    expect(lens.model.name).toBe('txor');
    expect(lens.model.layers.map((l) => l.name)).toEqual(['input', 'context', 'hidden', 'output']);
    expect(lens.model.links).toEqual([{ kind: 'copy', from: 2, to: 1, delay: 1, initial: 0.5 }]);
    expect(lens.model.training).toMatchObject({ loss: 'squared-error', learningRate: 0.5, momentum: 0 });
    expect(lens.notes).toEqual([
      'Imported the Lens network 1-2-2-1 from txor.in, with 24 events from txor.ex. A simple recurrent network: context holds a copy of the previous event\'s hidden (0.5 at each sequence\'s start); the events form 8 sequences.',
    ]);
    expect(() => new RecurrentRun(lens.model)).not.toThrow();
    expect(refusal(readImportFiles([fixture('lens/srn/loops.in'), fixture('lens/srn/txor.ex')]))).toMatch(/^loops\.in, line 4, column 1: `set` sets a Tcl variable: Backprop Lab reads only literal Lens commands/);
  });

  it('refuses a bad value with its file, line and column, and a set of files it cannot import in the words of test/unit/data/file-set', () => {
    expect(refusal(readImportFiles([]))).toBe('No file was picked.');
    expect(refusal(readImportFiles([fixture('tlearn/bad-value.data'), fixture('tlearn/xor.teach')]))).toMatch(/^bad-value\.data, line 4, column 3: /);
    expect(refusal(readImportFiles([fixture('tlearn/xor.cf'), fixture('tlearn/xor.data')]))).toContain('the .teach was not given');
    expect(refusal(readImportFiles([{ name: 'notes.doc', text: 'hello' }]))).toMatch(/^notes\.doc: not a format this app imports/);
    expect(refusal(readImportFiles([fixture('pdp/xor.pat'), fixture('lens/xor-sparse.ex')]))).toContain('Import one pattern file at a time');
    expect(refusal(readImportFiles([fixture('tlearn/xor.data'), fixture('tlearn/xor.teach'), fixture('pdp/xor.pat')]))).toContain('one of each');
  });

  it('tlearn patterns without a .cf get a network built for their sizes, said in a note', () => {
    const { model, notes } = modelOf(readImportFiles([fixture('tlearn/xor.data'), fixture('tlearn/xor.teach')]));
    expect(model.name).toBe('xor');
    expect(units(model)).toEqual([2, 2, 1]);
    expect(model.layers[1]).toMatchObject({ kind: 'hidden', activation: 'logistic', bias: true });
    expect(notes[0]).toContain('one was built for them: 2-2-1, with one logistic hidden layer of 2 units');
  });

  it('the hidden layer is the geometric mean of the input and output sizes, at least 2', () => {
    expect(defaultHiddenUnits(2, 1)).toBe(2);
    expect(defaultHiddenUnits(4, 2)).toBe(3);
    expect(defaultHiddenUnits(8, 8)).toBe(8);
    expect(defaultHiddenUnits(784, 10)).toBe(89);
    expect(defaultHiddenUnits(4096, 4096)).toBe(4096);
  });

  it('a CSV goes to the column picker, sized by its header, and is read with the picked columns', () => {
    const file: PatternFile = { name: 'four-two.csv', text: 'word,a,b,c,d,t1,t2\none,0,0,0,1,1,0\ntwo,1,0,0,0,0,1\nthree,0,1,1,0,1,1\n' };
    const read = readImportFiles([file]);
    if (read.kind !== 'csv') throw new Error(read.kind);
    expect(read.sizes).toEqual({ inputs: 4, outputs: 2 });
    expect(read.choice).toEqual(['name', 'input', 'input', 'input', 'input', 'target', 'target']);
    // The picker's own check accepts its first guess; for a new network any split will do, one of each at least.
    expect(checkColumnChoice(read.preview, read.choice, null)).toEqual([]);
    const threeTargets = read.choice.map((role, index) => (index === 4 ? 'target' : role));
    expect(checkColumnChoice(read.preview, threeTargets, null)).toEqual([]);
    expect(checkColumnChoice(read.preview, read.choice.map((role) => (role === 'target' ? 'skip' : role)), null)).toEqual([
      'Pick at least one target column: each becomes an output unit of the new network.',
    ]);
    const { model, notes } = modelOf(readCsvColumns(read.file, read.preview, read.choice));
    expect(model.name).toBe('four-two');
    expect(units(model)).toEqual([4, 3, 2]);
    expect(model.layers[0].unitNames).toEqual(['a', 'b', 'c', 'd']);
    expect(model.layers[2].unitNames).toEqual(['t1', 't2']);
    expect(model.patterns).toEqual([
      { name: 'one', input: [0, 0, 0, 1], target: [1, 0] },
      { name: 'two', input: [1, 0, 0, 0], target: [0, 1] },
      { name: 'three', input: [0, 1, 1, 0], target: [1, 1] },
    ]);
    expect(notes[0]).toContain('4-3-2');
  });

  it('a CSV without target headings takes its last numeric column as the target', () => {
    const read = readImportFiles([fixture('csv/no-header.csv')]);
    if (read.kind !== 'csv') throw new Error(read.kind);
    const numeric = read.preview.columns.filter((c) => c.kind !== 'text' && c.kind !== 'empty').length;
    expect(read.sizes).toEqual({ inputs: numeric - 1, outputs: 1 });
    expect(guessCsvSizes({ ...read.preview, header: false })).toEqual(read.sizes);
  });

  it('a bad CSV cell is refused with its line and column', () => {
    // x,y,t with "four" in y: picked as an input, the cell is refused where it stands.
    const read = readImportFiles([fixture('csv/bad-number.csv')]);
    if (read.kind !== 'csv') throw new Error(read.kind);
    expect(refusal(readCsvColumns(read.file, read.preview, ['input', 'input', 'target']))).toMatch(/^bad-number\.csv, line 3, column 3: /);
  });

  it('a .pat asks where its inputs end, then reads with that split', () => {
    const file = fixture('pdp/xor.pat');
    const read = readImportFiles([file]);
    expect(read).toEqual({ kind: 'split', file, values: 3 });
    const question = splitQuestion(file, 3);
    expect(question.choices.map((c) => c.label)).toEqual(['Cancel', '2 inputs, 1 target', '1 input, 2 targets']);
    const { model } = modelOf(readPatSplit(file, 3, 2));
    expect(units(model)).toEqual([2, 2, 1]);
    expect(model.patterns.map((p) => [p.input, p.target])).toEqual(XOR_PATTERNS.map((p) => [p.input, p.target]));
    expect(model.patterns.map((p) => p.name)).toEqual(['p00', 'p01', 'p10', 'p11']);
    expect(refusal(readImportFiles([fixture('pdp/bad-value.pat')]))).toMatch(/^bad-value\.pat, line \d+, column \d+: /);
  });

  it('offers every split of a short .pat line, and the usual ones of a long line', () => {
    expect(patSplits(2)).toEqual([1]);
    expect(patSplits(4)).toEqual([3, 2, 1]);
    expect(patSplits(16)).toEqual([8, 15, 1]);
    expect(patSplits(7)).toEqual([6, 1]);
  });

  it('a Lens .ex gives its patterns and a network built for them', () => {
    const { model } = modelOf(readImportFiles([fixture('lens/xor-sparse.ex')]));
    expect(model.name).toBe('xor-sparse');
    const [first] = model.patterns;
    expect(units(model)).toEqual([first.input.length, defaultHiddenUnits(first.input.length, first.target.length), first.target.length]);
  });

  it('names the document after the file', () => {
    expect(documentName('xor.cf')).toBe('xor');
    expect(documentName('my.data.csv')).toBe('my.data');
    expect(documentName('.csv')).toBe('Imported model');
  });
});
