import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../src-shared/data/export/export-error';
import { exportLensExamples } from '../../../src-shared/data/export/lens-ex';
import { outputsCsv } from '../../../src-shared/data/export/outputs-csv';
import { exportPdpPat } from '../../../src-shared/data/export/pdp-pat';
import { exportTlearn, tlearnConfig } from '../../../src-shared/data/export/tlearn';
import { importCsv } from '../../../src-shared/data/import/csv';
import { importLensExamples } from '../../../src-shared/data/import/lens-ex';
import { importPdpPat } from '../../../src-shared/data/import/pdp-pat';
import { importTlearnProject } from '../../../src-shared/data/import/tlearn';
import { createModel } from '../../../src-shared/model/create';
import type { LayerSpec, ModelDocument, Pattern } from '../../../src-shared/model/schema';
import { trainedXor } from './models';

/** Random patterns of one shape: any finite double, don't-care targets, names with spaces and braces. */
const patternSets = fc.record({ inputs: fc.integer({ min: 1, max: 5 }), outputs: fc.integer({ min: 1, max: 4 }) }).chain(({ inputs, outputs }) =>
  fc.array(
    fc.record({
      name: fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('a b', '{x}', 'p\\1', 'ünïcödé')),
      input: fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: inputs, maxLength: inputs }),
      target: fc.array(fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }), { minLength: outputs, maxLength: outputs }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
);

function modelOf(patterns: Pattern[], hidden: LayerSpec[] = []): ModelDocument {
  return createModel({
    name: 'round trip',
    description: '',
    layers: [
      { kind: 'input', name: 'input', units: patterns[0].input.length, activation: 'linear', bias: false },
      ...hidden,
      { kind: 'output', name: 'output', units: patterns[0].target.length, activation: 'logistic', bias: true },
    ],
    patterns,
  });
}

/** -0 is written "0" and read back as 0, the same value to every computation the app does. */
const normalised = (patterns: Pattern[]) => patterns.map((p) => ({
  ...p,
  input: p.input.map((v) => v + 0),
  target: p.target.map((v) => (v === null ? null : v + 0)),
}));

