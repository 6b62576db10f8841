/**
 * The table and tlearn exports of a graph network (issue 13): every layer's activations, every projection's
 * weights named after its two layers, a tlearn .cf whose connections run between node ranges and that our
 * tlearn importer reads back as the same network, and a .pat with the input layers' columns then the
 * output layers'. Activations are checked against a forward pass written here from the weights alone.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { exportModel, layerChoices } from '../../../src-shared/data/export';
import { ExportError } from '../../../src-shared/data/export/export-error';
import { hiddenActivationsCsv } from '../../../src-shared/data/export/hidden-csv';
import { outputsCsv } from '../../../src-shared/data/export/outputs-csv';
import { exportPdpPat } from '../../../src-shared/data/export/pdp-pat';
import { exportTlearn } from '../../../src-shared/data/export/tlearn';
import { weightsCsv } from '../../../src-shared/data/export/weights-csv';
import { prepareModelExport } from '../../../src-renderer/files/model-export';
import { importTlearnConfig } from '../../../src-shared/data/import/tlearn-cf';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import type { ModelDocument } from '../../../src-shared/model/schema';

const table = (csv: string) => Papa.parse<string[]>(csv.trimEnd()).data;
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

function trained(id: string, epochs: number): ModelDocument {
  const run = new GraphRun(findExample(id)!.build());
  run.advance(Number.MAX_SAFE_INTEGER, epochs);
  return run.toModel();
}

/** The 2-1-1 XOR's hidden and output activations from its saved weights, computed here. */
function xorReference(model: ModelDocument, x: number[]) {
  const [toHidden, skip, fromHidden] = model.state!.weights;
  const [[bh], [bo]] = model.state!.biases;
  const h = logistic(toHidden[0][0] * x[0] + toHidden[0][1] * x[1] + bh);
  const o = logistic(bo + skip[0][0] * x[0] + skip[0][1] * x[1] + fromHidden[0][0] * h);
  return { h, o };
}

describe('table exports of a graph network', () => {
  const xor = trained('xor-2-1-1', 200);

  it('writes the hidden layer\'s activations and the outputs as a forward pass through every projection gives them', () => {
    const [hiddenHeader, ...hiddenRows] = table(hiddenActivationsCsv(xor));
    expect(hiddenHeader).toEqual(['pattern', 'hidden_1']);
    const [header, ...rows] = table(outputsCsv(xor));
    expect(header).toEqual(['pattern', 'input_1', 'input_2', 'target_output_1', 'output_output_1', 'pss']);
    xor.patterns.forEach((pattern, p) => {
      const { h, o } = xorReference(xor, pattern.input);
      expect(Number(hiddenRows[p][1])).toBeCloseTo(h, 13);
      expect(Number(rows[p][4])).toBeCloseTo(o, 13);
      expect(Number(rows[p][5])).toBeCloseTo((pattern.target[0]! - o) ** 2, 13);
    });
  });

  it('writes each projection\'s weights, receiving × sending units named after its two layers, with the receiving layer\'s bias', () => {
    const choices = layerChoices(xor, 'weights');
    expect(choices.map((c) => c.label)).toEqual(['projection 0: input → hidden', 'projection 1: input → output', 'projection 2: hidden → output']);
    const skip = table(weightsCsv(xor, 1));
    expect(skip[0]).toEqual(['unit', 'input_1', 'input_2', 'bias']);
    expect(skip.slice(1).map((row) => row.slice(1).map(Number))).toEqual([[...xor.state!.weights[1][0], xor.state!.biases[1][0]]]);
    const fromHidden = table(weightsCsv(xor, 2));
    expect(fromHidden).toEqual([['unit', 'hidden_1', 'bias'], ['output_1', String(xor.state!.weights[2][0][0]), String(xor.state!.biases[1][0])]]);
    expect(() => weightsCsv(xor, 3)).toThrow(new ExportError('there is no projection 3: the network has projections 0 to 2'));
  });

  it('writes every layer of the Rumelhart graph: both hidden layers side by side, the outputs after both input layers', () => {
    const rumelhart = trained('rumelhart-graph', 3);
    const [header, ...rows] = table(hiddenActivationsCsv(rumelhart));
    expect(header.length).toBe(1 + 8 + 15);
    expect(header.slice(0, 3)).toEqual(['pattern', 'representation_1', 'representation_2']);
    expect(rows.length).toBe(rumelhart.patterns.length);
    // The representation depends on the item alone: two patterns of one item (different relations) share it.
    const item = (p: number) => rumelhart.patterns[p].input.slice(0, 8).join('');
    const sameItem = rumelhart.patterns.findIndex((_, p) => p > 0 && item(p) === item(0));
    expect(rows[sameItem].slice(1, 9)).toEqual(rows[0].slice(1, 9));
    expect(rows[sameItem].slice(9)).not.toEqual(rows[0].slice(9));
    const outputs = table(outputsCsv(rumelhart))[0];
    expect(outputs.slice(1, 13)).toEqual([...rumelhart.layers[0].unitNames!, ...rumelhart.layers[1].unitNames!]);
    const weights = layerChoices(rumelhart, 'weights').map((c) => c.label);
    expect(weights).toEqual([
      'projection 0: item → representation', 'projection 1: representation → hidden', 'projection 2: relation → hidden', 'projection 3: hidden → attributes',
    ]);
    expect(table(weightsCsv(rumelhart, 2))[0]).toEqual(['unit', ...rumelhart.layers[1].unitNames!, 'bias']);
  });
});

