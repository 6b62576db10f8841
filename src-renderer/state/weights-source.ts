/**
 * Which weights the Weights tab shows, and what to say about them: the trainer's latest (live while
 * training), else the ones the document holds, else none yet. Weights whose shapes no longer fit the
 * layers (a view from before an architecture edit) are never shown.
 */
import type { LayerSpec, NetworkState } from '../../src-shared/model/schema';
import { weightsFitLayers } from './hinton';

/** The trainer's latest weights (the session's LiveWeights): W^j out × in, b_{j+1}, and their epoch. */
export interface LiveWeights {
  epoch: number;
  weights: number[][][];
  biases: number[][];
}

export interface ShownWeights extends LiveWeights {
  /** initial: epoch 0, the seed's own weights; trained: from the trainer; saved: the document's, awaiting the trainer. */
  origin: 'initial' | 'trained' | 'saved';
}

export function weightsToShow(layers: readonly LayerSpec[], live: LiveWeights | null, saved: NetworkState | null): ShownWeights | null {
  if (live && weightsFitLayers(layers, live.weights)) return { ...live, origin: live.epoch === 0 ? 'initial' : 'trained' };
  if (saved && weightsFitLayers(layers, saved.weights)) {
    return { epoch: saved.epoch, weights: saved.weights, biases: saved.biases, origin: saved.epoch === 0 ? 'initial' : 'saved' };
  }
  return null;
}
