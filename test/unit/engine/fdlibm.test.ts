/**
 * src-shared/engine/fdlibm must give, bit for bit (Object.is), what Node 20's Math.exp, Math.log,
 * Math.log1p, Math.cos, Math.expm1 and Math.tanh give: Node 20 (V8 11.3) computes them with fdlibm (v8/src/base/ieee754.cc), so
 * Node's Math is the reference here. Each function sees over a million arguments spread over every range it
 * branches on — special values, subnormals, tiny and huge magnitudes, both signs, densely around every
 * threshold and (cos) around multiples of π/2 near and far — and random doubles through fast-check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cos } from '../../../src-shared/engine/fdlibm/cos';
import { exp } from '../../../src-shared/engine/fdlibm/exp';
import { expm1 } from '../../../src-shared/engine/fdlibm/expm1';
import { twoOverPi } from '../../../src-shared/engine/fdlibm/kernel-rem-pio2';
import { log } from '../../../src-shared/engine/fdlibm/log';
import { log1p } from '../../../src-shared/engine/fdlibm/log1p';
import { tanh } from '../../../src-shared/engine/fdlibm/tanh';
import { fromWords, generator, nudged } from '../../support/float-bits';

const SPECIAL = [0, -0, Infinity, -Infinity, NaN, 1, -1, 2, -2, 0.5, -0.5, Number.MIN_VALUE, -Number.MIN_VALUE,
  Number.MAX_VALUE, -Number.MAX_VALUE, 2.2250738585072014e-308, -2.2250738585072014e-308, Math.E, Math.PI,
  fromWords(0x7ff80000, 1), fromWords(0xfff00000, 5)];

/** Random bit patterns: every exponent, both signs, NaNs and subnormals included. */
function* randomBits(count: number, seed: number): Generator<number> {
  const next = generator(seed);
  for (let i = 0; i < count; i++) yield fromWords(next(), next());
}

/** Random values with a random exponent in [low, high), random sign. */
function* magnitudes(count: number, low: number, high: number, seed: number): Generator<number> {
  const next = generator(seed);
  for (let i = 0; i < count; i++) {
    const value = (1 + next() / 2 ** 32 + next() / 2 ** 64) * 2 ** (low + (next() % (high - low)));
    yield next() & 1 ? -value : value;
  }
}

function* uniform(count: number, low: number, high: number, seed: number): Generator<number> {
  const next = generator(seed);
  for (let i = 0; i < count; i++) yield low + (high - low) * (next() / 2 ** 32 + next() / 2 ** 64);
}

/** Every double within `ulps` of each centre, and their negations. */
function* around(centres: Iterable<number>, ulps: number): Generator<number> {
  for (const centre of centres) {
    for (let d = -ulps; d <= ulps; d++) {
      yield nudged(centre, d);
      yield -nudged(centre, d);
    }
  }
}

/** The doubles whose high word is one of `highs` (± a few) with low words at the ends and random. */
function* highWords(highs: number[], seed: number): Generator<number> {
  const next = generator(seed);
  for (const high of highs) {
    for (let h = high - 2; h <= high + 2; h++) {
      for (const low of [0, 1, 0xffffffff, 0xfffffffe, next(), next(), next(), next()]) {
        yield fromWords(h >>> 0, low);
        yield fromWords((h | 0x80000000) >>> 0, low);
      }
    }
  }
}

type Check = { count: number; wrong: { x: number; ours: number; math: number }[] };

function compare(ours: (x: number) => number, math: (x: number) => number, inputs: Iterable<number>[]): Check {
  const result: Check = { count: 0, wrong: [] };
  for (const values of inputs) {
    for (const x of values) {
      result.count++;
      const a = ours(x);
      const b = math(x);
      if (!Object.is(a, b) && result.wrong.length < 5) result.wrong.push({ x, ours: a, math: b });
    }
  }
  return result;
}

const common = (seed: number): Iterable<number>[] => [
  SPECIAL,
  randomBits(200_000, seed),
  magnitudes(200_000, -1074, 1024, seed + 1),
  magnitudes(100_000, -60, 60, seed + 2),
  around([0, Number.MIN_VALUE * 2 ** 20, 2.2250738585072014e-308, 1, 0.5, 2, Number.MAX_VALUE], 200),
];

