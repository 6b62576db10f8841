/**
 * Kernels that skip exact zeros, for the same bits as the dense kernels (kernels.ts) with less work: the
 * deltas of ReLU units that are off are exactly ±0, so half or more of a ReLU layer's gradient terms are
 * zero; one-hot and binary input patterns are mostly zeros, so are most terms of the first layer's sums.
 *
 * Why skipping gives the same bits. A dense result is one running sum S = s0 + t_1 + t_2 + … in a fixed
 * order. Leave out some terms that are ±0 (d·h with d = ±0 and h finite, or 0·w with w finite) and keep
 * the order of the rest. Adding ±0 to a nonzero value never changes it, and adding a nonzero term to ±0
 * gives that term, whatever the zero's sign; so the two running sums can differ only in the sign of a
 * zero, and a shortened sum that is not ±0 is the dense sum exactly. A zero result gets the dense sum's
 * sign, worked out from all the terms (zeroSum, forwardZero): −0 exactly when the start and every term
 * are −0. In an update the sign of g = ±0 matters only when α ΔW(t−1) is ±0 too (otherwise
 * ΔW = α ΔW(t−1) − λ g is α ΔW(t−1) whatever the sign), so only then is it worked out.
 * Starting from −0 is the same as starting from the first term: −0 + x = x for every x, NaN included.
 * A term with a non-finite factor would be NaN, not ±0: the caller uses these kernels only when the factor
 * that multiplies the skipped zeros is finite throughout the block (blockIsFinite).
 */

/** Whether every value of the first `length` of `values` is finite (x − x is 0, or NaN for ±∞ and NaN). */
export function blockIsFinite(values: Float64Array, length: number): boolean {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  for (; i + 4 <= length; i += 4) {
    const a = values[i], b = values[i + 1], c = values[i + 2], d = values[i + 3];
    s0 += a - a; s1 += b - b; s2 += c - c; s3 += d - d;
  }
  for (; i < length; i++) s0 += values[i] - values[i];
  return s0 + s1 + s2 + s3 === 0;
}

/** How many of the first `length` values are exactly ±0. */
export function countZeros(values: Float64Array, length: number): number {
  let zeros = 0;
  for (let i = 0; i < length; i++) if (values[i] === 0) zeros++;
  return zeros;
}

/**
 * Σ_p D[p][r] H[p][c] in gradientUpdate's order, given that it is ±0: −0 exactly when every term is −0
 * (a zero reached through a nonzero value is +0, and +0 stays +0 when zeros are added), so the first term
 * that is not −0 settles it.
 */
function zeroSum(D: Float64Array, H: Float64Array, m: number, N: number, K: number, r: number, c: number): number {
  for (let p = 0, dp = r, hp = c; p < m; p++, dp += N, hp += K) {
    const t = D[dp] * H[hp];
    if (!(t === 0 && 1 / t < 0)) return 0;
  }
  return -0;
}

/**
 * gradientUpdate (kernels.ts) for deltas D with many exact zeros, bit for bit: for each row r the
 * patterns whose D[p][r] is not ±0 are listed first (in `rowStart`, `rowValue`: room for m each), then
 * each 8-column strip of g sums over those patterns only, in order, and is applied as
 * ΔW = α ΔW(t−1) − λ g. A row whose deltas are all ±0 (a unit that was off for every pattern) costs only
 * its momentum step. H must be finite.
 */
export function sparseGradientUpdate(
  D: Float64Array, H: Float64Array, W: Float64Array, mW: Float64Array, m: number, N: number, K: number, lr: number, alpha: number,
  rowStart: Int32Array, rowValue: Float64Array,
): void {
  // Column panels of H small enough to stay in the core's cache while every row sweeps them.
  const panel = Math.max(8, Math.floor(PANEL_VALUES / (8 * m)) * 8);
  for (let c0 = 0; c0 < K; c0 += panel) {
    const c1 = Math.min(K, c0 + panel);
    sparsePanel(D, H, W, mW, m, N, K, lr, alpha, rowStart, rowValue, c0, c1);
  }
}

/** Values of H (8 bytes each) one panel may hold: 128 KiB. */
const PANEL_VALUES = 16384;

