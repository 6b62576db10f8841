/**
 * e^x − 1 with exactly the bits of fdlibm's expm1 (FreeBSD msun s_expm1.c), as V8 ports it in
 * v8/src/base/ieee754.cc (Node 20's Math.expm1). Same operations, same order, same constants. tanh.ts uses it.
 *
 * Method (s_expm1.c): x = k ln2 + r with a correction c for the rounding of r; expm1(r) from a rational
 * approximation in r²/2 (Q1 … Q5, scaled by 2^n); then scaled back by 2^k in the way that loses least for
 * each k (−1, 1, k ≤ −2 or k > 56, k < 20, otherwise).
 */
const TINY = 1.0e-300;
const HUGE = 1.0e+300;
const O_THRESHOLD = 7.09782712893383973096e+02; /* 0x40862E42, 0xFEFA39EF */
const LN2_HI = 6.93147180369123816490e-01; /* 0x3FE62E42, 0xFEE00000 */
const LN2_LO = 1.90821492927058770002e-10; /* 0x3DEA39EF, 0x35793C76 */
const INV_LN2 = 1.44269504088896338700e+00; /* 0x3FF71547, 0x652B82FE */
/* Scaled Q's: Qn_here = 2**n * Qn_above, for R(2*z) where z = hxs = x*x/2 */
const Q1 = -3.33333333333331316428e-02; /* BFA11111 111110F4 */
const Q2 = 1.58730158725481460165e-03; /* 3F5A01A0 19FE5585 */
const Q3 = -7.93650757867487942473e-05; /* BF14CE19 9EAADBB7 */
const Q4 = 4.00821782732936239552e-06; /* 3ED0CFCA 86E65239 */
const Q5 = -2.01099218183624371326e-07; /* BE8AFDB7 6E09C32D */
const TWO1023 = 8.98846567431158e+307; /* V8 writes 0x1p1023 so */

const K_OFFSET = 1023;
/** 2^k for k in [−1023, 1023], indexed by k + 1023 (as ../exp.ts): INSERT_WORDS(twopk, 0x3ff00000 + (k << 20), 0). */
const POWERS_OF_TWO = new Float64Array(2 * K_OFFSET + 1).map((_, i) => 2 ** (i - K_OFFSET));

/*
 * fdlibm's tests on hx, the high word of |x|, are written as comparisons of |x| with the double whose high
 * word is the threshold and whose low word is 0 — the same tests, without a store and a load per call:
 *   hx >= 0x4043687A ⇔ |x| >= 38.81622314453125      hx >= 0x40862E42 ⇔ |x| >= 709.7822265625
 *   hx >  0x3FD62E42 ⇔ |x| >= 0.3465735912322998     hx <  0x3FF0A2B2 ⇔ |x| < 1.0397205352783203
 *   hx <  0x3c900000 ⇔ |x| < 2^-54                    hx >= 0x7ff00000 ⇔ x is ±Infinity or NaN
 * and xsb (the sign bit) as x < 0 where x is neither zero nor NaN.
 */
export function expm1(x: number): number {
  const ax = Math.abs(x);
  /* filter out huge and non-finite argument */
  if (ax >= 38.81622314453125) { /* if |x| >= 56*ln2 */
    if (ax >= 709.7822265625) { /* if |x| >= 709.78... */
      if (ax === Infinity) return x > 0 ? x : -1.0; /* exp(+-inf) = {inf, -1} */
      if (x > O_THRESHOLD) return HUGE * HUGE; /* overflow */
    }
    if (x < 0) { /* x < -56*ln2, return -1.0 with inexact */
      if (x + TINY < 0.0) return TINY - 1; /* return -1 */
    }
  } else if (x !== x) {
    return x + x; /* NaN */
  }
  let k: number;
  let c = 0;
  /* argument reduction */
  if (ax >= 0.3465735912322998) { /* if |x| > 0.5 ln2 */
    let hi: number;
    let lo: number;
    if (ax < 1.0397205352783203) { /* and |x| < 1.5 ln2 */
      if (x > 0) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = (INV_LN2 * x + (x > 0 ? 0.5 : -0.5)) | 0;
      const t = k;
      hi = x - t * LN2_HI; /* t*ln2_hi is exact here */
      lo = t * LN2_LO;
    }
    x = hi - lo;
    c = (hi - x) - lo;
  } else if (ax < 5.551115123125783e-17) { /* when |x| < 2**-54, return x */
    const t = HUGE + x; /* return x with inexact flags when x != 0 */
    return x - (t - (HUGE + x));
  } else {
    k = 0;
  }
  /* x is now in primary range */
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  let t = 3.0 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6.0 - x * t));
  if (k === 0) return x - (x * e - hxs); /* c is 0 */
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) {
    if (x < -0.25) return -2.0 * (e - (x + 0.5));
    return 1 + 2.0 * (x - e);
  }
  let y: number;
  if (k <= -2 || k > 56) { /* suffice to return exp(x)-1 */
    y = 1 - (e - x);
    if (k === 1024) y = y * 2.0 * TWO1023;
    else y = y * POWERS_OF_TWO[k + K_OFFSET]; /* twopk */
    return y - 1;
  }
  const twopk = POWERS_OF_TWO[k + K_OFFSET];
  if (k < 20) {
    t = 1 - POWERS_OF_TWO[K_OFFSET - k]; /* t = 1-2^-k: SET_HIGH_WORD(t, 0x3ff00000 - (0x200000 >> k)) */
    y = t - (e - x);
    y = y * twopk;
  } else {
    t = POWERS_OF_TWO[K_OFFSET - k]; /* 2^-k: SET_HIGH_WORD(t, (0x3ff - k) << 20) */
    y = x - (e + t);
    y += 1;
    y = y * twopk;
  }
  return y;
}
