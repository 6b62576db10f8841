/**
 * Which weights the Representations tab analyses: weightsToShow's choice (the trainer's latest, else the
 * document's), with shapes checked per projection, so a graph network's weights (one matrix per projection,
 * in the model's order) are shown as well as a chain's.
 */
import { networkGraph } from '../../src-shared/model/graph';
import type { ModelDocument, NetworkState } from '../../src-shared/model/schema';
import { weightsToShow, type LiveWeights, type ShownWeights } from './weights-source';

type Matrices = readonly (readonly (readonly number[])[])[];

export function representationWeights(model: Pick<ModelDocument, 'layers' | 'projections'>, live: LiveWeights | null, saved: NetworkState | null): ShownWeights | null {
  if (!model.projections) return weightsToShow(model.layers, live, saved);
  const { projections } = networkGraph(model);
  const units = (g: number) => model.layers[g].units;
  const fits = (weights: Matrices) => weights.length === projections.length
    && weights.every((matrix, q) => matrix.length === units(projections[q].to) && matrix.every((row) => row.length === units(projections[q].from)));
  if (live && fits(live.weights)) return { ...live, origin: live.epoch === 0 ? 'initial' : 'trained' };
  if (saved && fits(saved.weights)) return { epoch: saved.epoch, weights: saved.weights, biases: saved.biases, origin: saved.epoch === 0 ? 'initial' : 'saved' };
  return null;
}
