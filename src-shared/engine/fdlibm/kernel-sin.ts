/**
 * fdlibm's __kernel_sin (k_sin.c), as V8 ports it in v8/src/base/ieee754.cc: sin(x + y) on |x| ≤ π/4,
 * y the tail of x, iy = 0 when y is known to be 0. Same operations, same order, same constants.
 *
 * Method: sin(x) ≈ x + S1 x³ + x⁵ (S2 + x² (S3 + … S6)); with a tail,
 * sin(x + y) ≈ x − ((z (y/2 − v r) − y) − v S1), z = x², v = z x.
 */
import { highWord } from './words';

const S1 = -1.66666666666666324348e-01; /* 0xBFC55555, 0x55555549 */
const S2 = 8.33333333332248946124e-03; /* 0x3F811111, 0x1110F8A6 */
const S3 = -1.98412698298579493134e-04; /* 0xBF2A01A0, 0x19C161D5 */
const S4 = 2.75573137070700676789e-06; /* 0x3EC71DE3, 0x57B1FE7D */
const S5 = -2.50507602534068634195e-08; /* 0xBE5AE5E6, 0x8A2B9CEB */
const S6 = 1.58969099521155010221e-10; /* 0x3DE5D93A, 0x5ACFD57C */

export function kernelSin(x: number, y: number, iy: number): number {
  const ix = highWord(x) & 0x7fffffff; /* high word of x */
  if (ix < 0x3e400000) { /* |x| < 2**-27 */
    if ((x | 0) === 0) return x; /* generate inexact */
  }
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (iy === 0) return x + v * (S1 + z * r);
  return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}
