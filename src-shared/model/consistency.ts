/**
 * The checks a schema cannot express alone: the layer list's shape, a rule, loss and output activation that
 * fit together, patterns that fit the layers, and saved state that fits the architecture and the settings.
 * Shared by the file loader and the builder.
 */
import { MAX_WEIGHTS, type ModelDocument, type NetworkState, type Pattern } from './schema';
import { historyLength } from './epoch-history';
import { findCycle, networkGraph } from './graph';
import { checkRecurrence, checkRecurrentState } from './recurrence';
import { modelAtSnapshot } from './snapshots';
import { checkDamage } from './damage';

export interface ModelProblem {
  /** Field path in the document, e.g. `patterns[3].target`. */
  path: string;
  message: string;
}

export function checkConsistency(model: ModelDocument): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const { layers } = model;
  layers.forEach((layer, index) => {
    if (!model.projections) {
      const expected = index === 0 ? 'input' : index === layers.length - 1 ? 'output' : 'hidden';
      if (layer.kind !== expected) {
        problems.push({ path: `layers[${index}].kind`, message: `must be "${expected}" (layer ${index} of ${layers.length})` });
      }
    }
    if (layer.unitNames && layer.unitNames.length !== layer.units) {
      problems.push({ path: `layers[${index}].unitNames`, message: `has ${layer.unitNames.length} names but the layer has ${layer.units} units` });
    }
    if (layer.activation === 'softmax' && layer.kind !== 'output') {
      problems.push({ path: `layers[${index}].activation`, message: 'softmax normalizes a whole layer: use it only on the output layer' });
    }
  });
  // Nothing below can be checked against a graph that is not one.
  const graphProblems = model.projections ? checkGraph(model) : [];
  appendAll(problems, graphProblems);
  if (graphProblems.length > 0) return problems;
  const recurrenceProblems = checkRecurrence(model);
  appendAll(problems, recurrenceProblems);
  if (recurrenceProblems.length > 0) return problems;
  const weights = networkGraph(model).projections.reduce((sum, p) => sum + layers[p.to].units * layers[p.from].units, 0)
    + layers.reduce((sum, layer) => sum + (layer.kind === 'input' ? 0 : layer.units), 0);
  if (weights > MAX_WEIGHTS) {
    // Each layer may be legal while the whole would exhaust memory: refuse before anything is allocated.
    problems.push({ path: 'layers', message: `would need ${weights.toLocaleString('en')} weights; the app accepts at most ${MAX_WEIGHTS.toLocaleString('en')}` });
    return problems;
  }
  appendAll(problems, checkLearning(model));
  appendAll(problems, checkPatterns(model, 'patterns', model.patterns));
  if (model.testPatterns) appendAll(problems, checkPatterns(model, 'testPatterns', model.testPatterns));
  if (model.state) appendAll(problems, checkStateShape(model));
  if (model.state?.snapshots && problems.length === 0) appendAll(problems, checkSnapshots(model));
  if (model.damage) appendAll(problems, checkDamage(model));
  return problems;
}

/** Each snapshot (version 5): in order, at an epoch's end, and a state and settings that fit the network as the run's own state must. */
function checkSnapshots(model: ModelDocument): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const state = model.state!;
  const snapshots = state.snapshots!;
  snapshots.forEach((snapshot, i) => {
    const path = `state.snapshots[${i}]`;
    if (snapshot.epoch > state.epoch) problems.push({ path: `${path}.epoch`, message: `is ${snapshot.epoch}: after the ${state.epoch} epochs the run has trained` });
    else if (i > 0 && snapshot.epoch <= snapshots[i - 1].epoch) problems.push({ path: `${path}.epoch`, message: `is ${snapshot.epoch}: snapshots go oldest first, each at a later epoch than the one before (${snapshots[i - 1].epoch})` });
    else if (snapshot.cursor !== null) problems.push({ path: `${path}.cursor`, message: 'must be null: a snapshot is taken at the end of an epoch' });
    else {
      const continued = modelAtSnapshot(model, snapshot.epoch);
      const at = { ...continued, state: { ...continued.state!, snapshots: undefined } };
      for (const problem of [...checkLearning(at), ...checkStateShape(at)]) {
        problems.push({ path: problem.path.replace(/^state\./, `${path}.`).replace(/^training\./, `${path}.training.`), message: problem.message });
      }
    }
  });
  return problems;
}