describe('tlearn and PDP exports of a graph network', () => {
  it('writes the 2-1-1 XOR\'s .cf as the tlearn manual writes it, connections between node ranges', () => {
    const { cf } = exportTlearn(findExample('xor-2-1-1')!.build());
    expect(cf).toBe([
      'NODES:', 'nodes = 2', 'inputs = 2', 'outputs = 1', 'output node is 2',
      'CONNECTIONS:', 'groups = 0', '1 from i1-i2', '2 from i1-i2', '2 from 1', '1 from 0', '2 from 0',
      'SPECIAL:', 'weight_limit = 0.5', 'selected = 1-2', '',
    ].join('\n'));
  });

  for (const id of ['xor-2-1-1', 'rumelhart-graph']) {
    it(`writes a .cf our tlearn importer reads back as the same ${id} network`, () => {
      const model = findExample(id)!.build();
      const back = importTlearnConfig(exportTlearn(model).cf);
      const shape = (layers: { kind: string; units: number; activation: string; bias: boolean }[], projections: { from: number; to: number }[]) =>
        projections.map(({ from, to }) => [from, to].map((j) => `${layers[j].kind} ${layers[j].units} ${layers[j].activation} ${layers[j].bias}`).join(' → ')).sort();
      expect(back.projections).toBeDefined();
      expect(shape(back.layers, back.projections!)).toEqual(shape(model.layers, model.projections!));
      expect(back.layers.length).toBe(model.layers.length);
    });
  }

  it('refuses an activation tlearn lacks, naming the layer', () => {
    const model = findExample('xor-2-1-1')!.build();
    model.layers[1] = { ...model.layers[1], activation: 'tanh' };
    expect(() => exportTlearn(model)).toThrow(/the hidden layer "hidden" cannot be written as a tlearn \.cf: tlearn has no tanh units/);
  });

  it('writes a .pat with the input layers\' columns, in layer order, then the output layers\'', () => {
    const model = findExample('rumelhart-graph')!.build();
    const lines = exportPdpPat(model).text.trimEnd().split('\n');
    expect(lines.length).toBe(model.patterns.length);
    lines.forEach((line, p) => {
      const { input, target } = model.patterns[p];
      const values = line.split(' ').slice(1).map(Number);
      expect(values.length).toBe(8 + 4 + 26);
      expect(values.slice(0, 8)).toEqual(input.slice(0, 8));
      expect(values.slice(8, 12)).toEqual(input.slice(8));
      expect(values.slice(12)).toEqual(target);
    });
    expect(exportModel(model, 'pat').files[0].extension).toBe('pat');
  });
});

describe('File → Export of a graph network', () => {
  it('names a projection\'s weights file after its two layers, and writes the Lens .ex with the input layers\' values in layer order', () => {
    const model = findExample('rumelhart-graph')!.build();
    const weights = prepareModelExport(model, 'weights', 2);
    expect(weights.ok && weights.names).toEqual(['Rumelhart network- living things-weights-relation-hidden.csv', 'Rumelhart network- living things-weights-relation-hidden.provenance.json']);
    const lens = prepareModelExport(model, 'ex', undefined);
    expect(lens).toMatchObject({ ok: true, names: ['Rumelhart network- living things.ex', 'Rumelhart network- living things.provenance.json'] });
    const [item, relation] = [model.patterns[0].input.slice(0, 8), model.patterns[0].input.slice(8)];
    expect((exportModel(model, 'ex').files[0] as { text: string }).text).toContain(`I: ${[...item, ...relation].join(' ')} T: `);
  });
});
