/**
 * The sparse kernels (skipping exact zeros in one-hot inputs and in ReLU deltas) give exactly the bits of
 * the dense kernels they stand in for — signed zeros included — on data with many +0 and −0 entries
 * (property-based, fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forwardProduct, gradientUpdate } from '../../../src-shared/engine/kernels';
import { sparseForwardProduct, sparseGradientUpdate, sparseInputGradientUpdate } from '../../../src-shared/engine/sparse';

const shape = fc.record({
  m: fc.integer({ min: 1, max: 9 }),
  N: fc.integer({ min: 1, max: 11 }),
  K: fc.integer({ min: 1, max: 19 }),
  seed: fc.integer(),
  zeros: fc.double({ min: 0, max: 1, noNaN: true }),
});

/** Values in [−1, 1), a share `zeros` of them exact zeros, half of those −0. */
function values(length: number, seed: number, zeros = 0): Float64Array {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return Float64Array.from({ length }, () => (next() < zeros ? (next() < 0.5 ? -0 : 0) : next() * 2 - 1));
}

function sameBits(actual: Float64Array, expected: Float64Array): boolean {
  return actual.length === expected.length && actual.every((value, i) => Object.is(value, expected[i]));
}

describe('sparse kernels equal the dense ones bit for bit', () => {
  it('forward product over mostly-zero inputs', () => {
    fc.assert(fc.property(shape, ({ m, N, K, seed, zeros }) => {
      const H = values(m * K, seed, zeros), W = values(N * K, seed + 1, zeros / 3), b = values(N, seed + 2, zeros);
      const dense = new Float64Array(m * N);
      const sparse = new Float64Array(m * N);
      forwardProduct(H, W, b, dense, m, K, N);
      sparseForwardProduct(H, W, b, sparse, m, K, N, new Int32Array(K), new Float64Array(K));
      expect(sameBits(sparse, dense)).toBe(true);
    }), { numRuns: 400 });
  });

  it('gradient and update with deltas that are mostly zero (ReLU units that were off)', () => {
    fc.assert(fc.property(shape, ({ m, N, K, seed, zeros }) => {
      const D = values(m * N, seed, zeros), H = values(m * K, seed + 1, zeros / 2);
      const W0 = values(N * K, seed + 2), mW0 = values(N * K, seed + 3, zeros / 4);
      const [W1, mW1, W2, mW2] = [W0.slice(), mW0.slice(), W0.slice(), mW0.slice()];
      gradientUpdate(D, H, W1, mW1, m, N, K, 0.3, 0.9);
      sparseGradientUpdate(D, H, W2, mW2, m, N, K, 0.3, 0.9, new Int32Array(m), new Float64Array(m));
      expect(sameBits(W2, W1)).toBe(true);
      expect(sameBits(mW2, mW1)).toBe(true);
    }), { numRuns: 400 });
  });

  it('gradient and update of a first layer whose inputs are mostly zero (one-hot patterns)', () => {
    fc.assert(fc.property(shape, ({ m, N, K, seed, zeros }) => {
      const D = values(m * N, seed, zeros / 4), H = values(m * K, seed + 1, zeros);
      const W0 = values(N * K, seed + 2), mW0 = values(N * K, seed + 3, zeros / 4);
      const [W1, mW1, W2, mW2] = [W0.slice(), mW0.slice(), W0.slice(), mW0.slice()];
      gradientUpdate(D, H, W1, mW1, m, N, K, 0.1, 0);
      sparseInputGradientUpdate(D, H, W2, mW2, m, N, K, 0.1, 0, new Int32Array(m), new Float64Array(m));
      expect(sameBits(W2, W1)).toBe(true);
      expect(sameBits(mW2, mW1)).toBe(true);
    }), { numRuns: 400 });
  });
});
