/**
 * The loss L summed over a pattern set and its gradient ∂L/∂W, ∂L/∂b with the current weights, computed by
 * the same block passes training uses. For tests (finite differences, tfjs) and for analyses; training never
 * calls these.
 */
import { BlockPass } from './fast/block';
import { patternLoss, type LossCode } from './losses';
import { layerViews, parameterCount, type LayerViews, type Network } from './network';
import type { PatternSet } from './patterns';

export function totalLoss(network: Network, data: PatternSet, loss: LossCode): number {
  const D = network.depth;
  const outUnits = network.sizes[D];
  let L = 0;
  for (let p = 0; p < data.count; p++) {
    network.forward(data.inputs, p * network.sizes[0]);
    L += patternLoss(loss, network.codes[D], network.net[D], network.act[D], data.targets.subarray(p * outUnits, (p + 1) * outUnits));
  }
  return L;
}

/**
 * g = Σ_p ∂L_p/∂W for every layer (learning or not), deltas sent back through `backwardMatrices` (W for
 * backpropagation, F for feedback alignment — then it is the rule's update direction, not the gradient).
 */
export function summedGradient(network: Network, data: PatternSet, loss: LossCode, backwardMatrices: readonly Float64Array[]): LayerViews {
  const gradient = layerViews(network.sizes, new Float64Array(parameterCount(network.sizes)));
  const block = new BlockPass(network, Math.min(128, data.count));
  for (let start = 0; start < data.count; start += block.capacity) {
    const count = Math.min(block.capacity, data.count - start);
    block.gather(data.inputs, data.targets, null, start, count);
    block.forward(count);
    block.outputDeltas(count, loss, 0);
    block.backward(count, backwardMatrices, 1);
    block.accumulate(count, gradient, start === 0, true);
  }
  return gradient;
}
