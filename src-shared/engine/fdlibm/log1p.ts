/**
 * ln(1 + x) with exactly the bits of fdlibm's log1p (FreeBSD msun s_log1p.c), as V8 ports it in
 * v8/src/base/ieee754.cc (Node 20's Math.log1p). Same operations, same order, same constants.
 *
 * Method (s_log1p.c): 1 + x = 2^k (1 + f), √2/2 < 1 + f < √2, with a correction term c for the rounding of
 * 1 + x (c / u) when k ≠ 0; then as e_log.c, with the polynomial Lp1 … Lp7 (Lp = Lg) evaluated in one chain.
 */
import { highWord, withHighWord } from './words';

const LN2_HI = 6.93147180369123816490e-01; /* 3fe62e42 fee00000 */
const LN2_LO = 1.90821492927058770002e-10; /* 3dea39ef 35793c76 */
const TWO54 = 1.80143985094819840000e+16; /* 43500000 00000000 */
const LP1 = 6.666666666666735130e-01; /* 3FE55555 55555593 */
const LP2 = 3.999999999940941908e-01; /* 3FD99999 9997FA04 */
const LP3 = 2.857142874366239149e-01; /* 3FD24924 94229359 */
const LP4 = 2.222219843214978396e-01; /* 3FCC71C5 1D8E78AF */
const LP5 = 1.818357216161805012e-01; /* 3FC74664 96CB03DE */
const LP6 = 1.531383769920937332e-01; /* 3FC39A09 D078C69F */
const LP7 = 1.479819860511658591e-01; /* 3FC2F112 DF3E5244 */

export function log1p(x: number): number {
  const hx = highWord(x);
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let hu = 0;
  let c = 0;
  if (hx < 0x3FDA827A) { /* 1+x < sqrt(2)+ */
    if (ax >= 0x3ff00000) { /* x <= -1.0 */
      if (x === -1.0) return -TWO54 / 0; /* log1p(-1) = -inf */
      return (x - x) / (x - x); /* log1p(x<-1) = NaN */
    }
    if (ax < 0x3e200000) { /* |x| < 2**-29 */
      if (TWO54 + x > 0 && ax < 0x3c900000) return x; /* |x| < 2**-54 */
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= (0xbfd2bec4 | 0)) { /* sqrt(2)/2- <= 1+x < sqrt(2)+ */
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7ff00000) return x + x;
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1.0 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); /* correction term */
      c /= u;
    } else {
      u = x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) { /* u ~< sqrt(2) */
      u = withHighWord(u, hu | 0x3ff00000); /* normalize u */
    } else {
      k += 1;
      u = withHighWord(u, hu | 0x3fe00000); /* normalize u/2 */
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1.0;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) { /* |f| < 2**-20 */
    if (f === 0) {
      if (k === 0) return 0;
      c += k * LN2_LO;
      return k * LN2_HI + c;
    }
    const R = hfsq * (1.0 - 0.6666666666666666 * f); /* fdlibm writes 0.66666666666666666: the same double */
    if (k === 0) return f - R;
    return k * LN2_HI - ((R - (k * LN2_LO + c)) - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const R = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
  if (k === 0) return f - (hfsq - s * (hfsq + R));
  return k * LN2_HI - ((hfsq - (s * (hfsq + R) + (k * LN2_LO + c))) - f);
}
