/**
 * Online learning, one pattern at a time: forward pass, output delta, then from the top layer down, the
 * delta below each weight layer (through W^j or F^j, read before W^j changes) and that layer's update, in
 * one pass over the weights. No gradient sum is formed, which is what makes small networks fast.
 */
import { multiplyByDerivative } from './activations';
import { outputDeltas, type LossCode } from './losses';
import type { LayerViews, Network } from './network';
import { applyPatternUpdate, type UpdateSettings } from './optimizer';

export class OnlinePath {
  private readonly pss = new Float64Array(1);
  private readonly correct = new Uint8Array(1);

  constructor(private readonly network: Network, private readonly momentum: LayerViews) {}

  /** Whether the last pattern presented was correct within the margin. */
  get lastCorrect(): boolean {
    return this.correct[0] === 1;
  }

  /** Trains on pattern p of the flat inputs and targets; returns its pss at the forward pass. */
  present(
    inputs: Float64Array, targets: Float64Array, p: number,
    loss: LossCode, margin: number, backwardMatrices: readonly Float64Array[], settings: UpdateSettings,
  ): number {
    const net = this.network;
    const D = net.depth;
    const outUnits = net.sizes[D];
    net.forward(inputs, p * net.sizes[0]);
    outputDeltas(loss, net.codes[D], net.net[D], net.act[D], targets, p * outUnits, net.delta[D], 1, outUnits, margin, this.pss, this.correct);
    const { weights: mW, biases: mb } = this.momentum;
    for (let j = D - 1; j >= 0; j--) {
      const needsDelta = j >= net.lowestDelta;
      if (net.learns[j + 1]) {
        if (needsDelta) backpropagateAndUpdate(net, j, backwardMatrices[j], mW[j], mb[j], settings);
        else applyPatternUpdate(net, j, mW[j], mb[j], settings);
      } else if (needsDelta) {
        net.hiddenDelta(j, backwardMatrices[j]);
      }
    }
    return this.pss[0];
  }
}

/**
 * δ_j = [Bᵀ δ_{j+1}] ⊙ f'(n_j) and the update of W^j, b_{j+1} in one pass over the weights: each B[i] is
 * read before W[i] changes (B may be W itself). The sums and the update are those of Network.hiddenDelta
 * and applyPatternUpdate, in the same order, so the bits are too.
 */
function backpropagateAndUpdate(net: Network, j: number, B: Float64Array, mW: Float64Array, mb: Float64Array, settings: UpdateSettings): void {
  const { learningRate: lr, momentum: alpha, weightDecay: decay } = settings;
  const W = net.weights[j];
  const d = net.delta[j + 1];
  const h = net.act[j];
  const below = net.delta[j];
  const rows = net.sizes[j + 1];
  const cols = net.sizes[j];
  for (let c = 0; c < cols; c++) below[c] = 0;
  if (decay === 0) {
    for (let r = 0, i = 0; r < rows; r++) {
      const dr = d[r];
      for (let c = 0; c < cols; c++, i++) {
        below[c] += dr * B[i];
        const change = alpha * mW[i] - lr * (dr * h[c]);
        mW[i] = change;
        W[i] += change;
      }
    }
  } else {
    for (let r = 0, i = 0; r < rows; r++) {
      const dr = d[r];
      for (let c = 0; c < cols; c++, i++) {
        below[c] += dr * B[i];
        const change = alpha * mW[i] - lr * (dr * h[c] + decay * W[i]);
        mW[i] = change;
        W[i] += change;
      }
    }
  }
  multiplyByDerivative(net.codes[j], net.net[j], net.act[j], below, cols);
  if (net.hasBias[j + 1]) {
    const b = net.biases[j];
    for (let r = 0; r < rows; r++) {
      const change = alpha * mb[r] - lr * d[r];
      mb[r] = change;
      b[r] += change;
    }
  }
}