/** "layer 2 (Hidden)": how the app names a layer. */
function layerName(model: ModelDocument, index: number): string {
  const name = model.layers[index].name;
  return name ? `layer ${index} (${name})` : `layer ${index}`;
}

/**
 * Explicit projections must form an acyclic graph the data can flow through: every projection between two
 * layers that exist, at most one per pair, none into an input layer; every other layer fed, every layer
 * but an output one feeding another, and nothing leaving a softmax layer (its δ has no elementwise f').
 */
function checkGraph(model: ModelDocument): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const { layers } = model;
  const projections = model.projections!;
  const seen = new Set<string>();
  projections.forEach((p, index) => {
    const path = `projections[${index}]`;
    for (const end of ['from', 'to'] as const) {
      if (p[end] >= layers.length) problems.push({ path: `${path}.${end}`, message: `is ${p[end]}, but the network has only ${layers.length} layers (0 to ${layers.length - 1})` });
    }
    if (p.from >= layers.length || p.to >= layers.length) return;
    const key = `${p.from}>${p.to}`;
    if (p.from === p.to) problems.push({ path, message: `projects ${layerName(model, p.from)} into itself: a loop needs a time-delayed copy into a context layer (links)` });
    else if (seen.has(key)) problems.push({ path, message: `repeats the projection from ${layerName(model, p.from)} to ${layerName(model, p.to)}` });
    seen.add(key);
    if (layers[p.to].kind === 'input') problems.push({ path: `${path}.to`, message: `is ${layerName(model, p.to)}, an input layer: its activity is the pattern, nothing projects into it` });
    if (layers[p.from].activation === 'softmax' && layers[p.from].kind !== 'input') {
      problems.push({ path: `${path}.from`, message: `is ${layerName(model, p.from)}, a softmax layer: nothing may project out of a softmax layer` });
    }
  });
  if (problems.length > 0) return problems;
  const cycle = findCycle(layers.length, projections.filter((p) => p.from !== p.to));
  if (cycle) {
    const names = cycle.map((i) => layers[i].name || `layer ${i}`);
    problems.push({ path: 'projections', message: `form a cycle, ${names.join(' → ')}: a loop needs a time-delayed copy into a context layer (links)` });
    return problems;
  }
  let inputs = 0;
  let outputs = 0;
  layers.forEach((layer, index) => {
    // A context layer is filled by its link (recurrence.ts checks it).
    const fed = projections.some((p) => p.to === index) || (model.links ?? []).some((link) => link.to === index);
    const feeds = projections.some((p) => p.from === index);
    if (layer.kind === 'input') inputs++;
    if (layer.kind === 'output') outputs++;
    if (layer.kind !== 'input' && !fed) problems.push({ path: `layers[${index}]`, message: `${layerName(model, index)} is fed by no projection: connect a layer to it, or remove it` });
    if (layer.kind !== 'output' && !feeds) problems.push({ path: `layers[${index}]`, message: `${layerName(model, index)} feeds no other layer: connect it to a layer, or remove it` });
  });
  if (inputs === 0) problems.push({ path: 'layers', message: 'has no input layer (kind "input")' });
  if (outputs === 0) problems.push({ path: 'layers', message: 'has no output layer (kind "output")' });
  return problems;
}

