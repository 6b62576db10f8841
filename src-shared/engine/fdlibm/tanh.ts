/**
 * tanh x with exactly the bits of fdlibm's tanh (FreeBSD msun s_tanh.c), as Node 20's V8 computes Math.tanh.
 * Newer V8 (v8/src/base/ieee754.cc) returns std::tanh, the host C library's: its last bit depends on the
 * platform, so the engine cannot take tanh from Math. Same operations, same order, same constants as s_tanh.c.
 *
 * Method: |x| < 2^-28: x; |x| < 1: −t/(t + 2), t = expm1(−2|x|); |x| < 22: 1 − 2/(t + 2), t = expm1(2|x|);
 * above: 1 − tiny; the sign of x put back.
 */
import { expm1 } from './expm1';

const TINY = 1.0e-300;
const HUGE = 1.0e300;

export function tanh(x: number): number {
  // fdlibm's tests on the high word ix of |x| are written as comparisons of |x| with the double whose high
  // word is the threshold and whose low word is 0 (the same test, without a store and load per call):
  // ix >= 0x7ff00000 ⇔ x is ±Infinity or NaN, ix < 0x40360000 ⇔ |x| < 22, ix < 0x3e300000 ⇔ |x| < 2^-28,
  // ix >= 0x3ff00000 ⇔ |x| >= 1; jx >= 0 ⇔ x is not negative (−0 and NaNs with the sign bit excepted,
  // which the first branches return before the sign is used).
  const ax = Math.abs(x);
  if (!(ax < Infinity)) { /* x is INF or NaN */
    if (x === Infinity) return 1 / x + 1; /* tanh(+-inf) = +-1 */
    return 1 / x - 1; /* tanh(-inf) = -1, tanh(NaN) = NaN */
  }
  let z: number;
  if (ax < 22) { /* |x| < 22 */
    if (ax < 3.725290298461914e-9) { /* |x| < 2**-28 */
      if (HUGE + x > 1) return x; /* tanh(tiny) = tiny with inexact */
    }
    if (ax >= 1) { /* |x| >= 1 */
      const t = expm1(2 * ax);
      z = 1 - 2 / (t + 2);
    } else {
      const t = expm1(-2 * ax);
      z = -t / (t + 2);
    }
  } else { /* |x| >= 22, return +-1 */
    z = 1 - TINY; /* raise inexact flag */
  }
  return x >= 0 ? z : -z;
}