describe('fdlibm ports against Node 20 Math (fdlibm in V8 11.3)', () => {
  it('two_over_pi starts as fdlibm’s table does', () => {
    const table = twoOverPi();
    expect(Array.from(table.slice(0, 6))).toEqual([0xA2F983, 0x6E4E44, 0x1529FC, 0x2757D1, 0xF534DD, 0xC0DB62]);
    expect(table.length).toBe(66);
  });

  it('log', () => {
    const result = compare(log, Math.log, [
      ...common(11),
      magnitudes(200_000, -1074, -1022, 12), // subnormal: scaled by 2^54
      uniform(200_000, 0.5, 2, 13), // near 1, k = 0 and ±1
      uniform(100_000, 1 - 2 ** -18, 1 + 2 ** -18, 14), // |f| < 2^-20 branch
      around([1, 2, 4, 0.25, Math.SQRT2, Math.SQRT1_2, 1.5, 0.75], 500),
      highWords([0x00100000, 0x3ff6a09e, 0x3fe6a09e, 0x3ff6147a, 0x3ff6b851, 0x7ff00000], 15),
    ]);
    expect(result.count).toBeGreaterThan(1_000_000);
    expect(result.wrong).toEqual([]);
  });

  it('log1p', () => {
    const result = compare(log1p, Math.log1p, [
      ...common(21),
      uniform(200_000, -1, -0.9, 22), // near −1
      uniform(100_000, -1, -1 + 2 ** -30, 23),
      uniform(200_000, -0.3, 0.42, 24), // k = 0 range
      magnitudes(100_000, -60, -28, 25), // |x| < 2^-29 and around
      uniform(100_000, 0.4, 2 ** 20, 26),
      around([-1, -0.5, 2 ** -29, 2 ** -54, Math.SQRT2 - 1, Math.SQRT1_2 - 1, 2 ** 53, 2 ** 54], 300),
      highWords([0x3FDA827A, 0xbfd2bec4, 0x3ff00000, 0x3e200000, 0x3c900000, 0x43400000, 0x7ff00000], 27),
    ]);
    expect(result.count).toBeGreaterThan(1_000_000);
    expect(result.wrong).toEqual([]);
  });

  it('exp', () => {
    const result = compare(exp, Math.exp, [
      ...common(31),
      uniform(200_000, -746, -700, 32), // underflow and subnormal results (k < −1021)
      uniform(100_000, 700, 710, 33), // overflow, k = 1024
      uniform(200_000, -2, 2, 34),
      magnitudes(100_000, -60, -20, 35), // |x| < 2^-28
      around([7.09782712893383973096e+02, -7.45133219101941108420e+02, -708.3964185322641, 709.782712893384,
        2 ** -28, 0.34657359027997264, 1.0397207708399179, 1, -1, -1022 * Math.LN2, -1021 * Math.LN2], 500),
      highWords([0x40862E42, 0x3fd62e42, 0x3FF0A2B2, 0x3e300000, 0x7ff00000], 36),
    ]);
    expect(result.count).toBeGreaterThan(1_000_000);
    expect(result.wrong).toEqual([]);
  });

  it('cos', () => {
    const multiples: number[] = [];
    for (let k = 1; k <= 64; k++) multiples.push(k * Math.PI / 2);
    for (let e = 5; e < 1024; e += 7) multiples.push(2 ** e * Math.PI / 2, 2 ** e * 1.2345);
    const result = compare(cos, Math.cos, [
      ...common(41),
      uniform(300_000, 0, 2 * Math.PI, 42), // the engine's range (Box–Muller)
      uniform(100_000, -1e6, 1e6, 43), // medium path
      magnitudes(100_000, 19, 1024, 44), // __kernel_rem_pio2
      magnitudes(50_000, -40, 2, 45), // tiny and |x| < 0.3, kernel only
      around(multiples, 60),
      highWords([0x3fe921fb, 0x3ff921fb, 0x4002d97c, 0x413921fb, 0x3e46a09e, 0x3e400000, 0x3FD33333,
        0x3fe90000, 0x7ff00000], 46),
    ]);
    expect(result.count).toBeGreaterThan(1_000_000);
    expect(result.wrong).toEqual([]);
  });

  it('expm1', () => {
    const result = compare(expm1, Math.expm1, [
      ...common(51),
      uniform(200_000, -40, 40, 52), // every k from −56 to 56: the k = ±1, k < 20, k ≥ 20 and k > 56 branches
      uniform(100_000, 700, 710, 53), // k up to 1024, overflow
      magnitudes(100_000, -60, -50, 54), // |x| < 2^-54
      around([7.09782712893383973096e+02, 56 * Math.LN2, 0.34657359027997264, 1.0397207708399179, 2 ** -54,
        20 * Math.LN2, 19.5 * Math.LN2, -0.25], 500),
      highWords([0x4043687A, 0x40862E42, 0x3FD62E42, 0x3FF0A2B2, 0x3c900000, 0x7ff00000], 55),
    ]);
    expect(result.count).toBeGreaterThan(800_000);
    expect(result.wrong).toEqual([]);
  });

  it('tanh', () => {
    const result = compare(tanh, Math.tanh, [
      ...common(61),
      uniform(300_000, -23, 23, 62),
      magnitudes(100_000, -40, 1, 63),
      around([1, 22, 2 ** -28, 0.5], 1000),
      highWords([0x40360000, 0x3e300000, 0x3ff00000, 0x7ff00000], 64),
    ]);
    expect(result.count).toBeGreaterThan(800_000);
    expect(result.wrong).toEqual([]);
  });

  it('random doubles (fast-check)', () => {
    fc.assert(fc.property(fc.double(), (x) => Object.is(log(x), Math.log(x)) && Object.is(log1p(x), Math.log1p(x)) &&
      Object.is(exp(x), Math.exp(x)) && Object.is(cos(x), Math.cos(x)) && Object.is(expm1(x), Math.expm1(x)) &&
      Object.is(tanh(x), Math.tanh(x))), { numRuns: 20_000 });
  });
});
