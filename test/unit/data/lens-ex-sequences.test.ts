/**
 * The Lens .ex of a recurrent network: one multi-event example per sequence, each event `[k] I: … T: …`,
 * which our Lens importer reads back as the same sequences (the same events, the same starts); what Lens
 * cannot hold of the app's time (a stream's context carried across passes, the context's initial value,
 * which Lens sets in its script) is said in the notes.
 */
import { describe, expect, it } from 'vitest';
import { exportModel } from '../../../src-shared/data/export';
import { exportLensExamples, sequencesOf } from '../../../src-shared/data/export/lens-ex';
import { importLensExamples } from '../../../src-shared/data/import/lens-ex';
import { findExample } from '../../../src-shared/data/examples';
import { letterTask, temporalXor } from '../../../src-shared/data/recurrent-examples';
import type { ModelDocument, Pattern } from '../../../src-shared/model/schema';
import { fixture } from './fixtures';

const values = (patterns: readonly Pattern[]) => patterns.map((p) => ({ input: p.input, target: p.target, reset: p.reset === true }));

function inSequences(model: ModelDocument, starts: (i: number) => boolean): ModelDocument {
  return { ...model, patterns: model.patterns.map((p, i) => (starts(i) ? { ...p, reset: true } : p)) };
}

describe('Lens .ex export of a recurrent network', () => {
  it('writes each sequence as one multi-event example, as Lens writes them', () => {
    const model = inSequences(temporalXor(6), (i) => i % 3 === 0);
    const { text } = exportLensExamples(model);
    const [title, ...rest] = text.trimEnd().split('\n');
    expect(title).toBe('# Temporal XOR (Elman 1990): 2 sequences of 6 events written by Backprop Lab');
    const p = model.patterns;
    const ev = (k: number, q: Pattern) => `[${k}] I: ${q.input[0]} T: ${q.target[0]}`;
    expect(rest).toEqual([
      'name: {sequence 1} 3', ev(0, p[0]), ev(1, p[1]), `${ev(2, p[2])};`,
      'name: {sequence 2} 3', ev(0, p[3]), ev(1, p[4]), `${ev(2, p[5])};`,
    ]);
  });

  it('reads back through our Lens importer as the same sequences: the letter task in syllables of different lengths', () => {
    const base = letterTask(12);
    // Each syllable (a consonant and its vowels) a sequence: a consonant's input differs from a vowel's in its first feature.
    const consonants = new Set(base.patterns.flatMap((p, i) => (i === 0 || p.input[0] === 1 ? [i] : [])));
    const model = inSequences(base, (i) => consonants.has(i));
    expect(new Set(sequencesOf(model.patterns).map((s) => s.length)).size).toBeGreaterThan(1);
    const exported = exportModel(model, 'ex');
    expect(exported.files.map((f) => f.extension)).toEqual(['ex']);
    const back = importLensExamples('text' in exported.files[0] ? exported.files[0].text : '');
    expect(values(back.patterns)).toEqual(values(model.patterns));
  });

  it('keeps the names of a Lens file\'s sequences through import and export', () => {
    const imported = importLensExamples(fixture('lens/sequence.ex'), { file: 'sequence.ex' });
    const model: ModelDocument = { ...temporalXor(3), patterns: imported.patterns.map((p) => ({ ...p, input: p.input, target: p.target })) };
    const { text } = exportLensExamples(model);
    expect(text).toContain('name: {abc} 3\n');
    const back = importLensExamples(text);
    expect(back.patterns.map((p) => p.name)).toEqual(imported.patterns.map((p) => p.name));
    expect(values(back.patterns)).toEqual(values(imported.patterns));
  });

  it('says what Lens does differently: a continuous stream is reset each pass, the initial context is the script\'s', () => {
    const stream = exportLensExamples(temporalXor(6));
    expect(stream.text.match(/^name:/gm)).toHaveLength(1);
    expect(stream.notes).toContainEqual(expect.stringMatching(/one continuous stream, written as one example: Lens resets the network at its start each pass/));
    expect(stream.notes).toContainEqual(expect.stringMatching(/context's value at a sequence's start \(0\.5\) is the network's, set in Lens's Tcl script/));
    const sequences = exportLensExamples(inSequences(temporalXor(6), (i) => i % 2 === 0));
    expect(sequences.notes.filter((n) => /continuous stream|before the first sequence/.test(n))).toEqual([]);
  });

  it('writes a graph network\'s patterns too, the input layers\' values in layer order', () => {
    const model = findExample('rumelhart-graph')!.build();
    const back = importLensExamples((exportModel(model, 'ex').files[0] as { text: string }).text);
    expect(values(back.patterns)).toEqual(values(model.patterns));
  });
});
