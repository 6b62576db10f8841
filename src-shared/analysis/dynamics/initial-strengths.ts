/**
 * a_0, the starting strength the analytic curve of Saxe, McClelland & Ganguli rises from (science.md,
 * "Learning dynamics of deep linear networks"), from a one-hidden-layer network's starting weights — never
 * from the first recorded a_α, which from random weights can be negative. For a mode alone in its subspace,
 * a_0 = |(W¹ v_α + W²ᵀ u_α)/2|², engine/modes.ts's estimate. A subspace of k modes with one singular value
 * has no unique directions: its starting strengths are the squared singular values of the hidden × k matrix
 * whose columns are (W¹ v_α + W²ᵀ u_α)/2, the same for any basis of the subspace (rotating U_S and V_S
 * together rotates the columns), and equal to the lone-mode estimate when k = 1.
 */
import { Matrix, SVD } from 'ml-matrix';
import type { CorrelationModes } from './mode-strengths';

/** Per subspace, largest first; `weights` W^0 (hidden × inputs) and W^1 (outputs × hidden), row-major. */
export function subspaceInitialStrengths(weights: readonly Float64Array[], sizes: readonly number[], modes: CorrelationModes): number[][] {
  if (weights.length !== 2 || sizes.length !== 3) throw new Error(`a_0 is estimated for networks with one hidden layer; this one has ${sizes.length - 2}`);
  const [inputs, hidden, outputs] = sizes;
  const [W1, W2] = weights;
  if (W1.length !== hidden * inputs || W2.length !== outputs * hidden) throw new Error(`the weights do not have the shapes ${hidden} × ${inputs} and ${outputs} × ${hidden}`);
  return modes.subspaces.map(({ modes: alphas }) => {
    const M = new Matrix(hidden, alphas.length);
    alphas.forEach((alpha, c) => {
      const v = modes.inputDirections[alpha];
      const u = modes.outputDirections[alpha];
      for (let h = 0; h < hidden; h++) {
        let fromInput = 0;
        for (let i = 0; i < inputs; i++) fromInput += W1[h * inputs + i] * v[i];
        let fromOutput = 0;
        for (let k = 0; k < outputs; k++) fromOutput += W2[k * hidden + h] * u[k];
        M.set(h, c, (fromInput + fromOutput) / 2);
      }
    });
    if (alphas.length === 1) return [M.getColumn(0).reduce((sum, x) => sum + x * x, 0)];
    return new SVD(M, { computeLeftSingularVectors: false, computeRightSingularVectors: false, autoTranspose: true }).diagonal.map((s) => s * s);
  });
}
