/**
 * tanh x with exactly the bits of fdlibm's tanh (FreeBSD msun s_tanh.c), as Node 20's V8 computes Math.tanh.
 * Newer V8 (v8/src/base/ieee754.cc) returns std::tanh, the host C library's: its last bit depends on the
 * platform, so the engine cannot take tanh from Math. Same operations, same order, same constants as s_tanh.c.
 *
 * Method: |x| < 2^-28: x; |x| < 1: −t/(t + 2), t = expm1(−2|x|); |x| < 22: 1 − 2/(t + 2), t = expm1(2|x|);
 * above: 1 − tiny; the sign of x put back.
 */
import { expm1 } from './expm1';
import { highWord } from './words';

const TINY = 1.0e-300;
const HUGE = 1.0e300;

export function tanh(x: number): number {
  const jx = highWord(x);
  const ix = jx & 0x7fffffff;
  /* x is INF or NaN */
  if (ix >= 0x7ff00000) {
    if (jx >= 0) return 1 / x + 1; /* tanh(+-inf) = +-1 */
    return 1 / x - 1; /* tanh(NaN) = NaN */
  }
  let z: number;
  if (ix < 0x40360000) { /* |x| < 22 */
    if (ix < 0x3e300000) { /* |x| < 2**-28 */
      if (HUGE + x > 1) return x; /* tanh(tiny) = tiny with inexact */
    }
    if (ix >= 0x3ff00000) { /* |x| >= 1 */
      const t = expm1(2 * Math.abs(x));
      z = 1 - 2 / (t + 2);
    } else {
      const t = expm1(-2 * Math.abs(x));
      z = -t / (t + 2);
    }
  } else { /* |x| >= 22, return +-1 */
    z = 1 - TINY; /* raise inexact flag */
  }
  return jx >= 0 ? z : -z;
}
