/**
 * exp.ts must give Math.exp's bits for every argument (the engine's results may not change by one bit): on
 * random doubles of every magnitude and sign, on random bit patterns, and densely around every boundary
 * where fdlibm changes path or where k = trunc(x / ln 2 ± ½) changes.
 */
import { describe, expect, it } from 'vitest';
import { exp } from '../../../src-shared/engine/exp';
import { fromWords, generator, nudged } from '../../support/float-bits';

/** Arguments on which exp and Math.exp differ (at most a few, for the message). */
function mismatches(values: Iterable<number>): { x: number; exp: number; mathExp: number }[] {
  const found: { x: number; exp: number; mathExp: number }[] = [];
  for (const x of values) {
    const a = exp(x);
    const b = Math.exp(x);
    if (!Object.is(a, b) && found.length < 5) found.push({ x, exp: a, mathExp: b });
  }
  return found;
}

function* uniform(count: number, low: number, high: number, seed: number): Generator<number> {
  const next = generator(seed);
  for (let i = 0; i < count; i++) yield low + (high - low) * (next() / 2 ** 32 + next() / 2 ** 64);
}

function* around(centre: number, ulps: number): Generator<number> {
  for (let d = -ulps; d <= ulps; d++) {
    yield nudged(centre, d);
    yield -nudged(centre, d);
  }
}

const ln2 = Math.LN2;

describe('exp', () => {
  it('equals Math.exp on random arguments of every size a network produces', () => {
    expect(mismatches(uniform(400_000, -40, 40, 1))).toEqual([]);
    expect(mismatches(uniform(200_000, -2, 2, 2))).toEqual([]);
    expect(mismatches(uniform(200_000, -800, 800, 3))).toEqual([]);
    expect(mismatches(uniform(100_000, -1e-6, 1e-6, 4))).toEqual([]);
  });

  it('equals Math.exp on random bit patterns (every exponent, NaNs, infinities, subnormals)', () => {
    const next = generator(5);
    const values = Array.from({ length: 300_000 }, () => fromWords(next(), next()));
    expect(mismatches(values)).toEqual([]);
  });

  it('equals Math.exp around every boundary of fdlibm’s ranges and of its reduction', () => {
    const boundaries = [
      0, 1, 2 ** -28, 2 ** -1074, 2 ** -1022,
      ln2 / 2, fromWords(0x3fd62e42, 0), fromWords(0x3fd62e43, 0), 1.5 * ln2, fromWords(0x3ff0a2b2, 0),
      700, 708.3964185322641, 709.782712893384, 745.1332191019411, 1024 * ln2, 1075 * ln2,
    ];
    for (const b of boundaries) expect(mismatches(around(b, 2000))).toEqual([]);
    expect(mismatches([Number.NaN, Infinity, -Infinity, -0, Math.E, -1])).toEqual([]);
  });

  it('equals Math.exp between ½ ln 2 and where fdlibm starts reducing (k = 0 there, though x / ln 2 + ½ ≥ 1)', () => {
    const low = ln2 / 2;
    const high = fromWords(0x3fd62e43, 0);
    const band = [...uniform(50_000, low, high, 6)];
    expect(mismatches([...band, ...band.map((x) => -x)])).toEqual([]);
  });

  it('equals Math.exp near every point where k changes, (n + ½) ln 2 for |n| ≤ 1010', () => {
    const values: number[] = [];
    for (let n = -1011; n <= 1010; n++) for (const x of around((n + 0.5) * ln2, 40)) values.push(x);
    expect(mismatches(values)).toEqual([]);
  });
});