/** Rule, loss and output activation must fit together (docs/science.md, "Error and loss" and "The learning rules"). */
function checkLearning(model: ModelDocument): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const { layers, training } = model;
  const graph = networkGraph(model);
  for (const o of graph.outputs) {
    const output = layers[o];
    const outputPath = `layers[${o}].activation`;
    if (output.activation === 'softmax' && training.loss !== 'cross-entropy') {
      problems.push({ path: outputPath, message: 'softmax outputs need the cross-entropy loss: set training.loss to "cross-entropy"' });
    }
    if (training.loss === 'cross-entropy' && output.activation !== 'logistic' && output.activation !== 'softmax') {
      problems.push({ path: 'training.loss', message: `cross-entropy needs logistic or softmax outputs, not ${output.activation}` });
    }
  }
  if (training.rule === 'delta' && graph.isChain && layers.length !== 2) {
    problems.push({ path: 'training.rule', message: `the delta rule trains one layer of weights, but this network has ${layers.length - 1}: use "backprop"` });
  } else if (training.rule === 'delta' && !graph.isChain && graph.projections.some((p) => layers[p.from].kind !== 'input' || layers[p.to].kind !== 'output')) {
    problems.push({ path: 'training.rule', message: 'the delta rule trains one layer of weights, from input layers straight to output layers, but this network has more: use "backprop"' });
  }
  return problems;
}

function checkPatterns(model: ModelDocument, field: 'patterns' | 'testPatterns', patterns: readonly Pattern[]): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const { layers, training } = model;
  const graph = networkGraph(model);
  const inputUnits = graph.inputs.reduce((sum, i) => sum + layers[i].units, 0);
  const outputUnits = graph.outputs.reduce((sum, i) => sum + layers[i].units, 0);
  const inputLayers = graph.inputs.length === 1 ? 'the input layer has' : `the ${graph.inputs.length} input layers have`;
  const outputLayers = graph.outputs.length === 1 ? 'the output layer has' : `the ${graph.outputs.length} output layers have`;
  // Which target values belong to a softmax layer: its outputs are normalized together.
  const softmaxTarget = graph.outputs.flatMap((i) => Array<boolean>(layers[i].units).fill(layers[i].activation === 'softmax'));
  const crossEntropy = training.loss === 'cross-entropy';
  patterns.forEach((pattern, index) => {
    if (pattern.input.length !== inputUnits) {
      problems.push({ path: `${field}[${index}].input`, message: `has ${pattern.input.length} values but ${inputLayers} ${inputUnits} units` });
    }
    if (pattern.target.length !== outputUnits) {
      problems.push({ path: `${field}[${index}].target`, message: `has ${pattern.target.length} values but ${outputLayers} ${outputUnits} units` });
    }
    pattern.target.forEach((t, k) => {
      const path = `${field}[${index}].target[${k}]`;
      if (t === null && softmaxTarget[k]) {
        problems.push({ path, message: 'is "don\'t care", which softmax outputs cannot have (they are normalized together)' });
      } else if (t !== null && crossEntropy && (t < 0 || t > 1)) {
        problems.push({ path, message: `is ${t}; with cross-entropy every target must be between 0 and 1` });
      }
    });
  });
  return problems;
}

