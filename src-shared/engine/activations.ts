/**
 * Activation functions f and their derivatives f'. Each derivative is written in terms of the net input n
 * and the activation h = f(n), whichever is cheaper, so the backward pass reuses the forward pass's values.
 */
import type { ActivationName } from '../model/schema';

export interface Activation {
  name: ActivationName;
  /** h = f(n), elementwise over `net` into `out`. */
  forward(net: Float64Array, out: Float64Array, length: number): void;
  /** f'(n) given n and h = f(n). */
  derivative(net: number, activation: number): number;
}

const linear: Activation = {
  name: 'linear',
  forward(net, out, length) {
    for (let i = 0; i < length; i++) out[i] = net[i];
  },
  derivative: () => 1,
};

const logistic: Activation = {
  name: 'logistic',
  forward(net, out, length) {
    for (let i = 0; i < length; i++) out[i] = 1 / (1 + Math.exp(-net[i]));
  },
  derivative: (_n, h) => h * (1 - h),
};

const tanh: Activation = {
  name: 'tanh',
  forward(net, out, length) {
    for (let i = 0; i < length; i++) out[i] = Math.tanh(net[i]);
  },
  derivative: (_n, h) => 1 - h * h,
};

const relu: Activation = {
  name: 'relu',
  forward(net, out, length) {
    for (let i = 0; i < length; i++) out[i] = net[i] > 0 ? net[i] : 0;
  },
  derivative: (n) => (n > 0 ? 1 : 0),
};

const byName: Record<ActivationName, Activation> = { linear, logistic, tanh, relu };

export function activationFor(name: ActivationName): Activation {
  return byName[name];
}
