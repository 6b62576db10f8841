/**
 * The register-blocked kernels give, for any shape, exactly the bits of the textbook loops that sum in the
 * same order — so results never depend on tile edges or block sizes (property-based, fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backwardProduct, biasGradient, forwardProduct, gradientProduct } from '../../../src-shared/engine/kernels';

const shape = fc.record({ m: fc.integer({ min: 1, max: 11 }), N: fc.integer({ min: 1, max: 11 }), K: fc.integer({ min: 1, max: 11 }), seed: fc.integer() });

function values(length: number, seed: number): Float64Array {
  let s = seed >>> 0;
  return Float64Array.from({ length }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

describe('matrix kernels equal textbook loops bit for bit', () => {
  it('forward: OUT[p][r] = b[r] + Σ_k H[p][k] W[r][k]', () => {
    fc.assert(fc.property(shape, ({ m, N, K, seed }) => {
      const H = values(m * K, seed), W = values(N * K, seed + 1), b = values(N, seed + 2);
      const out = new Float64Array(m * N);
      forwardProduct(H, W, b, out, m, K, N);
      const expected = new Float64Array(m * N);
      for (let p = 0; p < m; p++) for (let r = 0; r < N; r++) {
        let sum = b[r];
        for (let k = 0; k < K; k++) sum += H[p * K + k] * W[r * K + k];
        expected[p * N + r] = sum;
      }
      expect(Array.from(out)).toEqual(Array.from(expected));
    }));
  });

  it('backward: OUT[p][c] = Σ_r D[p][r] B[r][c], from 0', () => {
    fc.assert(fc.property(shape, ({ m, N, K, seed }) => {
      const D = values(m * N, seed), B = values(N * K, seed + 1);
      const out = new Float64Array(m * K);
      backwardProduct(D, B, out, m, N, K);
      const expected = new Float64Array(m * K);
      for (let p = 0; p < m; p++) for (let c = 0; c < K; c++) {
        let sum = 0;
        for (let r = 0; r < N; r++) sum += D[p * N + r] * B[r * K + c];
        expected[p * K + c] = sum;
      }
      expect(Array.from(out)).toEqual(Array.from(expected));
    }));
  });

  it('gradient: G[r][c] (+)= Σ_p D[p][r] H[p][c], patterns in order; split anywhere, the same bits', () => {
    fc.assert(fc.property(shape, fc.integer({ min: 0, max: 11 }), ({ m, N, K, seed }, cut) => {
      const D = values(m * N, seed), H = values(m * K, seed + 1);
      const G = new Float64Array(N * K);
      gradientProduct(D, H, G, m, N, K, true);
      const gb = new Float64Array(N);
      biasGradient(D, gb, m, N, true);
      const expected = new Float64Array(N * K);
      const expectedBias = new Float64Array(N);
      for (let r = 0; r < N; r++) {
        for (let c = 0; c < K; c++) {
          let sum = D[r] * H[c];
          for (let p = 1; p < m; p++) sum += D[p * N + r] * H[p * K + c];
          expected[r * K + c] = sum;
        }
        let bias = D[r];
        for (let p = 1; p < m; p++) bias += D[p * N + r];
        expectedBias[r] = bias;
      }
      expect(Array.from(G)).toEqual(Array.from(expected));
      expect(Array.from(gb)).toEqual(Array.from(expectedBias));
      // The same patterns in two blocks, split at `cut`: a block that continues an update adds to G.
      const split = Math.min(Math.max(cut, 1), m);
      const G2 = new Float64Array(N * K);
      const gb2 = new Float64Array(N);
      gradientProduct(D.subarray(0, split * N), H.subarray(0, split * K), G2, split, N, K, true);
      biasGradient(D.subarray(0, split * N), gb2, split, N, true);
      if (split < m) {
        gradientProduct(D.subarray(split * N), H.subarray(split * K), G2, m - split, N, K, false);
        biasGradient(D.subarray(split * N), gb2, m - split, N, false);
      }
      expect(Array.from(G2)).toEqual(Array.from(expected));
      expect(Array.from(gb2)).toEqual(Array.from(expectedBias));
    }));
  });
});