function checkStateShape(model: ModelDocument): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const state = model.state!;
  const { projections, biased } = networkGraph(model);
  const matrices = ['weights', 'weightMomentum'] as const;
  const vectors = ['biases', 'biasMomentum'] as const;
  const chain = !model.projections;
  for (const field of matrices) {
    if (state[field].length !== projections.length) {
      const what = chain ? 'weight layers' : 'projections';
      problems.push({ path: `state.${field}`, message: `has ${state[field].length} entries but the network has ${projections.length} ${what}` });
    }
  }
  for (const field of vectors) {
    if (state[field].length !== biased.length) {
      const what = chain ? 'weight layers' : 'layers that are not input layers';
      problems.push({ path: `state.${field}`, message: `has ${state[field].length} entries but the network has ${biased.length} ${what}` });
    }
  }
  if (problems.length > 0) return problems;
  projections.forEach((p, j) => {
    const rows = model.layers[p.to].units;
    const cols = model.layers[p.from].units;
    for (const field of matrices) {
      const matrix = state[field][j];
      if (matrix.length !== rows) {
        problems.push({ path: `state.${field}[${j}]`, message: `has ${matrix.length} rows but layer ${p.to} has ${rows} units` });
        continue;
      }
      matrix.forEach((row, r) => {
        if (row.length !== cols) {
          problems.push({ path: `state.${field}[${j}][${r}]`, message: `has ${row.length} columns but layer ${p.from} has ${cols} units` });
        }
      });
    }
  });
  biased.forEach((layer, k) => {
    const rows = model.layers[layer].units;
    for (const field of vectors) {
      if (state[field][k].length !== rows) {
        problems.push({ path: `state.${field}[${k}]`, message: `has ${state[field][k].length} values but layer ${layer} has ${rows} units` });
      }
    }
  });
  const cursor = state.cursor;
  if (cursor) {
    const count = model.patterns.length;
    const sorted = [...cursor.order].sort((a, b) => a - b);
    if (cursor.order.length !== count || sorted.some((v, i) => v !== i)) {
      problems.push({ path: 'state.cursor.order', message: `must be a permutation of the ${count} pattern indices` });
    } else if (cursor.position > count) {
      problems.push({ path: 'state.cursor.position', message: `is past the ${count} patterns` });
    } else if (cursor.correct > cursor.position) {
      problems.push({ path: 'state.cursor.correct', message: `is ${cursor.correct}, but only ${cursor.position} patterns of the epoch have been presented` });
    }
  }
  for (const key of ['tssHistory', 'correctHistory'] as const) {
    const problem = historyProblem(state[key].length, state);
    if (problem) problems.push({ path: `state.${key}`, message: problem });
  }
  appendAll(problems, checkStateExtras(model));
  if (state.orderStream.length !== 4) {
    problems.push({ path: 'state.orderStream', message: 'must hold the 4 numbers of a xoroshiro128+ state' });
  } else if (state.orderStream.every((word) => word === 0)) {
    // xoroshiro128+ never leaves the all-zero state: every "random" order would be the same.
    problems.push({ path: 'state.orderStream', message: 'is all zero, which no xoroshiro128+ generator can reach' });
  }
  appendAll(problems, checkBiaslessLayers(model));
  appendAll(problems, checkSettingChanges(model));
  appendAll(problems, checkRecurrentState(model));
  return problems;
}

/**
 * A layer without a bias must store none: the forward pass adds b whatever the layer says, and nothing
 * would ever train it.
 */
function checkBiaslessLayers(model: ModelDocument): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const state = model.state!;
  const vectors: [string, readonly (readonly number[])[] | undefined][] = [
    ['state.biases', state.biases], ['state.biasMomentum', state.biasMomentum], ['state.gradientSum.biases', state.gradientSum?.biases],
  ];
  networkGraph(model).biased.forEach((index, j) => {
    const layer = model.layers[index];
    if (layer.bias) return;
    for (const [field, values] of vectors) {
      const k = values?.[j]?.findIndex((value) => value !== 0) ?? -1;
      if (k >= 0) {
        problems.push({ path: `${field}[${j}][${k}]`, message: `is ${values![j][k]}, but layer ${index} (${layer.name}) has no bias: it must be 0` });
      }
    }
  });
  return problems;
}

/** Each setting change took effect at a point the run has passed. */
function checkSettingChanges(model: ModelDocument): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const state = model.state!;
  (state.settingChanges ?? []).forEach((change, i) => {
    if (change.epoch > state.epoch) {
      problems.push({ path: `state.settingChanges[${i}].epoch`, message: `is ${change.epoch}: a change after the ${state.epoch} epoch${state.epoch === 1 ? '' : 's'} the run has trained` });
    } else if (change.pattern > model.patterns.length) {
      problems.push({ path: `state.settingChanges[${i}].pattern`, message: `is ${change.pattern}, past the ${model.patterns.length} patterns` });
    }
  });
  return problems;
}

