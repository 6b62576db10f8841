/** Small model documents for the export tests, checked by the app's own loader so they stay valid. */
import { expect } from 'vitest';
import { createModel } from '../../../src-shared/model/create';
import { parseModel } from '../../../src-shared/model/parse';
import type { LayerSpec, ModelDocument, Pattern } from '../../../src-shared/model/schema';

const layer = (kind: LayerSpec['kind'], name: string, units: number, activation: LayerSpec['activation'] = 'logistic'): LayerSpec => ({
  kind, name, units, activation, bias: kind !== 'input',
});

export const xorPatterns: Pattern[] = [
  { name: '00', input: [0, 0], target: [0] },
  { name: '01', input: [0, 1], target: [1] },
  { name: '10', input: [1, 0], target: [1] },
  { name: '11', input: [1, 1], target: [null] },
];

/** XOR with weights set by hand (an OR unit and an AND unit), trained for three pretend epochs. */
export function trainedXor(): ModelDocument {
  const model = createModel({
    name: 'XOR',
    description: 'hand-set weights',
    layers: [layer('input', 'input', 2), layer('hidden', 'hidden', 2), layer('output', 'output', 1)],
    patterns: xorPatterns,
  });
  model.layers[0].unitNames = ['a', 'b'];
  model.state = {
    epoch: 3,
    weights: [[[6, 6], [4, 4]], [[8, -8]]],
    biases: [[-3, -6], [-4]],
    weightMomentum: [[[0, 0], [0, 0]], [[0, 0]]],
    biasMomentum: [[0, 0], [0]],
    orderStream: [1, 2, 3, 4],
    cursor: null,
    tssHistory: [1.5, 1.25, 0.5],
    correctHistory: [0.25, 0.5, 1],
  };
  return valid(model);
}

export function valid(model: ModelDocument): ModelDocument {
  const parsed = parseModel(JSON.parse(JSON.stringify(model)));
  expect(parsed).toMatchObject({ ok: true });
  return model;
}

export const logistic = (x: number) => 1 / (1 + Math.exp(-x));
