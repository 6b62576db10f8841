/**
 * A graph network's initial weights and feedback matrices, drawn from the seed's "init" and "feedback"
 * streams (../init.ts) in a fixed order: layer by layer in the topological order, each layer's incoming
 * projections in the model's order and then its bias — for a chain the chain engine's order, so a chain
 * written as explicit projections starts from the same weights. A projection's fan-in for Xavier and He is
 * its layer's whole fan-in (all the units feeding it); a projection with its own `init` draws from that.
 */
import type { InitSettings } from '../../model/schema';
import { RandomStream } from '../rng';
import type { GraphNetwork } from './graph-network';

function draw(init: InitSettings, stream: RandomStream, fanIn: number, fanOut: number): number {
  switch (init.kind) {
    case 'uniform': return (stream.uniform() - 0.5) * init.range;
    case 'gaussian': return stream.gaussian() * init.sd;
    case 'xavier': return (2 * stream.uniform() - 1) * Math.sqrt(6 / (fanIn + fanOut));
    case 'he': return stream.gaussian() * Math.sqrt(2 / fanIn);
  }
}

const fanIn = (network: GraphNetwork, g: number) => network.into[g].reduce((sum, q) => sum + network.sizes[network.projections[q].from], 0);

export function initializeGraphWeights(network: GraphNetwork, settings: { seed: number; init: InitSettings }): void {
  const stream = RandomStream.forSeed(settings.seed, 'init');
  for (const g of network.order) {
    if (network.layers[g].kind === 'input') continue;
    const fan = fanIn(network, g);
    for (const q of network.into[g]) {
      const init = network.projections[q].init ?? settings.init;
      const W = network.weights[q];
      for (let i = 0; i < W.length; i++) W[i] = draw(init, stream, fan, network.sizes[g]);
    }
    const b = network.biases[network.biasIndex[g]];
    // Xavier and He start biases at 0 and draw nothing for them (as ../init.ts does).
    const drawsBias = network.layers[g].bias && (settings.init.kind === 'uniform' || settings.init.kind === 'gaussian');
    for (let i = 0; i < b.length; i++) b[i] = drawsBias ? draw(settings.init, stream, fan, network.sizes[g]) : 0;
  }
}

/** F_p per projection, shaped like W_p and drawn like it; empty for a projection from an input layer (no delta goes there). */
export function drawGraphFeedback(network: GraphNetwork, settings: { seed: number; init: InitSettings }): Float64Array[] {
  const stream = RandomStream.forSeed(settings.seed, 'feedback');
  const feedback: Float64Array[] = network.projections.map(() => new Float64Array(0));
  for (const g of network.order) {
    if (network.layers[g].kind === 'input') continue;
    const fan = fanIn(network, g);
    for (const q of network.into[g]) {
      const p = network.projections[q];
      if (network.layers[p.from].kind === 'input') continue;
      const F = new Float64Array(network.weights[q].length);
      for (let i = 0; i < F.length; i++) F[i] = draw(p.init ?? settings.init, stream, fan, network.sizes[g]);
      feedback[q] = F;
    }
  }
  return feedback;
}