/** Feedback matrices, a gradient sum and the test history, where the state has them. */
function checkStateExtras(model: ModelDocument): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const state = model.state!;
  const { layers } = model;
  const { projections, biased } = networkGraph(model);
  const checkMatrix = (path: string, matrix: readonly (readonly number[])[], j: number) => {
    const rows = layers[projections[j].to].units;
    const cols = layers[projections[j].from].units;
    if (matrix.length !== rows || matrix.some((row) => row.length !== cols)) {
      problems.push({ path, message: `must be ${rows} rows of ${cols} values (layer ${projections[j].to} × layer ${projections[j].from})` });
    }
  };
  if (state.feedback) {
    if (state.feedback.length !== projections.length) {
      problems.push({ path: 'state.feedback', message: `has ${state.feedback.length} entries but the network has ${projections.length} ${model.projections ? 'projections' : 'weight layers'}` });
    } else {
      state.feedback.forEach((F, j) => {
        const fromInput = layers[projections[j].from].kind === 'input';
        if (fromInput && F.length !== 0) problems.push({ path: `state.feedback[${j}]`, message: `must be [] (no delta is sent to the input layer)` });
        else if (!fromInput) checkMatrix(`state.feedback[${j}]`, F, j);
      });
    }
  }
  const sum = state.gradientSum;
  if (sum) {
    if (sum.weights.length !== projections.length || sum.biases.length !== biased.length) {
      problems.push({ path: 'state.gradientSum', message: model.projections ? `must have ${projections.length} projections and ${biased.length} biases` : `must have ${projections.length} weight layers` });
    } else {
      sum.weights.forEach((W, j) => checkMatrix(`state.gradientSum.weights[${j}]`, W, j));
      sum.biases.forEach((b, j) => {
        const units = layers[biased[j]].units;
        if (b.length !== units) problems.push({ path: `state.gradientSum.biases[${j}]`, message: `must have ${units} values` });
      });
    }
    if (model.training.update === 'online') {
      problems.push({ path: 'state.gradientSum', message: 'must be null when training.update is "online" (every pattern is its own update)' });
    } else if (!state.cursor) {
      // Every epoch ends with an update: a sum kept beside no epoch under way would be added to the next one.
      problems.push({ path: 'state.gradientSum', message: 'must be null when no epoch is under way (state.cursor is null): every epoch ends with its update' });
    }
  } else if (state.cursor && model.training.update !== 'online') {
    const count = model.patterns.length;
    const size = model.training.update === 'batch' ? count : Math.min(model.training.batchSize, count);
    if (state.cursor.position % size !== 0 && state.cursor.position !== count) {
      problems.push({ path: 'state.gradientSum', message: `is missing: the run was saved in the middle of an update (pattern ${state.cursor.position} of an update of ${size})` });
    }
  }
  if (model.testPatterns?.length && state.testTssHistory) {
    const problem = historyProblem(state.testTssHistory.length, state);
    if (problem) problems.push({ path: 'state.testTssHistory', message: problem });
  }
  return problems;
}

/** Adds every problem found: a spread into push() would overflow the stack on a file with millions. */
function appendAll(problems: ModelProblem[], more: readonly ModelProblem[]): void {
  for (const problem of more) problems.push(problem);
}

/** What is wrong with a history of `length` entries for the state's epoch and stride, or null. */
function historyProblem(length: number, state: NetworkState): string | null {
  const stride = state.historyStride ?? 1;
  const expected = historyLength(state.epoch, stride);
  if (length === expected) return null;
  if (stride === 1) return `has ${length} entries but the model has trained ${state.epoch} epochs`;
  return `has ${length} entries but should have ${expected}: one every ${stride} epochs (historyStride) of the ${state.epoch} trained`;
}
