/**
 * fdlibm's __ieee754_rem_pio2 (e_rem_pio2.c), as V8 ports it in v8/src/base/ieee754.cc: x = n π/2 + y,
 * |y| ≤ π/4, y = y[0] + y[1] (written to remPio2Y), returning n. Same operations, same order, same constants
 * for |x| < 3π/4 (n = ±1) and the medium path |x| ≤ 2^19 π/2 (high word ≤ 0x413921fb: n = round(|x| 2/π),
 * then one, two or three Cody–Waite steps with π/2 split into 33 + 33 + 33 + 53 bits).
 * Above that, |x| is cut into three 24-bit pieces and reduced by __kernel_rem_pio2 (kernel-rem-pio2.ts).
 */
import { kernelRemPio2 } from './kernel-rem-pio2';
import { fromWords, highWord, lowWord } from './words';

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

const TWO24 = 1.67772160000000000000e+07; /* 0x41700000, 0x00000000 */
const tx = new Float64Array(3);
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
  /* all other (large) arguments: set z = scalbn(|x|, ilogb(x) - 23) */
  const e0 = (ix >> 20) - 1046; /* e0 = ilogb(z) - 23 */
  let z = fromWords(ix - (e0 << 20), lowWord(x));
  for (let i = 0; i < 2; i++) {
    tx[i] = z | 0;
    z = (z - tx[i]) * TWO24;
  }
  tx[2] = z;
  let nx = 3;
  while (tx[nx - 1] === 0) nx--; /* skip zero term */
  const n = kernelRemPio2(tx, y, e0, nx);
  if (hx < 0) {
    y[0] = -y[0];
    y[1] = -y[1];
    return -n;
  }
  return n;
}

