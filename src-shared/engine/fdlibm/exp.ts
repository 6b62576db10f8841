/**
 * e^x with exactly the bits of fdlibm's __ieee754_exp (FreeBSD msun e_exp.c), as V8 ports it in
 * v8/src/base/ieee754.cc (Node 20's Math.exp), every range included: NaN, ±Infinity, overflow above
 * o_threshold, underflow below u_threshold, subnormal results (scaled by 2^-1000), |x| < 2^-28, and V8's
 * one addition, exp(1) = E. Same operations, same order, same constants. ../exp.ts is the fast path the
 * engine's loops use; it hands the rare ranges to this function.
 *
 * Method (e_exp.c): x = k ln2 + r, |r| ≤ ½ ln2; R(r²) by a degree-5 polynomial (P1 … P5);
 * e^r = 1 + r + r c/(2 − c), c = r − r² R; e^x = 2^k e^r.
 */
import { fromWords, highWord, lowWord } from './words';

const HALF = [0.5, -0.5];
const O_THRESHOLD = 7.09782712893383973096e+02; /* 0x40862E42, 0xFEFA39EF */
const U_THRESHOLD = -7.45133219101941108420e+02; /* 0xc0874910, 0xD52D3051 */
const LN2_HI = [6.93147180369123816490e-01, /* 0x3fe62e42, 0xfee00000 */
  -6.93147180369123816490e-01]; /* 0xbfe62e42, 0xfee00000 */
const LN2_LO = [1.90821492927058770002e-10, /* 0x3dea39ef, 0x35793c76 */
  -1.90821492927058770002e-10]; /* 0xbdea39ef, 0x35793c76 */
const INV_LN2 = 1.44269504088896338700e+00; /* 0x3ff71547, 0x652b82fe */
const P1 = 1.66666666666666019037e-01; /* 0x3FC55555, 0x5555553E */
const P2 = -2.77777777770155933842e-03; /* 0xBF66C16C, 0x16BEBD93 */
const P3 = 6.61375632143793436117e-05; /* 0x3F11566A, 0xAF25DE2C */
const P4 = -1.65339022054652515390e-06; /* 0xBEBBBD41, 0xC5D26BF1 */
const P5 = 4.13813679705723846039e-08; /* 0x3E663769, 0x72BEA4D0 */
const E = 2.718281828459045; /* 0x4005BF0A, 0x8B145769: V8 returns it for x = 1 */
const HUGE = 1.0e+300;
const TWOM1000 = 9.33263618503218878990e-302; /* 2**-1000 = 0x01700000, 0 */
const TWO1023 = 8.988465674311579539e307; /* 0x1p1023 */

export function exp(x: number): number {
  let hi = 0;
  let lo = 0;
  let k = 0;
  let hx = highWord(x);
  const xsb = (hx >>> 31) & 1; /* sign bit of x */
  hx &= 0x7fffffff; /* high word of |x| */
  /* filter out non-finite argument */
  if (hx >= 0x40862E42) { /* if |x| >= 709.78... */
    if (hx >= 0x7ff00000) {
      const lx = lowWord(x);
      if (((hx & 0xfffff) | lx) !== 0) return x + x; /* NaN */
      return xsb === 0 ? x : 0.0; /* exp(+-inf) = {inf, 0} */
    }
    if (x > O_THRESHOLD) return HUGE * HUGE; /* overflow */
    if (x < U_THRESHOLD) return TWOM1000 * TWOM1000; /* underflow */
  }
  /* argument reduction */
  if (hx > 0x3FD62E42) { /* if |x| > 0.5 ln2 */
    if (hx < 0x3FF0A2B2) { /* and |x| < 1.5 ln2 */
      if (x === 1.0) return E; /* V8's special case */
      hi = x - LN2_HI[xsb];
      lo = LN2_LO[xsb];
      k = 1 - xsb - xsb;
    } else {
      k = (INV_LN2 * x + HALF[xsb]) | 0;
      const t = k;
      hi = x - t * LN2_HI[0]; /* t*ln2HI is exact here */
      lo = t * LN2_LO[0];
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) { /* when |x| < 2**-28 */
    if (HUGE + x > 1) return 1 + x; /* trigger inexact */
  } else {
    k = 0;
  }
  /* x is now in primary range */
  const t = x * x;
  const twopk = k >= -1021 ? fromWords(0x3ff00000 + (k << 20), 0) : fromWords(0x3ff00000 + ((k + 1000) << 20), 0);
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - ((lo - (x * c) / (2.0 - c)) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * 2.0 * TWO1023;
    return y * twopk;
  }
  return y * twopk * TWOM1000;
}