describe('round trips: export, then import, gives the same patterns', () => {
  it('PDP .pat keeps names (made one word), values to the last bit and don\'t-cares', () => {
    fc.assert(fc.property(patternSets, (patterns) => {
      const model = modelOf(patterns);
      const back = importPdpPat(exportPdpPat(model).text, { inputs: patterns[0].input.length });
      expect(back.patterns.map((p) => [p.input, p.target])).toEqual(normalised(patterns).map((p) => [p.input, p.target]));
      const oneWord = patterns.every((p) => /^[^\s#]\S*$/.test(p.name));
      if (oneWord) expect(back.patterns.map((p) => p.name)).toEqual(patterns.map((p) => p.name));
    }));
  });

  it('Lens .ex keeps names, values and don\'t-cares', () => {
    fc.assert(fc.property(patternSets, (patterns) => {
      const model = modelOf(patterns);
      const back = importLensExamples(exportLensExamples(model).text, { inputs: patterns[0].input.length, outputs: patterns[0].target.length });
      const oneLine = normalised(patterns).map((p) => ({ ...p, name: p.name.replace(/[\r\n]+/g, ' ') }));
      expect(back.patterns).toEqual(oneLine);
    }));
  });

  it('tlearn .cf/.data/.teach keep the network and the patterns (in order, without names)', () => {
    fc.assert(fc.property(patternSets, fc.integer({ min: 0, max: 3 }), (patterns, hiddenUnits) => {
      const hidden: LayerSpec[] = hiddenUnits > 0 ? [{ kind: 'hidden', name: 'hidden', units: hiddenUnits, activation: 'linear', bias: false }] : [];
      const model = modelOf(patterns, hidden);
      const files = exportTlearn(model);
      const back = importTlearnProject(files);
      expect(back.network.layers).toEqual(model.layers);
      expect(back.network.training).toEqual({ init: model.training.init });
      expect(back.patterns.map((p) => [p.input, p.target])).toEqual(normalised(patterns).map((p) => [p.input, p.target]));
    }));
  });

  it('the outputs CSV reads back as the same patterns, unit names and all', () => {
    fc.assert(fc.property(patternSets, (patterns) => {
      const model = modelOf(patterns);
      const inputs = patterns[0].input.length;
      const outputs = patterns[0].target.length;
      const back = importCsv(outputsCsv(model), {
        inputColumns: Array.from({ length: inputs }, (_, i) => 1 + i),
        targetColumns: Array.from({ length: outputs }, (_, k) => 1 + inputs + k),
        nameColumn: 'pattern',
        delimiter: ',',
        header: true,
      });
      expect(back.patterns.map((p) => [p.input, p.target])).toEqual(normalised(patterns).map((p) => [p.input, p.target]));
      expect(back.inputNames).toEqual(Array.from({ length: inputs }, (_, i) => `input_${i + 1}`));
    }));
  });
});

describe('model exports to other tools', () => {
  it('writes the XOR network as tlearn writes it, and says what tlearn files cannot hold', () => {
    const files = exportTlearn(trainedXor());
    expect(files.cf).toBe([
      'NODES:', 'nodes = 3', 'inputs = 2', 'outputs = 1', 'output node is 3',
      'CONNECTIONS:', 'groups = 0', '1-2 from i1-i2', '3 from 1-2', '1-2 from 0', '3 from 0',
      'SPECIAL:', 'weight_limit = 0.5', 'selected = 1-3', '',
    ].join('\n'));
    expect(files.data).toBe('distributed\n4\n0 0\n0 1\n1 0\n1 1\n');
    expect(files.teach).toBe('distributed\n4\n0\n1\n1\n*\n');
    const model = trainedXor();
    // The trained weights, node by node: the bias, i1, i2, then nodes 1-3 (tlearn-round-trip.test.ts reads them back).
    expect(files.wts.split('\n').slice(0, 10)).toEqual([
      'NETWORK CONFIGURED BY TLEARN', `# weights after ${model.state!.epoch * 4} sweeps`, '# WEIGHTS', '# TO NODE 1',
      String(model.state!.biases[0][0]), String(model.state!.weights[0][0][0]), String(model.state!.weights[0][0][1]), '0', '0', '0',
    ]);
    expect(files.notes.join('\n')).toMatch(/no pattern names/);
    expect(files.notes.join('\n')).toMatch(/unit names are not written/);
  });

  it('refuses activations tlearn does not have instead of writing a different network', () => {
    const model = trainedXor();
    model.layers[1].activation = 'tanh';
    expect(() => tlearnConfig(model)).toThrow(ExportError);
    expect(() => tlearnConfig(model)).toThrow(/hidden layer "hidden" .* no tanh units/);
    model.layers[1].activation = 'relu';
    expect(() => tlearnConfig(model)).toThrow(/no ReLU units/);
  });

  it('says when the initialisation, frozen layers or the learning rule cannot be written', () => {
    const model = trainedXor();
    model.training.init = { kind: 'gaussian', sd: 0.1 };
    model.training.rule = 'feedback-alignment';
    model.layers[1].learn = false;
    const { text, notes } = tlearnConfig(model);
    expect(text).not.toMatch(/weight_limit/);
    expect(notes.join('\n')).toMatch(/gaussian initialisation cannot be written/);
    expect(notes.join('\n')).toMatch(/frozen layers/);
    expect(notes.join('\n')).toMatch(/feedback-alignment rule/);
  });

  it('writes PDP and Lens files with the don\'t-care each tool reads', () => {
    expect(exportPdpPat(trainedXor()).text).toBe('00 0 0 0\n01 0 1 1\n10 1 0 1\n11 1 1 NaN\n');
    expect(exportLensExamples(trainedXor()).text).toBe([
      '# XOR: 4 examples written by Backprop Lab',
      'name: {00} I: 0 0 T: 0;', 'name: {01} I: 0 1 T: 1;', 'name: {10} I: 1 0 T: 1;', 'name: {11} I: 1 1 T: -;', '',
    ].join('\n'));
    expect(exportPdpPat(trainedXor()).notes[0]).toMatch(/only the patterns/);
    expect(exportLensExamples(trainedXor()).notes[0]).toMatch(/only the examples/);
  });
});
