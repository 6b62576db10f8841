/** Initial weights, drawn from the seed's own "init" stream so nothing else the run does can change them. */
import type { TrainingSettings } from '../model/schema';
import type { Network } from './network';
import { RandomStream } from './rng';

export function initializeWeights(network: Network, settings: Pick<TrainingSettings, 'seed' | 'init'>): void {
  const stream = RandomStream.forSeed(settings.seed, 'init');
  const { range } = settings.init;
  for (let j = 0; j < network.depth; j++) {
    const W = network.weights[j];
    for (let i = 0; i < W.length; i++) W[i] = (stream.uniform() - 0.5) * range;
    const b = network.biases[j];
    const useBias = network.hasBias[j + 1];
    for (let i = 0; i < b.length; i++) b[i] = useBias ? (stream.uniform() - 0.5) * range : 0;
  }
}