function sparsePanel(
  D: Float64Array, H: Float64Array, W: Float64Array, mW: Float64Array, m: number, N: number, K: number, lr: number, alpha: number,
  rowStart: Int32Array, rowValue: Float64Array, c0: number, c1: number,
): void {
  for (let r = 0; r < N; r++) {
    let n = 0;
    for (let p = 0, dp = r; p < m; p++, dp += N) {
      const d = D[dp];
      if (d !== 0) {
        rowStart[n] = p * K;
        rowValue[n] = d;
        n++;
      }
    }
    const g0 = r * K;
    if (n === 0) {
      // Every delta is ±0, so g is ±0 and ΔW = αΔW(t−1) − λ(±0) = αΔW(t−1) unless that is ±0 too.
      for (let c = c0, i = g0 + c0; c < c1; c++, i++) {
        let v = alpha * mW[i];
        if (v === 0) v -= lr * zeroSum(D, H, m, N, K, r, c);
        mW[i] = v;
        W[i] += v;
      }
      continue;
    }
    const skipped = n < m;
    let c = c0;
    for (; c + 8 <= c1; c += 8) {
      let a0 = -0, a1 = -0, a2 = -0, a3 = -0, a4 = -0, a5 = -0, a6 = -0, a7 = -0;
      for (let q = 0; q < n; q++) {
        const d = rowValue[q];
        const hp = rowStart[q] + c;
        a0 += d * H[hp]; a1 += d * H[hp + 1]; a2 += d * H[hp + 2]; a3 += d * H[hp + 3];
        a4 += d * H[hp + 4]; a5 += d * H[hp + 5]; a6 += d * H[hp + 6]; a7 += d * H[hp + 7];
      }
      if (skipped) {
        if (a0 === 0 && alpha * mW[g0 + c] === 0) a0 = zeroSum(D, H, m, N, K, r, c);
        if (a1 === 0 && alpha * mW[g0 + c + 1] === 0) a1 = zeroSum(D, H, m, N, K, r, c + 1);
        if (a2 === 0 && alpha * mW[g0 + c + 2] === 0) a2 = zeroSum(D, H, m, N, K, r, c + 2);
        if (a3 === 0 && alpha * mW[g0 + c + 3] === 0) a3 = zeroSum(D, H, m, N, K, r, c + 3);
        if (a4 === 0 && alpha * mW[g0 + c + 4] === 0) a4 = zeroSum(D, H, m, N, K, r, c + 4);
        if (a5 === 0 && alpha * mW[g0 + c + 5] === 0) a5 = zeroSum(D, H, m, N, K, r, c + 5);
        if (a6 === 0 && alpha * mW[g0 + c + 6] === 0) a6 = zeroSum(D, H, m, N, K, r, c + 6);
        if (a7 === 0 && alpha * mW[g0 + c + 7] === 0) a7 = zeroSum(D, H, m, N, K, r, c + 7);
      }
      let i = g0 + c, v = alpha * mW[i] - lr * a0;
      mW[i] = v; W[i] += v; i++; v = alpha * mW[i] - lr * a1;
      mW[i] = v; W[i] += v; i++; v = alpha * mW[i] - lr * a2;
      mW[i] = v; W[i] += v; i++; v = alpha * mW[i] - lr * a3;
      mW[i] = v; W[i] += v; i++; v = alpha * mW[i] - lr * a4;
      mW[i] = v; W[i] += v; i++; v = alpha * mW[i] - lr * a5;
      mW[i] = v; W[i] += v; i++; v = alpha * mW[i] - lr * a6;
      mW[i] = v; W[i] += v; i++; v = alpha * mW[i] - lr * a7;
      mW[i] = v; W[i] += v;
    }
    for (; c < c1; c++) {
      let a = -0;
      for (let q = 0; q < n; q++) a += rowValue[q] * H[rowStart[q] + c];
      if (skipped && a === 0 && alpha * mW[g0 + c] === 0) a = zeroSum(D, H, m, N, K, r, c);
      const i = g0 + c;
      const v = alpha * mW[i] - lr * a;
      mW[i] = v;
      W[i] += v;
    }
  }
}

/**
 * forwardProduct (kernels.ts) for a block whose inputs H are mostly exact zeros (one-hot or binary
 * patterns), bit for bit: OUT[p][r] = b[r] + Σ_k H[p][k] W[r][k] over the k with H[p][k] ≠ 0 only, in
 * order. Skipped terms are 0·w = ±0, so W must be finite. A result of exactly ±0 gets the sign of the
 * whole sum (forwardZero). `colIndex`, `colValue`: room for K each.
 */
