/**
 * Property-based tests: whatever text an importer is given — random, or a fixture with random edits — it
 * either returns well-formed patterns or throws an ImportError. Nothing else may escape.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCsv, previewCsv } from '../../../src-shared/data/import/csv';
import { ImportError } from '../../../src-shared/data/import/import-error';
import type { ImportedPatterns } from '../../../src-shared/data/import/imported';
import { importLensExamples } from '../../../src-shared/data/import/lens-ex';
import { importPdpPat } from '../../../src-shared/data/import/pdp-pat';
import { recogniseFormat } from '../../../src-shared/data/import/recognise';
import { importTlearnPatterns } from '../../../src-shared/data/import/tlearn';
import { importTlearnConfig } from '../../../src-shared/data/import/tlearn-cf';
import { layerSchema, MAX_UNITS } from '../../../src-shared/model/schema';
import { fixture } from './fixtures';

// FUZZ_RUNS=20000 searches harder locally; the default keeps the suite fast.
const RUNS = { numRuns: Number(process.env.FUZZ_RUNS ?? 300) };

/** A fixture with a handful of random edits, drawn partly from the format's own vocabulary. */
function mutated(text: string, vocabulary: string[]): fc.Arbitrary<string> {
  const piece = fc.oneof(fc.constantFrom(...vocabulary), fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 }));
  const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: fc.oneof(fc.constant(''), piece) });
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) =>
    edits.reduce((t, { at, remove, insert }) => {
      const i = at % (t.length + 1);
      return t.slice(0, i) + insert + t.slice(i + remove);
    }, text),
  );
}

const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }));

/** Runs an importer and checks the outcome: well-formed patterns, or an ImportError with a position. */
function outcome(read: () => ImportedPatterns): void {
  let imported: ImportedPatterns;
  try {
    imported = read();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    const { line, column } = error as ImportError;
    expect(Number.isInteger(line) && line >= 1 && Number.isInteger(column) && column >= 1).toBe(true);
    return;
  }
  expect(imported.patterns.length).toBeGreaterThan(0);
  const { input, target } = imported.patterns[0];
  for (const p of imported.patterns) {
    expect(typeof p.name).toBe('string');
    expect(p.input.length).toBe(input.length);
    expect(p.target.length).toBe(target.length);
    expect(p.input.every(Number.isFinite)).toBe(true);
    expect(p.target.every((v) => v === null || Number.isFinite(v))).toBe(true);
  }
  expect(input.length).toBeGreaterThan(0);
  expect(input.length).toBeLessThanOrEqual(MAX_UNITS);
  expect(target.length).toBeLessThanOrEqual(MAX_UNITS);
}

const importers: [string, string[], string[], (text: string) => ImportedPatterns][] = [
  ['CSV', ['csv/european.csv', 'csv/quoted.csv', 'csv/tabs.tsv'], [',', ';', '\t', '"', '""', '\n', '\r\n', '0,5', 'NA', '*', '1e999', '-'],
    (text) => importCsv(text, { inputColumns: [0, 1], targetColumns: [2] })],
  ['tlearn .data/.teach', ['tlearn/xor.data', 'tlearn/encoder.data', 'tlearn/dontcare.teach'], ['distributed', 'localist', '*', '\n', ',', '-', '4096', '100001', '1e400', '0'],
    (text) => importTlearnPatterns({ data: text, teach: text.replace(/\*/g, '1') })],
  ['PDP .pat', ['pdp/xor.pat', 'pdp/dontcare.pat'], ['#', 'NaN', '\n', ' ', '1e400', '-', 'p'],
    (text) => importPdpPat(text, { inputs: 2 })],
  ['Lens .ex', ['lens/xor-sparse.ex', 'lens/letters-dense.ex', 'lens/header-defaults.ex', 'lens/encoder-both.ex'],
    ['I:', 'i:', 'T:', 't:', 'B:', 'b:', ';', '{', '}', '(', ')', '[', ']', '*', '-', 'name:', 'defI:', 'actT:', 'freq:', 'proc:', '\n#', '4095', '4096', '1e400', '"', '\\', '2-', ' 3 '],
    (text) => importLensExamples(text)],
];

describe('importers never throw anything but ImportError', () => {
  for (const [format, fixtures, vocabulary, read] of importers) {
    it(`${format}: random text`, () => {
      fc.assert(fc.property(anyText, (text) => outcome(() => read(text))), RUNS);
    });
    it(`${format}: fixtures with random edits`, () => {
      const texts = fc.constantFrom(...fixtures.map(fixture)).chain((text) => mutated(text, vocabulary));
      fc.assert(fc.property(texts, (text) => outcome(() => read(text))), RUNS);
    });
  }

  it('CSV preview: random text and edited fixtures', () => {
    const texts = fc.oneof(anyText, fc.constant(fixture('csv/european.csv')).chain((t) => mutated(t, [';', ',', '"', '\n'])));
    fc.assert(fc.property(texts, (text) => {
      try {
        const preview = previewCsv(text);
        expect(preview.columns.length).toBeGreaterThan(0);
      } catch (error) {
        expect(error).toBeInstanceOf(ImportError);
      }
    }), RUNS);
  });

  it('tlearn .cf: random text and edited fixtures, and every network it accepts is a valid layer list', () => {
    const vocabulary = ['NODES:', 'CONNECTIONS:', 'SPECIAL:', 'from', '=', '&', ',', '-', 'i', '0', '4096', 'fixed', 'one-to-one', 'linear', 'bipolar', 'groups', 'output nodes are', '\n', ' '];
    const cfs = ['tlearn/xor.cf', 'tlearn/encoder.cf', 'tlearn/deep.cf', 'tlearn/srn.cf'].map(fixture);
    const texts = fc.oneof(anyText, fc.constantFrom(...cfs).chain((t) => mutated(t, vocabulary)));
    fc.assert(fc.property(texts, (text) => {
      try {
        const network = importTlearnConfig(text);
        network.layers.forEach((layer) => expect(layerSchema.safeParse(layer).success).toBe(true));
        expect(network.layers.map((l) => l.kind)).toEqual(['input', ...Array(network.layers.length - 2).fill('hidden'), 'output']);
      } catch (error) {
        expect(error).toBeInstanceOf(ImportError);
      }
    }), RUNS);
  });

  it('recognising a format never throws', () => {
    fc.assert(fc.property(fc.string(), anyText, (name, text) => {
      expect(() => recogniseFormat(name, text)).not.toThrow();
    }), RUNS);
  });
});
