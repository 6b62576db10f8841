/**
 * fdlibm's __kernel_rem_pio2 (k_rem_pio2.c), as V8 ports it in v8/src/base/ieee754.cc, for prec = 2
 * (53-bit doubles, y = y[0] + y[1]): the Payne–Hanek reduction __ieee754_rem_pio2 uses above 2^19 π/2.
 * Same operations, same order, same constants.
 *
 * x[0 .. nx−1]: |x| · 2^-e0 cut into 24-bit pieces; the product with 2/π is formed only where it matters
 * (the 24-bit chunks of 2/π from index jv on), distilled into 24-bit integers iq[], n = its integer part
 * mod 8, and the fraction times π/2 (PIo2: π/2 in 24-bit pieces) summed into y[0], y[1].
 *
 * two_over_pi (ipio2) is fdlibm's table of 2/π's first 66 · 24 = 1584 fraction bits (0xA2F983, 0x6E4E44,
 * 0x1529FC, …); it is computed here from Machin's formula in BigInt rather than written out, and
 * test/unit/engine/fdlibm.test.ts checks its first entries against fdlibm's.
 */
import { fromWords } from './words';

const PIO2 = [
  1.57079625129699707031e+00, /* 0x3FF921FB, 0x40000000 */
  7.54978941586159635335e-08, /* 0x3E74442D, 0x00000000 */
  5.39030252995776476554e-15, /* 0x3CF84698, 0x80000000 */
  3.28200341580791294123e-22, /* 0x3B78CC51, 0x60000000 */
  1.27065575308067607349e-29, /* 0x39F01B83, 0x80000000 */
  1.22933308981111328932e-36, /* 0x387A2520, 0x40000000 */
  2.73370053816464559624e-44, /* 0x36E38222, 0x80000000 */
  2.16741683877804819444e-51, /* 0x3569F31D, 0x00000000 */
];
const TWO24 = 1.67772160000000000000e+07; /* 0x41700000, 0x00000000 */
const TWON24 = 5.96046447753906250000e-08; /* 0x3E700000, 0x00000000 */
const JK = 4; /* init_jk[prec = 2] */

/** floor(atan(1/q) · 2^bits) up to a few units, by the alternating Taylor series in fixed point. */
function arctanInverse(q: bigint, bits: bigint): bigint {
  let power = (1n << bits) / q;
  const q2 = q * q;
  let sum = power;
  for (let k = 1n; power !== 0n; k++) {
    power /= q2;
    const term = power / (2n * k + 1n);
    sum += k % 2n === 1n ? -term : term;
  }
  return sum;
}

let table: Int32Array | undefined;

/** two_over_pi: 2/π's fraction in 24-bit chunks, 66 of them (fdlibm's table), computed once. */
export function twoOverPi(): Int32Array {
  if (table === undefined) {
    const bits = 66n * 24n + 128n;
    const pi = 16n * arctanInverse(5n, bits) - 4n * arctanInverse(239n, bits); // π · 2^bits, error ≪ 2^-100
    const scaled = (1n << (2n * bits + 1n)) / pi; // 2/π · 2^bits
    const fraction = (scaled >> 128n) & ((1n << (66n * 24n)) - 1n); // 2/π < 1: all of it is fraction
    table = new Int32Array(66);
    for (let i = 0; i < 66; i++) table[i] = Number((fraction >> BigInt((65 - i) * 24)) & 0xffffffn);
  }
  return table;
}

/** scalbn(x, n) for the powers of two this kernel needs (|n| well within the normal range). */
function scalbn(x: number, n: number): number {
  return x * fromWords((0x3ff + n) << 20, 0);
}

const iq = new Int32Array(20);
const f = new Float64Array(20);
const fq = new Float64Array(20);
const q = new Float64Array(20);

