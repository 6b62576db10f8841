/**
 * When Saxe, McClelland & Ganguli's exact solution applies to a model (science.md, "Learning dynamics of
 * deep linear networks"), and what it predicts. Outside its assumptions the app still shows mode strengths,
 * but no analytic curve, and says why.
 */
import type { ModelDocument } from '../../model/schema';

export type TheoryVerdict = { holds: true } | { holds: false; reasons: string[] };

/** Largest |Σ11 − I| entry tolerated: one-hot items give exactly I. */
const IDENTITY_TOLERANCE = 1e-12;

export function saxeTheoryApplies(model: ModelDocument): TheoryVerdict {
  const reasons: string[] = [];
  const { layers, training, patterns } = model;
  if (layers.length !== 3) {
    reasons.push(`the formula is for one hidden layer; this network has ${layers.length - 2} (deeper linear networks learn the modes in the same order on other curves)`);
  }
  layers.slice(1).forEach((layer) => {
    if (layer.activation !== 'linear') reasons.push(`layer "${layer.name}" is ${layer.activation}, not linear`);
    if (layer.bias) reasons.push(`layer "${layer.name}" has a bias`);
    if (layer.learn === false) reasons.push(`the weights into layer "${layer.name}" are frozen`);
  });
  if (training.rule !== 'backprop') reasons.push(`the rule is ${training.rule}, not backpropagation`);
  if (training.loss !== 'squared-error') reasons.push(`the loss is ${training.loss}, not squared error`);
  const fullBatch = training.update === 'batch' || (training.update === 'minibatch' && training.batchSize >= patterns.length);
  if (!fullBatch) reasons.push(`updates are ${training.update === 'online' ? 'after every pattern' : `every ${training.batchSize} patterns`}, not once per epoch (full batch)`);
  if (training.momentum !== 0) reasons.push(`momentum is ${training.momentum}, not 0`);
  if (training.weightDecay !== 0) reasons.push(`weight decay is ${training.weightDecay}, not 0`);
  if (patterns.some((p) => p.target.some((t) => t === null))) reasons.push('some targets are "don\'t care", which the theory does not have');
  if (patterns.length > 0 && !inputCorrelationIsIdentity(patterns.map((p) => p.input))) {
    reasons.push('the inputs’ correlation Σ_p i_p i_pᵀ is not the identity (as one-hot items give)');
  }
  return reasons.length === 0 ? { holds: true } : { holds: false, reasons };
}

function inputCorrelationIsIdentity(inputs: readonly (readonly number[])[]): boolean {
  const n = inputs[0].length;
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      let sum = 0;
      for (const x of inputs) sum += x[a] * x[b];
      if (Math.abs(sum - (a === b ? 1 : 0)) > IDENTITY_TOLERANCE) return false;
    }
  }
  return true;
}

/**
 * The epoch at which a(t) = s e^{2st/τ}/(e^{2st/τ} − 1 + s/a_0) reaches s/2: e^{2st/τ} = s/a_0 − 1, so
 * t½ = (τ / 2s) ln(s/a_0 − 1). Null when the mode starts at or past half its strength (a_0 ≥ s/2) or
 * a_0 ≤ 0, where the curve has no rise to time.
 */
export function halfTime(s: number, a0: number, learningRate: number): number | null {
  if (!(a0 > 0) || a0 >= s / 2 || !(learningRate > 0)) return null;
  return Math.log(s / a0 - 1) / (2 * s * learningRate);
}
