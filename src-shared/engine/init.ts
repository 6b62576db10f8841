/**
 * Initial weights, drawn from the seed's own "init" stream, and feedback alignment's fixed matrices F,
 * drawn from the "feedback" stream: nothing else a run does (pattern order, rule, update mode) can change
 * either. Both are drawn afresh from the seed, so "reset" restores exactly the same values.
 */
import type { InitSettings } from '../model/schema';
import type { Network } from './network';
import { RandomStream } from './rng';

/** One weight or bias drawn from the initialization's distribution for a layer with this fan-in and fan-out. */
function drawer(init: InitSettings, stream: RandomStream, fanIn: number, fanOut: number): { weight: () => number; bias: () => number } {
  const zero = () => 0;
  switch (init.kind) {
    case 'uniform': {
      const draw = () => (stream.uniform() - 0.5) * init.range;
      return { weight: draw, bias: draw };
    }
    case 'gaussian': {
      const draw = () => stream.gaussian() * init.sd;
      return { weight: draw, bias: draw };
    }
    case 'xavier': {
      // Glorot & Bengio (2010), uniform: variance 2/(fan-in + fan-out).
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      return { weight: () => (2 * stream.uniform() - 1) * limit, bias: zero };
    }
    case 'he': {
      // He et al. (2015), Gaussian: variance 2/fan-in, for ReLU layers.
      const sd = Math.sqrt(2 / fanIn);
      return { weight: () => stream.gaussian() * sd, bias: zero };
    }
  }
}

/** W^j row by row, then b_{j+1} (drawn only where the layer has a bias), layer by layer. */
export function initializeWeights(network: Network, settings: { seed: number; init: InitSettings }): void {
  const stream = RandomStream.forSeed(settings.seed, 'init');
  for (let j = 0; j < network.depth; j++) {
    const draw = drawer(settings.init, stream, network.sizes[j], network.sizes[j + 1]);
    const W = network.weights[j];
    for (let i = 0; i < W.length; i++) W[i] = draw.weight();
    const b = network.biases[j];
    const useBias = network.hasBias[j + 1];
    for (let i = 0; i < b.length; i++) b[i] = useBias ? draw.bias() : 0;
  }
}

/**
 * F^j for j = 1 … D−1, shaped like W^j and drawn like it (same initialization); F^0 is empty because no
 * delta is sent to the input layer.
 */
export function drawFeedback(network: Network, settings: { seed: number; init: InitSettings }): Float64Array[] {
  const stream = RandomStream.forSeed(settings.seed, 'feedback');
  const feedback: Float64Array[] = [new Float64Array(0)];
  for (let j = 1; j < network.depth; j++) {
    const draw = drawer(settings.init, stream, network.sizes[j], network.sizes[j + 1]);
    const F = new Float64Array(network.weights[j].length);
    for (let i = 0; i < F.length; i++) F[i] = draw.weight();
    feedback.push(F);
  }
  return feedback;
}
