/**
 * fdlibm's __ieee754_rem_pio2 (e_rem_pio2.c), as V8 ports it in v8/src/base/ieee754.cc: x = n π/2 + y,
 * |y| ≤ π/4, y = y[0] + y[1] (written to remPio2Y), returning n. Same operations, same order, same constants
 * for |x| < 3π/4 (n = ±1) and the medium path |x| ≤ 2^19 π/2 (high word ≤ 0x413921fb: n = round(|x| 2/π),
 * then one, two or three Cody–Waite steps with π/2 split into 33 + 33 + 33 + 53 bits).
 *
 * Not ported: the large path, fdlibm's __kernel_rem_pio2 (Payne–Hanek with the 2/π table). Above 2^19 π/2
 * this file reduces exactly instead (hugeRemPio2): 2/π to 1600 bits from Machin's formula in BigInt, the
 * exact remainder x − n π/2 rounded to y[0] and the rounding of the rest to y[1]. That is the correctly
 * rounded double-double, which __kernel_rem_pio2 (prec 2) also aims at but may miss in the last bit of
 * y[1]; the engine never reduces such arguments (its cosines take [0, 2π)), and
 * test/unit/engine/fdlibm.test.ts measures how often the final cosine still differs from Math.cos there.
 */
import { highWord } from './words';

/** y[0], y[1] of the last reduction. */
export const remPio2Y = new Float64Array(2);

/** High words of n π/2, n = 1 … 32: where the quick check of the medium path does not trust one step. */
const NPIO2_HW = [
  0x3FF921FB, 0x400921FB, 0x4012D97C, 0x401921FB, 0x401F6A7A, 0x4022D97C,
  0x4025FDBB, 0x402921FB, 0x402C463A, 0x402F6A7A, 0x4031475C, 0x4032D97C,
  0x40346B9C, 0x4035FDBB, 0x40378FDB, 0x403921FB, 0x403AB41B, 0x403C463A,
  0x403DD85A, 0x403F6A7A, 0x40407E4C, 0x4041475C, 0x4042106C, 0x4042D97C,
  0x4043A28C, 0x40446B9C, 0x404534AC, 0x4045FDBB, 0x4046C6CB, 0x40478FDB,
  0x404858EB, 0x404921FB,
];

const INVPIO2 = 6.36619772367581382433e-01; /* 0x3FE45F30, 0x6DC9C883: 53 bits of 2/pi */
const PIO2_1 = 1.57079632673412561417e+00; /* 0x3FF921FB, 0x54400000: first 33 bits of pi/2 */
const PIO2_1T = 6.07710050650619224932e-11; /* 0x3DD0B461, 0x1A626331: pi/2 - pio2_1 */
const PIO2_2 = 6.07710050630396597660e-11; /* 0x3DD0B461, 0x1A600000: second 33 bits of pi/2 */
const PIO2_2T = 2.02226624879595063154e-21; /* 0x3BA3198A, 0x2E037073: pi/2 - (pio2_1 + pio2_2) */
const PIO2_3 = 2.02226624871116645580e-21; /* 0x3BA3198A, 0x2E000000: third 33 bits of pi/2 */
const PIO2_3T = 8.47842766036889956997e-32; /* 0x397B839A, 0x252049C1: pi/2 - (pio2_1 + pio2_2 + pio2_3) */

export function remPio2(x: number): number {
  const y = remPio2Y;
  const hx = highWord(x); /* high word of x */
  const ix = hx & 0x7fffffff;
  if (ix <= 0x3fe921fb) { /* |x| ~<= pi/4, no need for reduction */
    y[0] = x;
    y[1] = 0;
    return 0;
  }
  if (ix < 0x4002d97c) { /* |x| < 3pi/4, special case with n = +-1 */
    if (hx > 0) {
      let z = x - PIO2_1;
      if (ix !== 0x3ff921fb) { /* 33+53 bit pi is good enough */
        y[0] = z - PIO2_1T;
        y[1] = (z - y[0]) - PIO2_1T;
      } else { /* near pi/2, use 33+33+53 bit pi */
        z -= PIO2_2;
        y[0] = z - PIO2_2T;
        y[1] = (z - y[0]) - PIO2_2T;
      }
      return 1;
    }
    let z = x + PIO2_1; /* negative x */
    if (ix !== 0x3ff921fb) { /* 33+53 bit pi is good enough */
      y[0] = z + PIO2_1T;
      y[1] = (z - y[0]) + PIO2_1T;
    } else { /* near pi/2, use 33+33+53 bit pi */
      z += PIO2_2;
      y[0] = z + PIO2_2T;
      y[1] = (z - y[0]) + PIO2_2T;
    }
    return -1;
  }
  if (ix <= 0x413921fb) { /* |x| ~<= 2^19*(pi/2), medium size */
    let t = Math.abs(x);
    const n = (t * INVPIO2 + 0.5) | 0;
    const fn = n;
    let r = t - fn * PIO2_1;
    let w = fn * PIO2_1T; /* 1st round good to 85 bit */
    if (n < 32 && ix !== NPIO2_HW[n - 1]) {
      y[0] = r - w; /* quick check no cancellation */
    } else {
      const j = ix >> 20;
      y[0] = r - w;
      let i = j - ((highWord(y[0]) >> 20) & 0x7ff);
      if (i > 16) { /* 2nd iteration needed, good to 118 */
        t = r;
        w = fn * PIO2_2;
        r = t - w;
        w = fn * PIO2_2T - ((t - r) - w);
        y[0] = r - w;
        i = j - ((highWord(y[0]) >> 20) & 0x7ff);
        if (i > 49) { /* 3rd iteration need, 151 bits acc */
          t = r; /* will cover all possible cases */
          w = fn * PIO2_3;
          r = t - w;
          w = fn * PIO2_3T - ((t - r) - w);
          y[0] = r - w;
        }
      }
    }
    y[1] = (r - y[0]) - w;
    if (hx < 0) {
      y[0] = -y[0];
      y[1] = -y[1];
      return -n;
    }
    return n;
  }
  if (ix >= 0x7ff00000) { /* x is inf or NaN */
    y[0] = y[1] = x - x;
    return 0;
  }
  return hugeRemPio2(x);
}

