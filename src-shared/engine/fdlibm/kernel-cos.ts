/**
 * fdlibm's __kernel_cos (k_cos.c), in the version V8 ports in v8/src/base/ieee754.cc: cos(x + y) on
 * |x| ≤ π/4, y the tail of x. Same operations, same order, same constants.
 *
 * Method: cos(x) ≈ 1 − x²/2 + x⁴ C(x²) (C1 … C6); for |x| ≥ 0.3 the subtraction 1 − x²/2 is split as
 * (1 − qx) − (x²/2 − qx), qx = |x|/4 rounded down to its high word (0.28125 above 0.78125).
 */
import { fromWords, highWord } from './words';

const C1 = 4.16666666666666019037e-02; /* 0x3FA55555, 0x5555554C */
const C2 = -1.38888888888741095749e-03; /* 0xBF56C16C, 0x16C15177 */
const C3 = 2.48015872894767294178e-05; /* 0x3EFA01A0, 0x19CB1590 */
const C4 = -2.75573143513906633035e-07; /* 0xBE927E4F, 0x809C52AD */
const C5 = 2.08757232129817482790e-09; /* 0x3E21EE9E, 0xBDB4B1C4 */
const C6 = -1.13596475577881948265e-11; /* 0xBDA8FAE9, 0xBE8838D4 */

export function kernelCos(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff; /* ix = |x|'s high word */
  if (ix < 0x3e400000) { /* if |x| < 2**-27 */
    if ((x | 0) === 0) return 1; /* generate inexact */
  }
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3FD33333) return 1 - (0.5 * z - (z * r - x * y)); /* if |x| < 0.3 */
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0); /* x > 0.78125 ? : x/4 */
  const iz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (iz - (z * r - x * y));
}
