/**
 * Feedback alignment's two angles per hidden projection (feedback-angles.ts) at given weights — a live run's
 * or a snapshot's — without a running simulation: the deltas are computed here by one forward and backward
 * pass per pattern through the fixed F^j, as the engine sends them back (science.md, rule 3).
 */
import { drawFeedback } from '../../engine/init';
import { lossCode, outputDeltas } from '../../engine/losses';
import { Network } from '../../engine/network';
import type { InitSettings, LayerSpec, LossName, Pattern } from '../../model/schema';
import { feedbackAlignmentAngles, type ProjectionAngles } from './feedback-angles';
import { rowMajor } from './strengths-at';

export function feedbackAnglesAt(
  layers: readonly LayerSpec[], patterns: readonly Pattern[],
  training: { seed: number; init: InitSettings; loss: LossName },
  weights: readonly (readonly (readonly number[])[])[], biases: readonly (readonly number[])[],
  /** F^j as the document saves them (nested rows; F^0 empty), or null: drawn from the seed, as the trainer draws them. */
  feedback: readonly (readonly (readonly number[])[])[] | null,
): ProjectionAngles[] {
  const network = new Network(layers);
  weights.forEach((rows, j) => network.weights[j].set(rows.flat()));
  biases.forEach((vector, j) => network.biases[j].set(vector));
  const F = feedback ? rowMajor(feedback) : drawFeedback(network, training);
  const loss = lossCode(training.loss);
  const D = network.depth;
  const outUnits = network.sizes[D];
  return feedbackAlignmentAngles({
    network: { sizes: network.sizes, weights: network.weights },
    backwardMatrix: (j) => F[j],
    patternCount: patterns.length,
    inspect(p) {
      const pattern = patterns[p];
      network.forward(pattern.input);
      // "Don't care" targets are NaN to the engine: no error, no delta.
      const target = Float64Array.from(pattern.target, (t) => (t === null ? Number.NaN : t));
      outputDeltas(loss, network.codes[D], network.net[D], network.act[D], target, null, 0, network.delta[D], 1, outUnits, 0, new Float64Array(1), new Uint8Array(1));
      for (let j = D - 1; j >= 1; j--) network.hiddenDelta(j, F[j]);
      return { layers: network.delta.map((delta) => ({ delta: Array.from(delta) })) };
    },
  });
}
