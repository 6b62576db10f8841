import { describe, expect, it } from 'vitest';
import { importCsv } from '../../../src-shared/data/import/csv';
import { layersForPatterns, modelFromImport } from '../../../src-shared/data/import/model';
import { recogniseFormat } from '../../../src-shared/data/import/recognise';
import { importTlearnProject } from '../../../src-shared/data/import/tlearn';
import { parseModel } from '../../../src-shared/model/parse';
import { fixture } from './fixtures';

describe('from an import to a model document', () => {
  it('builds a valid model from a tlearn project, with its network, initial range and don\'t-cares', () => {
    const project = importTlearnProject({ cf: fixture('tlearn/xor.cf'), data: fixture('tlearn/xor.data'), teach: 'distributed\n4\n0\n1\n1\n*\n' });
    const model = modelFromImport({ name: 'xor', imported: project, layers: project.network.layers, training: project.network.training });
    expect(parseModel(model)).toMatchObject({ ok: true });
    expect(model.training.init).toEqual({ kind: 'uniform', range: 2 });
    expect(model.patterns[3].target).toEqual([null]);
    expect(model.layers[0].unitNames).toEqual(['i1', 'i2']);
    expect(model.layers[2].unitNames).toEqual(['node3']);
  });

  it('sizes a plain network to CSV patterns and labels its units with the header', () => {
    const imported = importCsv(fixture('csv/european.csv'), { inputColumns: ['x', 'y'], targetColumns: ['target'], nameColumn: 'word' });
    const model = modelFromImport({ name: 'words', imported, test: imported, layers: layersForPatterns(imported, 3) });
    expect(parseModel(model)).toMatchObject({ ok: true });
    expect(model.testPatterns).toEqual(model.patterns);
    expect(model.layers.map((l) => [l.kind, l.units])).toEqual([['input', 2], ['hidden', 3], ['output', 1]]);
    expect(model.layers[0].unitNames).toEqual(['x', 'y']);
    expect(model.layers[2].unitNames).toEqual(['target']);
    expect(model.layers[1].unitNames).toBeUndefined();
  });

  it('does not change the layers it was given', () => {
    const project = importTlearnProject({ cf: fixture('tlearn/xor.cf'), data: fixture('tlearn/xor.data'), teach: fixture('tlearn/xor.teach') });
    modelFromImport({ name: 'xor', imported: project, layers: project.network.layers });
    expect(project.network.layers[0].unitNames).toBeUndefined();
  });
});

describe('recognising a file\'s format', () => {
  it('goes by the extension, then by the first words', () => {
    expect(recogniseFormat('xor.cf', '')).toBe('tlearn-cf');
    expect(recogniseFormat('XOR.TEACH', '')).toBe('tlearn-teach');
    expect(recogniseFormat('xor.pat', '')).toBe('pdp-pat');
    expect(recogniseFormat('xor.ex', '')).toBe('lens-ex');
    expect(recogniseFormat('data.tsv', 'a\tb')).toBe('csv');
    expect(recogniseFormat('network.txt', 'NODES:\nnodes = 1')).toBe('tlearn-cf');
    expect(recogniseFormat('inputs', '\uFEFFlocalist\n2\n1\n2\n')).toBe('tlearn-data');
    expect(recogniseFormat('notes', 'hello')).toBeNull();
  });
});