export function kernelRemPio2(x: Float64Array, y: Float64Array, e0: number, nx: number): number {
  const ipio2 = twoOverPi();
  const jk = JK; /* initialize jk */
  const jp = jk;
  /* determine jx, jv, q0, note that 3 > q0 */
  const jx = nx - 1;
  let jv = ((e0 - 3) / 24) | 0;
  if (jv < 0) jv = 0;
  let q0 = e0 - 24 * (jv + 1);
  /* set up f[0] to f[jx+jk] where f[jx+jk] = ipio2[jv+jk] */
  let j = jv - jx;
  const m = jx + jk;
  for (let i = 0; i <= m; i++, j++) f[i] = j < 0 ? 0 : ipio2[j];
  /* compute q[0], q[1], ... q[jk] */
  let fw: number;
  for (let i = 0; i <= jk; i++) {
    fw = 0.0;
    for (j = 0; j <= jx; j++) fw += x[j] * f[jx + i - j];
    q[i] = fw;
  }
  let jz = jk;
  let z: number;
  let n: number;
  let ih: number;
  for (;;) { /* recompute: */
    /* distill q[] into iq[] reversingly */
    let i = 0;
    for (j = jz, z = q[jz]; j > 0; i++, j--) {
      fw = (TWON24 * z) | 0;
      iq[i] = (z - TWO24 * fw) | 0;
      z = q[j - 1] + fw;
    }
    /* compute n */
    z = scalbn(z, q0); /* actual value of z */
    z -= 8.0 * Math.floor(z * 0.125); /* trim off integer >= 8 */
    n = z | 0;
    z -= n;
    ih = 0;
    if (q0 > 0) { /* need iq[jz-1] to determine n */
      i = iq[jz - 1] >> (24 - q0);
      n += i;
      iq[jz - 1] -= i << (24 - q0);
      ih = iq[jz - 1] >> (23 - q0);
    } else if (q0 === 0) {
      ih = iq[jz - 1] >> 23;
    } else if (z >= 0.5) {
      ih = 2;
    }
    if (ih > 0) { /* q > 0.5 */
      n += 1;
      let carry = 0;
      for (i = 0; i < jz; i++) { /* compute 1-q */
        j = iq[i];
        if (carry === 0) {
          if (j !== 0) {
            carry = 1;
            iq[i] = 0x1000000 - j;
          }
        } else {
          iq[i] = 0xffffff - j;
        }
      }
      if (q0 > 0) { /* rare case: chance is 1 in 12 */
        switch (q0) {
          case 1: iq[jz - 1] &= 0x7fffff; break;
          case 2: iq[jz - 1] &= 0x3fffff; break;
        }
      }
      if (ih === 2) {
        z = 1 - z;
        if (carry !== 0) z -= scalbn(1, q0);
      }
    }
    /* check if recomputation is needed */
    if (z === 0) {
      j = 0;
      for (i = jz - 1; i >= jk; i--) j |= iq[i];
      if (j === 0) { /* need recomputation */
        let k = 1;
        while (iq[jk - k] === 0) k++; /* k = no. of terms needed */
        for (i = jz + 1; i <= jz + k; i++) { /* add q[jz+1] to q[jz+k] */
          f[jx + i] = ipio2[jv + i];
          fw = 0.0;
          for (j = 0; j <= jx; j++) fw += x[j] * f[jx + i - j];
          q[i] = fw;
        }
        jz += k;
        continue;
      }
    }
    break;
  }
  /* chop off zero terms */
  if (z === 0.0) {
    jz -= 1;
    q0 -= 24;
    while (iq[jz] === 0) {
      jz--;
      q0 -= 24;
    }
  } else { /* break z into 24-bit if necessary */
    z = scalbn(z, -q0);
    if (z >= TWO24) {
      fw = (TWON24 * z) | 0;
      iq[jz] = (z - TWO24 * fw) | 0;
      jz += 1;
      q0 += 24;
      iq[jz] = fw;
    } else {
      iq[jz] = z | 0;
    }
  }
  /* convert integer "bit" chunk to floating-point value */
  fw = scalbn(1, q0);
  for (let i = jz; i >= 0; i--) {
    q[i] = fw * iq[i];
    fw *= TWON24;
  }
  /* compute PIo2[0,...,jp]*q[jz,...,0] */
  for (let i = jz; i >= 0; i--) {
    fw = 0.0;
    for (let k = 0; k <= jp && k <= jz - i; k++) fw += PIO2[k] * q[i + k];
    fq[jz - i] = fw;
  }
  /* compress fq[] into y[] (prec = 2) */
  fw = 0.0;
  for (let i = jz; i >= 0; i--) fw += fq[i];
  y[0] = ih === 0 ? fw : -fw;
  fw = fq[0] - fw;
  for (let i = 1; i <= jz; i++) fw += fq[i];
  y[1] = ih === 0 ? fw : -fw;
  return n & 7;
}
