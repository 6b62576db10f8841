/**
 * e^x with exactly the bits of V8's Math.exp, faster where the engine spends its exponentials (logistic
 * units: one per unit per pattern, a third of a small network's full-batch epoch).
 *
 * V8's Math.exp is fdlibm's e_exp.c (FreeBSD msun, v8/src/base/ieee754.cc) compiled into the runtime: each
 * call leaves the optimised code, so consecutive exponentials do not overlap. This is the same algorithm in
 * plain double arithmetic — JavaScript has no fused multiply-add and rounds every operation, so the bits are
 * fdlibm's on every host — written without fdlibm's bit manipulation and with its three ranges folded into
 * one: k = 0 below ½ ln 2 (fdlibm's `1 − (x c/(c − 2) − x)` is the general formula with k = 0, hi = x,
 * lo = 0, since x c/(c − 2) = −(x c/(2 − c)) exactly), k = ±1 up to 1.5 ln 2 (fdlibm's special case computes
 * what the general formula does there). The rare ranges fdlibm treats apart — |x| < 2⁻²⁸, x = 1 (V8
 * returns Math.E), |x| ≥ 700 (overflow, underflow, subnormal results), NaN — go to the full port of e_exp.c,
 * fdlibm/exp.ts, not to Math.exp: V8 after Node 20 no longer computes Math.exp with fdlibm.
 * test/unit/engine/exp.test.ts compares the two on tens of millions of arguments and every range boundary.
 */
import { exp as fdlibmExp } from './fdlibm/exp';

/*
 * The constants are written into exp() as literals: a module-level const is a context slot V8 (Node 20)
 * loads, checks and unboxes on every call of the inlined function, eight of them per exponential.
 *   LN2_HI  = 6.93147180369123816490e-01   0x3FE62E42 FEE00000: k · LN2_HI is exact for the k used here
 *   LN2_LO  = 1.90821492927058770002e-10   0x3DEA39EF 35793C76
 *   INV_LN2 = 1.44269504088896338700e+00   0x3FF71547 652B82FE
 *   P1 … P5, fdlibm's polynomial for R(r²)
 *   REDUCE_FROM = 0.3465735912322998: fdlibm reduces only above |x| with high word 0x3FD62E42, i.e. from
 *     the double 0x3FD62E43 00000000 up
 *   TINY = 2⁻²⁸ = 3.725290298461914e-9: fdlibm returns 1 + x below it (high word 0x3E300000)
 *   LARGE = 700: where this port hands over to fdlibm/exp.ts; k stays within ±1010, so 2^k is a normal double
 */
const K_OFFSET = 1023;
/** 2^k for k in [−1023, 1023], indexed by k + 1023: scaling by it is exact (fdlibm adds k to the exponent). */
const POWERS_OF_TWO = new Float64Array(2 * K_OFFSET + 1).map((_, i) => 2 ** (i - K_OFFSET));

export function exp(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < 700) || ax < 3.725290298461914e-9 || x === 1) return fdlibmExp(x);
  let k = Math.trunc(1.44269504088896338700e+00 * x + (x < 0 ? -0.5 : 0.5));
  if (ax < 0.3465735912322998) k = 0;
  const hi = x - k * 6.93147180369123816490e-01;
  const lo = k * 1.90821492927058770002e-10;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (1.66666666666666019037e-01 + t * (-2.77777777770155933842e-03 + t * (6.61375632143793436117e-05 +
    t * (-1.65339022054652515390e-06 + t * 4.13813679705723846039e-08))));
  const y = 1 - ((lo - (r * c) / (2 - c)) - hi);
  return y * POWERS_OF_TWO[k + 1023];
}