export function sparseForwardProduct(
  H: Float64Array, W: Float64Array, b: Float64Array, OUT: Float64Array, m: number, K: number, N: number,
  colIndex: Int32Array, colValue: Float64Array,
): void {
  for (let p = 0; p < m; p++) {
    const h0 = p * K;
    let n = 0;
    for (let k = 0; k < K; k++) {
      const x = H[h0 + k];
      if (x !== 0) {
        colIndex[n] = k;
        colValue[n] = x;
        n++;
      }
    }
    const o = p * N;
    let r = 0;
    for (; r + 4 <= N; r += 4) {
      const w0 = r * K, w1 = w0 + K, w2 = w1 + K, w3 = w2 + K;
      let a0 = b[r], a1 = b[r + 1], a2 = b[r + 2], a3 = b[r + 3];
      for (let q = 0; q < n; q++) {
        const k = colIndex[q];
        const x = colValue[q];
        a0 += x * W[w0 + k]; a1 += x * W[w1 + k]; a2 += x * W[w2 + k]; a3 += x * W[w3 + k];
      }
      OUT[o + r] = a0 === 0 ? forwardZero(H, h0, W, w0, b[r], K) : a0;
      OUT[o + r + 1] = a1 === 0 ? forwardZero(H, h0, W, w1, b[r + 1], K) : a1;
      OUT[o + r + 2] = a2 === 0 ? forwardZero(H, h0, W, w2, b[r + 2], K) : a2;
      OUT[o + r + 3] = a3 === 0 ? forwardZero(H, h0, W, w3, b[r + 3], K) : a3;
    }
    for (; r < N; r++) {
      const w0 = r * K;
      let a = b[r];
      for (let q = 0; q < n; q++) a += colValue[q] * W[w0 + colIndex[q]];
      OUT[o + r] = a === 0 ? forwardZero(H, h0, W, w0, b[r], K) : a;
    }
  }
}

/** b + Σ_k H[h0 + k] W[w0 + k], given that it is ±0: −0 exactly when b and every term are −0. */
function forwardZero(H: Float64Array, h0: number, W: Float64Array, w0: number, b: number, K: number): number {
  if (!(b === 0 && 1 / b < 0)) return 0;
  for (let k = 0; k < K; k++) {
    const t = H[h0 + k] * W[w0 + k];
    if (!(t === 0 && 1 / t < 0)) return 0;
  }
  return -0;
}

/**
 * gradientUpdate (kernels.ts) for a block whose H (the layer's inputs) is mostly exact zeros, bit for
 * bit: for each column c the patterns with H[p][c] ≠ 0 are listed, and g[r][c] sums over those only, four
 * rows at a time. Skipped terms are d·0 = ±0, so D must be finite. `rowStart`, `rowValue`: room for m.
 */
export function sparseInputGradientUpdate(
  D: Float64Array, H: Float64Array, W: Float64Array, mW: Float64Array, m: number, N: number, K: number, lr: number, alpha: number,
  rowStart: Int32Array, rowValue: Float64Array,
): void {
  for (let c = 0; c < K; c++) {
    let n = 0;
    for (let p = 0, hp = c; p < m; p++, hp += K) {
      const x = H[hp];
      if (x !== 0) {
        rowStart[n] = p * N;
        rowValue[n] = x;
        n++;
      }
    }
    let r = 0;
    for (; r + 4 <= N; r += 4) {
      let a0 = -0, a1 = -0, a2 = -0, a3 = -0;
      for (let q = 0; q < n; q++) {
        const x = rowValue[q];
        const dp = rowStart[q] + r;
        a0 += D[dp] * x; a1 += D[dp + 1] * x; a2 += D[dp + 2] * x; a3 += D[dp + 3] * x;
      }
      let i = r * K + c;
      let v = alpha * mW[i];
      if (!(a0 === 0 && v !== 0)) v -= lr * (a0 === 0 ? zeroSum(D, H, m, N, K, r, c) : a0);
      mW[i] = v; W[i] += v; i += K;
      v = alpha * mW[i];
      if (!(a1 === 0 && v !== 0)) v -= lr * (a1 === 0 ? zeroSum(D, H, m, N, K, r + 1, c) : a1);
      mW[i] = v; W[i] += v; i += K;
      v = alpha * mW[i];
      if (!(a2 === 0 && v !== 0)) v -= lr * (a2 === 0 ? zeroSum(D, H, m, N, K, r + 2, c) : a2);
      mW[i] = v; W[i] += v; i += K;
      v = alpha * mW[i];
      if (!(a3 === 0 && v !== 0)) v -= lr * (a3 === 0 ? zeroSum(D, H, m, N, K, r + 3, c) : a3);
      mW[i] = v; W[i] += v;
    }
    for (; r < N; r++) {
      let a = -0;
      for (let q = 0; q < n; q++) a += D[rowStart[q] + r] * rowValue[q];
      const i = r * K + c;
      let v = alpha * mW[i];
      if (!(a === 0 && v !== 0)) v -= lr * (a === 0 ? zeroSum(D, H, m, N, K, r, c) : a);
      mW[i] = v;
      W[i] += v;
    }
  }
}
