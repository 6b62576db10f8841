/**
 * The WebAssembly kernels (src-shared/engine/wasm/block-kernels.wat) give exactly the TypeScript kernels'
 * bits, for any shape (tile edges, remainders, one pattern) and any values — exp's every range included —
 * and the committed module is what the source assembles to.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assemble, readSource } from '../../../build/wasm/assemble.mjs';
import { activate, LOGISTIC, multiplyByDerivative } from '../../../src-shared/engine/activations';
import { backwardProduct, biasGradientUpdate, forwardProduct, gradientProduct, gradientUpdate } from '../../../src-shared/engine/kernels';
import { outputDeltas, SQUARED_ERROR } from '../../../src-shared/engine/losses';
import { BLOCK_KERNELS_BASE64 } from '../../../src-shared/engine/wasm/block-kernels.wasm';
import { KernelArena, wasmKernelsAvailable } from '../../../src-shared/engine/wasm/kernel-arena';

/** Shapes across tile edges; `zeros`, the fraction of ±0 values (one-hot patterns are mostly zeros, and a sum of only zeros must get its sign right). */
const shape = fc.record({
  m: fc.integer({ min: 1, max: 13 }), N: fc.integer({ min: 1, max: 13 }), K: fc.integer({ min: 1, max: 13 }), seed: fc.integer(),
  zeros: fc.constantFrom(0.05, 0.7),
});

/** Values of mixed signs and magnitudes, a fraction `zeros` of them 0 or −0. */
function fill(array: Float64Array, seed: number, zeros = 0.05): Float64Array {
  let s = seed >>> 0;
  for (let i = 0; i < array.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const u = s / 2 ** 32;
    array[i] = u < zeros / 2 ? 0 : u < zeros ? -0 : (2 * u - 1) * 2 ** ((s & 0xff) % 24 - 12);
  }
  return array;
}

/** Equal bit for bit (toEqual treats 0 and −0 alike). */
function expectSameBits(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  const a = new BigUint64Array(Float64Array.from(actual).buffer);
  const e = new BigUint64Array(Float64Array.from(expected).buffer);
  const differing = [...a.keys()].filter((i) => a[i] !== e[i] && !(Number.isNaN(actual[i]) && Number.isNaN(expected[i])));
  expect(differing.map((i) => ({ i, actual: actual[i], expected: expected[i] }))).toEqual([]);
}

function arena(): KernelArena {
  const created = KernelArena.create(2 ** 20);
  if (!created) throw new Error('this host cannot run the WebAssembly kernels');
  return created;
}

/** `length` values in the arena (as the engine's arrays live there), filled from the seed. */
function inArena(a: KernelArena, length: number, seed: number, zeros?: number): Float64Array {
  const array = a.allocate(length);
  expect(a.holds(array)).toBe(true);
  return fill(array, seed, zeros);
}