/* ---- exact reduction above 2^19 π/2 (replaces __kernel_rem_pio2) ---- */

const FRACTION_BITS = 1600n;
let twoOverPi: bigint | undefined; // floor(2/π · 2^1600)
let piOverTwo: bigint | undefined; // floor(π/2 · 2^1600)

/** floor(atan(1/q) · 2^bits) − small error, by the alternating Taylor series in fixed point. */
function arctanInverse(q: bigint, bits: bigint): bigint {
  const one = 1n << bits;
  let power = one / q;
  const q2 = q * q;
  let sum = power;
  for (let k = 1n; power !== 0n; k++) {
    power /= q2;
    const term = power / (2n * k + 1n);
    sum += k % 2n === 1n ? -term : term;
  }
  return sum;
}

function constants(): [bigint, bigint] {
  if (twoOverPi === undefined || piOverTwo === undefined) {
    const guard = 64n;
    const bits = FRACTION_BITS + guard;
    const pi = 16n * arctanInverse(5n, bits) - 4n * arctanInverse(239n, bits); // Machin, error ≪ 2^-1600
    piOverTwo = pi >> (guard + 1n);
    twoOverPi = (1n << (2n * bits + 1n)) / pi >> guard;
  }
  return [twoOverPi, piOverTwo];
}

const conversion = new Float64Array(1);
const conversionWords = new Uint32Array(conversion.buffer);

/** v · 2^-scale rounded to the nearest double (v ≠ 0 has a sticky bit below 64 significant bits). */
function toDouble(v: bigint, scale: bigint): number {
  if (v === 0n) return 0;
  const negative = v < 0n;
  let a = negative ? -v : v;
  const length = BigInt(a.toString(2).length);
  let shift = 0n;
  if (length > 64n) {
    shift = length - 64n;
    const sticky = (a & ((1n << shift) - 1n)) !== 0n ? 1n : 0n;
    a = (a >> shift) | sticky;
  }
  const value = Number(a) * 2 ** Number(shift - scale); // exact: a power of two, a normal result
  return negative ? -value : value;
}

/** The integer m and exponent e with |x| = m · 2^e (x finite, non-zero). */
function decompose(x: number): [bigint, number] {
  conversion[0] = Math.abs(x);
  const high = conversionWords[1];
  const low = conversionWords[0];
  const exponent = high >>> 20;
  const mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  if (exponent === 0) return [mantissa, -1074];
  return [mantissa | (1n << 52n), exponent - 1075];
}

function hugeRemPio2(x: number): number {
  const [twoPi, halfPi] = constants();
  const [m, e] = decompose(x); // here e ≥ 0 and |x| = m 2^e
  // |x| · 2/π = m · 2^e · twoPi · 2^-1600; n = round of it, frac = the rest in (−½, ½], with 1600 − e bits.
  const product = m * twoPi;
  const fractionBits = FRACTION_BITS - BigInt(e);
  const half = 1n << (fractionBits - 1n);
  const n = (product + half) >> fractionBits;
  const frac = product - (n << fractionBits);
  // y = frac · π/2, fixed point with fractionBits + 1600 fraction bits.
  const scaled = frac * halfPi;
  const scale = fractionBits + FRACTION_BITS;
  const y0 = toDouble(scaled, scale);
  const [m0, e0] = y0 === 0 ? [0n, 0] : decompose(y0);
  const exact0 = (y0 < 0 ? -m0 : m0) << (scale + BigInt(e0));
  const y1 = toDouble(scaled - exact0, scale);
  const nLow = Number(n & 7n);
  if (x < 0) {
    remPio2Y[0] = -y0;
    remPio2Y[1] = -y1;
    return -nLow;
  }
  remPio2Y[0] = y0;
  remPio2Y[1] = y1;
  return nLow;
}
