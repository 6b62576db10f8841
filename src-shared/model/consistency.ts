/**
 * The checks a schema cannot express alone: the layer list's shape, patterns that fit the layers, and
 * saved weights that fit the architecture. Shared by the file loader and (later) the builder.
 */
import type { ModelDocument } from './schema';

export interface ModelProblem {
  /** Field path in the document, e.g. `patterns[3].target`. */
  path: string;
  message: string;
}

export function checkConsistency(model: ModelDocument): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const { layers } = model;
  layers.forEach((layer, index) => {
    const expected = index === 0 ? 'input' : index === layers.length - 1 ? 'output' : 'hidden';
    if (layer.kind !== expected) {
      problems.push({ path: `layers[${index}].kind`, message: `must be "${expected}" (layer ${index} of ${layers.length})` });
    }
  });
  const inputUnits = layers[0].units;
  const outputUnits = layers[layers.length - 1].units;
  model.patterns.forEach((pattern, index) => {
    if (pattern.input.length !== inputUnits) {
      problems.push({ path: `patterns[${index}].input`, message: `has ${pattern.input.length} values but the input layer has ${inputUnits} units` });
    }
    if (pattern.target.length !== outputUnits) {
      problems.push({ path: `patterns[${index}].target`, message: `has ${pattern.target.length} values but the output layer has ${outputUnits} units` });
    }
  });
  if (model.state) problems.push(...checkStateShape(model));
  return problems;
}

function checkStateShape(model: ModelDocument): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const state = model.state!;
  const projections = model.layers.length - 1;
  const matrices = ['weights', 'weightMomentum'] as const;
  const vectors = ['biases', 'biasMomentum'] as const;
  for (const field of [...matrices, ...vectors]) {
    if (state[field].length !== projections) {
      problems.push({ path: `state.${field}`, message: `has ${state[field].length} entries but the network has ${projections} weight layers` });
    }
  }
  if (problems.length > 0) return problems;
  for (let j = 0; j < projections; j++) {
    const rows = model.layers[j + 1].units;
    const cols = model.layers[j].units;
    for (const field of matrices) {
      const matrix = state[field][j];
      if (matrix.length !== rows) {
        problems.push({ path: `state.${field}[${j}]`, message: `has ${matrix.length} rows but layer ${j + 1} has ${rows} units` });
        continue;
      }
      matrix.forEach((row, r) => {
        if (row.length !== cols) {
          problems.push({ path: `state.${field}[${j}][${r}]`, message: `has ${row.length} columns but layer ${j} has ${cols} units` });
        }
      });
    }
    for (const field of vectors) {
      if (state[field][j].length !== rows) {
        problems.push({ path: `state.${field}[${j}]`, message: `has ${state[field][j].length} values but layer ${j + 1} has ${rows} units` });
      }
    }
  }
  const cursor = state.cursor;
  if (cursor) {
    const count = model.patterns.length;
    const sorted = [...cursor.order].sort((a, b) => a - b);
    if (cursor.order.length !== count || sorted.some((v, i) => v !== i)) {
      problems.push({ path: 'state.cursor.order', message: `must be a permutation of the ${count} pattern indices` });
    } else if (cursor.position > count) {
      problems.push({ path: 'state.cursor.position', message: `is past the ${count} patterns` });
    }
  }
  if (state.tssHistory.length !== state.epoch) {
    problems.push({ path: 'state.tssHistory', message: `has ${state.tssHistory.length} entries but the model has trained ${state.epoch} epochs` });
  }
  if (state.correctHistory.length !== state.epoch) {
    problems.push({ path: 'state.correctHistory', message: `has ${state.correctHistory.length} entries but the model has trained ${state.epoch} epochs` });
  }
  if (state.orderStream.length !== 4) {
    problems.push({ path: 'state.orderStream', message: 'must hold the 4 numbers of a xoroshiro128+ state' });
  }
  return problems;
}
