/**
 * Which code presents a run's patterns — the one place the engine chooses between the reference maths and
 * its fast paths for a whole call. Every choice gives the same bits (the tests hold each fast path to the
 * general one); only the speed differs. Within a block pass, block.ts still picks each product's kernel
 * per call (WebAssembly when the arrays are in the arena, sparse when the data are mostly zeros), because
 * that depends on the values, not the settings.
 */
import { LOGISTIC } from '../activations';
import { SQUARED_ERROR, type LossCode } from '../losses';
import type { Network } from '../network';
import type { UpdateSettings } from '../optimizer';

/**
 * - `classic`: online, OnlinePath.presentClassic — the one-hidden-layer logistic network of the lecture in
 *   one function (in WebAssembly where the arena holds its arrays);
 * - `online`: online, OnlinePath.present — any network, pattern by pattern;
 * - `block`: batch and minibatch, BlockPass — several patterns at once, the gradient summed.
 */
export type PresentationPlan = 'classic' | 'online' | 'block';

export function choosePlan(
  network: Network, settings: UpdateSettings & { update: 'online' | 'batch' | 'minibatch' }, loss: LossCode,
  backwardMatrices: readonly Float64Array[],
): PresentationPlan {
  if (settings.update !== 'online') return 'block';
  return isClassicNetwork(network, loss, backwardMatrices, settings) ? 'classic' : 'online';
}

/**
 * One hidden layer of logistic units and logistic outputs, both with biases and learning, squared error,
 * backpropagation (B = W), no weight decay: what OnlinePath.presentClassic computes.
 */
export function isClassicNetwork(network: Network, loss: LossCode, backwardMatrices: readonly Float64Array[], settings: UpdateSettings): boolean {
  const net = network;
  return net.depth === 2 && loss === SQUARED_ERROR && settings.weightDecay === 0 && backwardMatrices[1] === net.weights[1] &&
    net.codes[1] === LOGISTIC && net.codes[2] === LOGISTIC && net.hasBias[1] && net.hasBias[2] && net.learns[1] && net.learns[2];
}