describe('WebAssembly block kernels', () => {
  it('Node has WebAssembly with SIMD, so the engine uses them here', () => {
    expect(wasmKernelsAvailable()).toBe(true);
  });

  it('the committed module is block-kernels.wat assembled (run `npm run wasm` after changing it)', async () => {
    const bytes = await assemble(await readSource());
    expect(Buffer.from(bytes).toString('base64')).toBe(BLOCK_KERNELS_BASE64);
  });

  it('forward equals forwardProduct bit for bit', () => {
    fc.assert(fc.property(shape, ({ m, N, K, seed, zeros }) => {
      const a = arena();
      const H = inArena(a, m * K, seed, zeros), W = inArena(a, N * K, seed + 1, zeros), b = inArena(a, N, seed + 2, zeros), out = a.allocate(m * N);
      a.kernels.forward(H.byteOffset, W.byteOffset, b.byteOffset, out.byteOffset, m, K, N);
      const expected = new Float64Array(m * N);
      forwardProduct(H, W, b, expected, m, K, N);
      expectSameBits(out, expected);
    }));
  });

  it('backward equals backwardProduct bit for bit', () => {
    fc.assert(fc.property(shape, ({ m, N, K, seed, zeros }) => {
      const a = arena();
      const D = inArena(a, m * N, seed, zeros), B = inArena(a, N * K, seed + 1, zeros), out = a.allocate(m * K);
      a.kernels.backward(D.byteOffset, B.byteOffset, out.byteOffset, m, N, K);
      const expected = new Float64Array(m * K);
      backwardProduct(D, B, expected, m, N, K);
      expectSameBits(out, expected);
    }));
  });

  it('gradientUpdate and biasGradientUpdate equal the TypeScript ones bit for bit (weights, biases and momentum terms)', () => {
    const rates = fc.record({ lr: fc.double({ min: 1e-4, max: 4, noNaN: true }), alpha: fc.constantFrom(0, 0.5, 0.9) });
    fc.assert(fc.property(shape, rates, ({ m, N, K, seed, zeros }, { lr, alpha }) => {
      const a = arena();
      const D = inArena(a, m * N, seed, zeros), H = inArena(a, m * K, seed + 1, zeros);
      const W = inArena(a, N * K, seed + 2, zeros), mW = inArena(a, N * K, seed + 3, zeros);
      const W2 = Float64Array.from(W), mW2 = Float64Array.from(mW);
      a.kernels.gradientUpdate(D.byteOffset, H.byteOffset, W.byteOffset, mW.byteOffset, m, N, K, lr, alpha);
      gradientUpdate(D, H, W2, mW2, m, N, K, lr, alpha);
      expectSameBits(W, W2);
      expectSameBits(mW, mW2);
      const b = inArena(a, N, seed + 4, zeros), mb = inArena(a, N, seed + 5, zeros);
      const b2 = Float64Array.from(b), mb2 = Float64Array.from(mb);
      a.kernels.biasGradientUpdate(D.byteOffset, b.byteOffset, mb.byteOffset, m, N, lr, alpha);
      biasGradientUpdate(D, b2, mb2, m, N, lr, alpha);
      expectSameBits(b, b2);
      expectSameBits(mb, mb2);
    }));
  });

  it('gradientKeepUpdate stores gradientProduct\'s g (first = true) and applies gradientUpdate\'s update, bit for bit', () => {
    const rates = fc.record({ lr: fc.double({ min: 1e-4, max: 4, noNaN: true }), alpha: fc.constantFrom(0, 0.5, 0.9) });
    fc.assert(fc.property(shape, rates, ({ m, N, K, seed, zeros }, { lr, alpha }) => {
      const a = arena();
      const D = inArena(a, m * N, seed, zeros), H = inArena(a, m * K, seed + 1, zeros);
      const W = inArena(a, N * K, seed + 2, zeros), mW = inArena(a, N * K, seed + 3, zeros), G = inArena(a, N * K, seed + 6, zeros);
      const W2 = Float64Array.from(W), mW2 = Float64Array.from(mW), G2 = new Float64Array(N * K);
      a.kernels.gradientKeepUpdate(D.byteOffset, H.byteOffset, G.byteOffset, W.byteOffset, mW.byteOffset, m, N, K, lr, alpha);
      gradientProduct(D, H, G2, m, N, K, true);
      gradientUpdate(D, H, W2, mW2, m, N, K, lr, alpha);
      expectSameBits(G, G2);
      expectSameBits(W, W2);
      expectSameBits(mW, mW2);
    }));
  });

  it('logistic equals activations.ts (exp.ts) on every range of exp, odd lengths and pairs with one rare value', () => {
    const special = [0, -0, 1, -1, 700, -700, 699.9999999999999, -699.9999999999999, 745.2, -745.2, 1e-9, -1e-9,
      3.725290298461914e-9, -3.725290298461914e-9, 0.3465735912322998, -0.3465735912322998, 0.3465735912322998 - 2 ** -54,
      1.0397207708399179, -1.0397207708399179, Infinity, -Infinity, NaN, 1e308, -1e308, 5e-324];
    const random: number[] = [];
    const next = fill(new Float64Array(200_000), 7);
    for (let i = 0; i < next.length; i++) random.push(next[i] * 2 ** ((i % 22) - 6));
    for (const values of [special, random, special.slice(0, 7), [2.5], [-1, 0.25], [0.25, -1]]) {
      const a = KernelArena.create((values.length * 2 + 16) * 8)!;
      const net = a.allocate(values.length), out = a.allocate(values.length);
      net.set(values);
      a.kernels.logistic(net.byteOffset, out.byteOffset, values.length);
      const expected = new Float64Array(values.length);
      activate(LOGISTIC, Float64Array.from(values), expected, values.length, values.length);
      expectSameBits(out, expected);
    }
  });

  it('logisticDerivative equals multiplyByDerivative bit for bit', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 41 }), fc.integer(), (length, seed) => {
      const a = arena();
      const act = inArena(a, length, seed), delta = inArena(a, length, seed + 1);
      const expected = Float64Array.from(delta);
      a.kernels.logisticDerivative(act.byteOffset, delta.byteOffset, length);
      multiplyByDerivative(LOGISTIC, act, act, expected, length);
      expectSameBits(delta, expected);
    }));
  });

  it('logisticSquaredError equals outputDeltas (δ, pss, correct) with and without an order, "don\'t care" targets and odd rows', () => {
    const cases = fc.record({
      rows: fc.integer({ min: 1, max: 9 }), units: fc.integer({ min: 1, max: 9 }), patterns: fc.integer({ min: 9, max: 12 }),
      seed: fc.integer(), dontCare: fc.constantFrom(0, 0.3), margin: fc.constantFrom(0.1, 0.4, 2), ordered: fc.boolean(),
    });
    fc.assert(fc.property(cases, ({ rows, units, patterns, seed, dontCare, margin, ordered }) => {
      const a = arena();
      const act = a.allocate(rows * units);
      const targets = a.allocate(patterns * units);
      for (let i = 0; i < act.length; i++) act[i] = 1 / (1 + Math.exp(-fill(new Float64Array(1), seed + i)[0]));
      let s = seed >>> 0;
      for (let i = 0; i < targets.length; i++) {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        targets[i] = s / 2 ** 32 < dontCare ? Number.NaN : (s >>> 7) % 3 === 0 ? 1 : (s >>> 9) % 1000 / 1000;
      }
      const order = a.allocateUint32(patterns);
      for (let p = 0; p < patterns; p++) order[p] = (p * 7 + (seed >>> 0)) % patterns;
      const first = (seed >>> 3) % (patterns - rows + 1);
      const delta = a.allocate(rows * units), pss = a.allocate(rows), correct = a.allocateUint8(rows);
      a.kernels.logisticSquaredError(act.byteOffset, targets.byteOffset, ordered ? order.byteOffset : -1, first,
        delta.byteOffset, rows, units, margin, pss.byteOffset, correct.byteOffset);
      const expectedDelta = new Float64Array(rows * units), expectedPss = new Float64Array(rows), expectedCorrect = new Uint8Array(rows);
      outputDeltas(SQUARED_ERROR, LOGISTIC, act, act, targets, ordered ? order : null, first, expectedDelta, rows, units, margin, expectedPss, expectedCorrect);
      expectSameBits(delta, expectedDelta);
      expectSameBits(pss, expectedPss);
      expect(Array.from(correct)).toEqual(Array.from(expectedCorrect));
    }));
  });

  it('an arena hands out aligned, separate, zeroed arrays, and ordinary ones once full', () => {
    const a = KernelArena.create(65536)!;
    const first = a.allocate(3), second = a.allocate(5);
    expect(second.byteOffset - first.byteOffset).toBe(64);
    expect(second.byteOffset % 16).toBe(0);
    expect(Array.from(second)).toEqual([0, 0, 0, 0, 0]);
    const overflow = a.allocate(65536);
    expect(a.holds(overflow)).toBe(false);
    expect(overflow.length).toBe(65536);
  });
});
