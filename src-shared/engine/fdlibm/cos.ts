/**
 * cos x with exactly the bits of fdlibm's cos (s_cos.c), as V8 ports it in v8/src/base/ieee754.cc
 * (Node 20's Math.cos): |x| ≤ π/4 straight to __kernel_cos; otherwise x = n π/2 + y by __ieee754_rem_pio2
 * (rem-pio2.ts) and ±__kernel_cos / ±__kernel_sin of y by n mod 4.
 */
import { kernelCos } from './kernel-cos';
import { kernelSin } from './kernel-sin';
import { remPio2, remPio2Y } from './rem-pio2';
import { highWord } from './words';

export function cos(x: number): number {
  const ix = highWord(x) & 0x7fffffff; /* |x| ~< pi/4 */
  if (ix <= 0x3fe921fb) return kernelCos(x, 0);
  if (ix >= 0x7ff00000) return x - x; /* cos(Inf or NaN) is NaN */
  const n = remPio2(x); /* argument reduction needed */
  const y0 = remPio2Y[0];
  const y1 = remPio2Y[1];
  switch (n & 3) {
    case 0: return kernelCos(y0, y1);
    case 1: return -kernelSin(y0, y1, 1);
    case 2: return -kernelCos(y0, y1);
    default: return kernelSin(y0, y1, 1);
  }
}
