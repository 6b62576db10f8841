/** Random graph networks for the graph path's tests (graph-run.test.ts, graph-fast.test.ts). */
import { createModel } from '../../../src-shared/model/create';
import type { ActivationName, LayerSpec, LossName, ModelDocument, ProjectionSpec } from '../../../src-shared/model/schema';
import { checked, randomPatterns, testRandom } from './helpers';

const hiddenActivations: ActivationName[] = ['logistic', 'tanh', 'linear'];

/**
 * A random acyclic graph: 1–2 input layers, 1–3 hidden, 1–2 output layers (a non-last output may feed a
 * later layer), projections only from a lower to a higher index, every layer fed and feeding, skips likely.
 * `wide`: each layer 3u + 2 units instead of u (so the kernels' groups of four rows and columns are used).
 */
export function randomGraph(seed: number, loss: LossName, frozen: boolean, wide = false): ModelDocument {
  const rand = testRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const inputs = 1 + Math.floor(rand() * 2);
  const hidden = 1 + Math.floor(rand() * 3);
  const outputs = 1 + Math.floor(rand() * 2);
  const width = (units: number) => (wide ? 3 * units + 2 : units);
  const outActivation: ActivationName = loss === 'cross-entropy' ? 'logistic' : pick(['logistic', 'linear']);
  const layers: LayerSpec[] = [
    ...Array.from({ length: inputs }, (_, i): LayerSpec => ({ kind: 'input', name: `in ${i}`, units: width(1 + Math.floor(rand() * 3)), activation: 'linear', bias: false })),
    ...Array.from({ length: hidden }, (_, i): LayerSpec => ({ kind: 'hidden', name: `hidden ${i}`, units: width(1 + Math.floor(rand() * 4)), activation: pick(hiddenActivations), bias: rand() < 0.8 })),
    ...Array.from({ length: outputs }, (_, i): LayerSpec => ({ kind: 'output', name: `out ${i}`, units: width(1 + Math.floor(rand() * 3)), activation: outActivation, bias: true })),
  ];
  const L = layers.length;
  const has = new Set<string>();
  const projections: ProjectionSpec[] = [];
  const add = (from: number, to: number) => {
    if (has.has(`${from}>${to}`)) return;
    has.add(`${from}>${to}`);
    projections.push({ from, to });
  };
  // Every non-input layer fed from a lower layer; every non-last layer feeding a higher non-input one.
  for (let g = inputs; g < L; g++) add(Math.floor(rand() * g), g);
  for (let g = 0; g < L - 1; g++) {
    if (layers[g].kind === 'output' && rand() < 0.5) continue;
    if (!projections.some((p) => p.from === g)) add(g, Math.max(inputs, g + 1) + Math.floor(rand() * (L - Math.max(inputs, g + 1))));
  }
  for (let k = 0; k < 4; k++) {
    const from = Math.floor(rand() * (L - 1));
    const to = Math.max(inputs, from + 1) + Math.floor(rand() * (L - Math.max(inputs, from + 1)));
    if (to < L && to > from) add(from, to);
  }
  // An input layer's every unit is used; a layer above an unfed input cannot happen (inputs have index < inputs).
  for (let g = 0; g < inputs; g++) if (!projections.some((p) => p.from === g)) add(g, inputs);
  if (frozen) projections[Math.floor(rand() * projections.length)].learn = false;
  // Shuffle the list so the model's order is not the topological one.
  projections.sort(() => rand() - 0.5);
  const inUnits = layers.filter((l) => l.kind === 'input').reduce((s, l) => s + l.units, 0);
  const outUnits = layers.filter((l) => l.kind === 'output').reduce((s, l) => s + l.units, 0);
  return checked(createModel({
    name: `graph ${seed}`, description: '', layers, projections,
    patterns: randomPatterns(inUnits, outUnits, { count: 4, seed, dontCare: 0.15 }),
    training: { loss, init: { kind: 'uniform', range: 2 }, seed, errorCriterion: 0, maxEpochs: 1e9 },
  }));
}

