/**
 * The largest network the format allows, as the save tests (command line and web build) need it:
 * 3070 → 1024 → 1024, so 1024 · 3071 + 1024 · 1025 = MAX_WEIGHTS weights and biases, trained one epoch online
 * with feedback alignment and momentum (so it holds momentum and a 1024 × 1024 F), its history then made full
 * (epoch 65,535 of 65,536 entries).
 */
import { Simulation } from '../../src-shared/engine/simulation';
import { HISTORY_CAPACITY } from '../../src-shared/model/epoch-history';
import { createModel } from '../../src-shared/model/create';
import { MAX_WEIGHTS, type ModelDocument } from '../../src-shared/model/schema';

export function largestTrainedModel(): ModelDocument {
  const sizes = [3070, 1024, 1024];
  const model = createModel({
    name: 'Largest', description: '',
    layers: sizes.map((units, j) => ({ kind: (['input', 'hidden', 'output'] as const)[j], name: `layer ${j}`, units, activation: 'logistic' as const, bias: true })),
    patterns: [0, 1].map((p) => ({ name: `p${p}`, input: Array.from({ length: 3070 }, (_, i) => ((i + p) % 3) / 2), target: Array.from({ length: 1024 }, (_, k) => (k + p) % 2) })),
    training: { rule: 'feedback-alignment', update: 'online', momentum: 0.9, learningRate: 0.05, init: { kind: 'uniform', range: 0.1 }, errorCriterion: 0, maxEpochs: 1e9 },
  });
  const weights = model.layers.slice(1).reduce((sum, layer, j) => sum + layer.units * (model.layers[j].units + 1), 0);
  if (weights !== MAX_WEIGHTS) throw new Error(`the largest model has ${weights} weights, not MAX_WEIGHTS (${MAX_WEIGHTS})`);
  const simulation = new Simulation(model);
  simulation.advance(2);
  const trained = simulation.toModel();
  const epochs = HISTORY_CAPACITY - 1;
  const history = Array.from({ length: epochs }, (_, i) => 1 / (i + 3));
  return { ...trained, state: { ...trained.state!, epoch: epochs, tssHistory: history, correctHistory: history.map(() => 0.5) } };
}
