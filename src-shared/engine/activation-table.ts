/**
 * The activation functions as one table: for each, its code in the engine's hot loops (activations.ts),
 * f and f′ for one unit — the lecture's definitions, which the loops must match bit for bit — the formulas
 * users are shown, and whether it belongs on an output layer only. It imports nothing from the model, so
 * the schema's list of names, the layer card, the palette, the phase equations and the consistency checks
 * can all be fed from it.
 */
import { exp } from './exp';
import { tanh } from './fdlibm/tanh';

export interface Activation {
  /** The engine's code for it (activations.ts): the loops branch once per layer on it. */
  code: 0 | 1 | 2 | 3 | 4;
  /** How a menu names it. */
  label: string;
  /** f, as users read it (plain text, not markup). */
  formula: string;
  /** f′, in terms of n or of h = f(n), whichever the engine computes it from. */
  derivativeFormula: string;
  /** Not elementwise: only on an output layer, and only with cross-entropy (docs/science.md, "Notation"). */
  outputOnly: boolean;
  /** f(n) for one unit; null when a unit's activation depends on its whole layer (softmax). */
  f: ((n: number) => number) | null;
  /** f′(n) given n and h = f(n); null when the Jacobian is not diagonal (softmax: losses.ts sends o − t). */
  derivative: ((n: number, h: number) => number) | null;
}

export const ACTIVATIONS = {
  linear: {
    code: 0, label: 'linear', formula: 'f(n) = n', derivativeFormula: 'f′(n) = 1', outputOnly: false,
    f: (n) => n,
    derivative: () => 1,
  },
  logistic: {
    code: 1, label: 'logistic', formula: 'f(n) = 1 / (1 + e⁻ⁿ)', derivativeFormula: 'f′(n) = h (1 − h)', outputOnly: false,
    // exp.ts: fdlibm's bits (Node 20's Math.exp) in every host, as the loops use it.
    f: (n) => 1 / (1 + exp(-n)),
    derivative: (_n, h) => h * (1 - h),
  },
  tanh: {
    code: 2, label: 'tanh', formula: 'f(n) = tanh n', derivativeFormula: 'f′(n) = 1 − h²', outputOnly: false,
    f: (n) => tanh(n), // fdlibm/tanh.ts: newer V8's Math.tanh is the host C library's
    derivative: (_n, h) => 1 - h * h,
  },
  relu: {
    code: 3, label: 'ReLU', formula: 'f(n) = max(0, n)', derivativeFormula: 'f′(n) = 1 where n > 0, else 0', outputOnly: false,
    f: (n) => (n > 0 ? n : 0),
    derivative: (n) => (n > 0 ? 1 : 0),
  },
  softmax: {
    code: 4, label: 'softmax', formula: 'o_k = e^(n_k) / Σ_m e^(n_m)', derivativeFormula: '(softmax: δ = o − t with cross-entropy)',
    outputOnly: true,
    f: null,
    derivative: null,
  },
} as const satisfies Record<string, Activation>;

export type ActivationTableName = keyof typeof ACTIVATIONS;
