import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { parseModel } from '../../../src-shared/model/parse';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { exportPatterns, fileBase, type PatternFormat } from '../../../src-renderer/patterns/pattern-export';
import {
  checkColumnChoice,
  checkImportedSizes,
  importCsvColumns,
  readPatternFiles,
  replacePatterns,
  replaceQuestion,
  type ImportStep,
  type PatternFile,
} from '../../../src-renderer/patterns/pattern-import';

const fixture = (path: string): PatternFile => ({ name: path.split('/').pop()!, text: readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8') });
const xor = () => findExample('xor')!.build();
const XOR_SIZES = { inputs: 2, outputs: 1 };

function patternsOf(step: ImportStep) {
  if (step.kind !== 'patterns') throw new Error(`expected patterns, got ${JSON.stringify(step)}`);
  return step.imported.patterns;
}

describe('importing patterns into the open model', () => {
  it('offers a CSV’s columns with defaults from its header, then reads the picked ones', () => {
    const step = readPatternFiles([fixture('csv/european.csv')], XOR_SIZES);
    if (step.kind !== 'csv') throw new Error(step.kind);
    expect(step.preview).toMatchObject({ delimiter: ';', decimalComma: true, header: true, rows: 3 });
    expect(step.preview.columns.map((c) => c.name)).toEqual(['word', 'x', 'y', 'target']);
    expect(step.choice).toEqual(['name', 'input', 'input', 'target']);
    expect(checkColumnChoice(step.preview, step.choice, XOR_SIZES)).toEqual([]);
    expect(patternsOf(importCsvColumns(step.file, step.preview, step.choice))).toEqual([
      { name: 'cat', input: [0.5, 1], target: [1] },
      { name: 'dog', input: [1.25, 0], target: [0] },
      { name: 'semi;colon', input: [-0.75, 1], target: [null] },
    ]);
  });

  it('says what is wrong with a column choice for this network', () => {
    const step = readPatternFiles([fixture('csv/european.csv')], XOR_SIZES);
    if (step.kind !== 'csv') throw new Error(step.kind);
    expect(checkColumnChoice(step.preview, ['input', 'input', 'input', 'skip'], XOR_SIZES)).toEqual([
      'Pick 2 input columns: the input layer has 2 units (3 are picked).',
      'Pick 1 target column: the output layer has 1 unit (none are picked).',
      'Column “word” holds text, so it cannot be an input (inputs are numbers).',
    ]);
    expect(checkColumnChoice(step.preview, ['name', 'input', 'target', 'input'], XOR_SIZES)).toEqual([
      'Column “target” has 1 empty cell: every input must be a number.',
    ]);
  });

  it('keeps the importer’s line and column in its errors', () => {
    const bad = readPatternFiles([fixture('tlearn/bad-value.data'), fixture('tlearn/xor.teach')], XOR_SIZES);
    expect(bad.kind).toBe('refused');
    expect(bad).toMatchObject({ message: expect.stringMatching(/^bad-value\.data, line 4, column 3: /) });
    const pat = readPatternFiles([fixture('pdp/bad-value.pat')], XOR_SIZES);
    expect(pat).toMatchObject({ kind: 'refused', message: expect.stringMatching(/^bad-value\.pat, line \d+, column \d+: /) });
  });

  it('needs a tlearn .data with its .teach, and refuses a .cf and unknown files', () => {
    expect(readPatternFiles([fixture('tlearn/xor.data')], XOR_SIZES)).toMatchObject({ kind: 'refused', message: expect.stringContaining('pick both together') });
    expect(readPatternFiles([fixture('tlearn/xor.cf')], XOR_SIZES)).toMatchObject({ kind: 'refused', message: expect.stringContaining('.cf') });
    // A weights file is no pattern file, alone or beside the .data and .teach.
    for (const files of [[fixture('tlearn/xor.wts')], [fixture('tlearn/xor.data'), fixture('tlearn/xor.teach'), fixture('tlearn/xor.wts')]]) {
      expect(readPatternFiles(files, XOR_SIZES)).toMatchObject({ kind: 'refused', message: expect.stringContaining('.wts file holds a network\'s weights, not patterns') });
    }
    expect(readPatternFiles([{ name: 'model.bplab', text: '{}' }], XOR_SIZES)).toMatchObject({ kind: 'refused' });
    expect(patternsOf(readPatternFiles([fixture('tlearn/xor.data'), fixture('tlearn/xor.teach')], XOR_SIZES)).map((p) => [p.input, p.target])).toEqual([
      [[0, 0], [0]], [[0, 1], [1]], [[1, 0], [1]], [[1, 1], [0]],
    ]);
  });

  it('refuses patterns of another size with what to do', () => {
    const imported = { patterns: [{ name: 'p00', input: [0, 0], target: [0] }], warnings: [] };
    expect(checkImportedSizes(imported, { inputs: 3, outputs: 1 })).toContain('“p00” has 2 inputs and 1 target, but the network has 3 input and 1 output unit');
    expect(checkImportedSizes(patternsOfStep(readPatternFiles([fixture('pdp/xor.pat')], XOR_SIZES)), XOR_SIZES)).toBeNull();
  });

  it('replaces one set as a valid document, and asks first in the user’s words', () => {
    const model = xor();
    const imported = patternsOfStep(readPatternFiles([fixture('pdp/xor.pat')], XOR_SIZES));
    const replaced = replacePatterns(model, 'testPatterns', imported.patterns);
    expect(replaced.patterns).toEqual(model.patterns);
    expect(replaced.testPatterns?.map((p) => p.name)).toEqual(['p00', 'p01', 'p10', 'p11']);
    expect(parseModel(replaced).ok).toBe(true);
    const question = replaceQuestion(model, 'patterns', imported, 'xor.pat');
    expect(question.message).toBe('Replace the 4 current training patterns with 4 imported ones from xor.pat? Undo brings the current ones back.');
    expect(question.choices.map((c) => c.id)).toEqual(['cancel', 'replace']);
    expect(question.cancelId).toBe('cancel');
  });
});

function patternsOfStep(step: ImportStep) {
  if (step.kind !== 'patterns') throw new Error(step.kind);
  return step.imported;
}

describe('exporting patterns', () => {
  /** A model with a fraction, a negative value and a don't-care, so a round trip has something to lose. */
  function awkward(): ModelDocument {
    const model = xor();
    return {
      ...model,
      patterns: [
        ...model.patterns,
        { name: 'half', input: [0.5, -0.25], target: [null] },
        { name: 'tiny', input: [1e-7, 1 / 3], target: [0.1 + 0.2] },
      ],
    };
  }

  it.each<PatternFormat>(['csv', 'tlearn', 'pat', 'ex'])('%s re-imports to the same values', (format) => {
    const model = awkward();
    const exported = exportPatterns(model, 'patterns', format);
    let step = readPatternFiles(exported.files, XOR_SIZES);
    if (step.kind === 'csv') {
      expect(checkColumnChoice(step.preview, step.choice, XOR_SIZES)).toEqual([]);
      step = importCsvColumns(step.file, step.preview, step.choice);
    }
    const back = patternsOf(step);
    expect(back.map((p) => [p.input, p.target])).toEqual(model.patterns.map((p) => [p.input, p.target]));
    // tlearn files hold no names; the others keep these (one-word) names.
    if (format !== 'tlearn') expect(back.map((p) => p.name)).toEqual(model.patterns.map((p) => p.name));
  });

  it('names the files after the model and the set', () => {
    const model = { ...xor(), name: 'XOR: a/b' };
    expect(exportPatterns(model, 'patterns', 'tlearn').files.map((f) => f.name)).toEqual(['XOR- a-b.data', 'XOR- a-b.teach']);
    expect(fileBase('XOR', 'testPatterns')).toBe('XOR test');
    expect(exportPatterns(model, 'patterns', 'csv').files[0].text.split('\n')[0]).toBe('pattern,input_1,input_2,target_output_1');
  });
});
