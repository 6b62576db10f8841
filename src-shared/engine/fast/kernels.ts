/**
 * The three matrix products of a block of patterns' forward pass, backward pass and gradient, in Float64,
 * register-blocked: each tile keeps a 4 × 4 patch of results in local variables, so every value loaded
 * is used four times (textbook loops run at a third of the speed: one accumulator is one dependency chain).
 *
 * Bit-exactness rule, which every kernel here keeps: each result is ONE running sum over the inner index in
 * ascending order, starting from a fixed value (the bias, 0, or the gradient summed so far). So the result
 * does not depend on the tile a value falls in, on how many patterns a block holds, or on where a run was
 * split into blocks — and a block of one pattern gives exactly the single-pattern passes of network.ts.
 *
 * Matrices are row-major Float64Arrays: a block of activations is `rows` patterns × `units`; W^j is
 * out × in, as in n = W h.
 */

/** Forward: OUT[p][r] = b[r] + Σ_k H[p][k] W[r][k], for m patterns (H: m × K, W: N × K, OUT: m × N). */
export function forwardProduct(H: Float64Array, W: Float64Array, b: Float64Array, OUT: Float64Array, m: number, K: number, N: number): void {
  // W[r][k] is W[r·K + k]: the next output's row is K further on, the next k one further.
  for (let p = rowTiles(H, W, K, 1, b, OUT, m, K, N); p < m; p++) forwardOne(H, p * K, W, b, OUT, p * N, K, N);
}

/**
 * The 4 × 4 tiles of both block products: OUT[p][q] = start_q + Σ_i X[p][i] M(q, i), for the patterns p in
 * whole groups of four (X: m × inner, OUT: m × outer), where M(q, i) = M[q·qStride + i·iStride] and
 * start_q = b[q], or 0 without b. Returns how many patterns it did (m rounded down to a multiple of 4).
 */
function rowTiles(
  X: Float64Array, M: Float64Array, qStride: number, iStride: number, b: Float64Array | null, OUT: Float64Array,
  m: number, inner: number, outer: number,
): number {
  const q1 = qStride, q2 = 2 * qStride, q3 = 3 * qStride;
  let p = 0;
  for (; p + 4 <= m; p += 4) {
    const x0 = p * inner, x1 = x0 + inner, x2 = x1 + inner, x3 = x2 + inner;
    let q = 0;
    for (; q + 4 <= outer; q += 4) {
      let a00 = b ? b[q] : 0, a01 = b ? b[q + 1] : 0, a02 = b ? b[q + 2] : 0, a03 = b ? b[q + 3] : 0;
      let a10 = a00, a11 = a01, a12 = a02, a13 = a03;
      let a20 = a00, a21 = a01, a22 = a02, a23 = a03;
      let a30 = a00, a31 = a01, a32 = a02, a33 = a03;
      for (let i = 0, mo = q * qStride; i < inner; i++, mo += iStride) {
        const v0 = X[x0 + i], v1 = X[x1 + i], v2 = X[x2 + i], v3 = X[x3 + i];
        let w = M[mo];
        a00 += v0 * w; a10 += v1 * w; a20 += v2 * w; a30 += v3 * w;
        w = M[mo + q1];
        a01 += v0 * w; a11 += v1 * w; a21 += v2 * w; a31 += v3 * w;
        w = M[mo + q2];
        a02 += v0 * w; a12 += v1 * w; a22 += v2 * w; a32 += v3 * w;
        w = M[mo + q3];
        a03 += v0 * w; a13 += v1 * w; a23 += v2 * w; a33 += v3 * w;
      }
      let o = p * outer + q;
      OUT[o] = a00; OUT[o + 1] = a01; OUT[o + 2] = a02; OUT[o + 3] = a03;
      o += outer;
      OUT[o] = a10; OUT[o + 1] = a11; OUT[o + 2] = a12; OUT[o + 3] = a13;
      o += outer;
      OUT[o] = a20; OUT[o + 1] = a21; OUT[o + 2] = a22; OUT[o + 3] = a23;
      o += outer;
      OUT[o] = a30; OUT[o + 1] = a31; OUT[o + 2] = a32; OUT[o + 3] = a33;
    }
    for (; q < outer; q++) {
      let a0 = b ? b[q] : 0, a1 = a0, a2 = a0, a3 = a0;
      for (let i = 0, mo = q * qStride; i < inner; i++, mo += iStride) {
        const w = M[mo];
        a0 += X[x0 + i] * w; a1 += X[x1 + i] * w; a2 += X[x2 + i] * w; a3 += X[x3 + i] * w;
      }
      const o = p * outer + q;
      OUT[o] = a0; OUT[o + outer] = a1; OUT[o + 2 * outer] = a2; OUT[o + 3 * outer] = a3;
    }
  }
  return p;
}

/**
 * One pattern: out[r] = b[r] + Σ_k h[k] W[r][k], four rows of W at a time, then the last one to three
 * rows together: a lone running sum is one long chain of dependent additions, several run side by side.
 */
export function forwardOne(H: Float64Array, hStart: number, W: Float64Array, b: Float64Array, OUT: Float64Array, oStart: number, K: number, N: number): void {
  let r = 0;
  for (; r + 4 <= N; r += 4) {
    const w0 = r * K, w1 = w0 + K, w2 = w1 + K, w3 = w2 + K;
    let a0 = b[r], a1 = b[r + 1], a2 = b[r + 2], a3 = b[r + 3];
    for (let k = 0; k < K; k++) {
      const x = H[hStart + k];
      a0 += x * W[w0 + k]; a1 += x * W[w1 + k]; a2 += x * W[w2 + k]; a3 += x * W[w3 + k];
    }
    OUT[oStart + r] = a0; OUT[oStart + r + 1] = a1; OUT[oStart + r + 2] = a2; OUT[oStart + r + 3] = a3;
  }
  const left = N - r;
  if (left === 3) {
    const w0 = r * K, w1 = w0 + K, w2 = w1 + K;
    let a0 = b[r], a1 = b[r + 1], a2 = b[r + 2];
    for (let k = 0; k < K; k++) {
      const x = H[hStart + k];
      a0 += x * W[w0 + k]; a1 += x * W[w1 + k]; a2 += x * W[w2 + k];
    }
    OUT[oStart + r] = a0; OUT[oStart + r + 1] = a1; OUT[oStart + r + 2] = a2;
  } else if (left === 2) {
    const w0 = r * K, w1 = w0 + K;
    let a0 = b[r], a1 = b[r + 1];
    for (let k = 0; k < K; k++) {
      const x = H[hStart + k];
      a0 += x * W[w0 + k]; a1 += x * W[w1 + k];
    }
    OUT[oStart + r] = a0; OUT[oStart + r + 1] = a1;
  } else if (left === 1) {
    const w0 = r * K;
    let a = b[r];
    for (let k = 0; k < K; k++) a += H[hStart + k] * W[w0 + k];
    OUT[oStart + r] = a;
  }
}

/**
 * Backward: OUT[p][c] = Σ_r D[p][r] B[r][c] (D: m × N deltas of the layer above, B: N × K, the weights W
 * or, for feedback alignment, F; OUT: m × K), each sum starting from 0.
 */
export function backwardProduct(D: Float64Array, B: Float64Array, OUT: Float64Array, m: number, N: number, K: number): void {
  // B[r][c] is B[r·K + c]: the next output's column is one further on, the next r K further.
  for (let p = rowTiles(D, B, 1, K, null, OUT, m, N, K); p < m; p++) backwardOne(D, p * N, B, OUT, p * K, N, K);
}

/** One pattern: out[c] = Σ_r d[r] B[r][c], four columns at a time. */
export function backwardOne(D: Float64Array, dStart: number, B: Float64Array, OUT: Float64Array, oStart: number, N: number, K: number): void {
  let c = 0;
  for (; c + 4 <= K; c += 4) {
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    for (let r = 0, wo = c; r < N; r++, wo += K) {
      const x = D[dStart + r];
      a0 += x * B[wo]; a1 += x * B[wo + 1]; a2 += x * B[wo + 2]; a3 += x * B[wo + 3];
    }
    OUT[oStart + c] = a0; OUT[oStart + c + 1] = a1; OUT[oStart + c + 2] = a2; OUT[oStart + c + 3] = a3;
  }
  for (; c < K; c++) {
    let a = 0;
    for (let r = 0, wo = c; r < N; r++, wo += K) a += D[dStart + r] * B[wo];
    OUT[oStart + c] = a;
  }
}

/**
 * Gradient: G[r][c] = G[r][c] + Σ_p D[p][r] H[p][c], the patterns in block order (D: m × N, H: m × K,
 * G: N × K). With `first` (the block opens an update) the sum starts from the first pattern's product
 * instead of from G, so an update of one pattern gives g = δ h exactly, as the online path computes it.
 */
export function gradientProduct(D: Float64Array, H: Float64Array, G: Float64Array, m: number, N: number, K: number, first: boolean): void {
  gradientTiles(D, H, G, null, m, N, K, first, 0, 0);
}

/**
 * The sums g[r][c] = (first ? D[0][r] H[0][c] : G[r][c]) + Σ_p D[p][r] H[p][c] over the patterns p in order,
 * in 4 × 4 tiles; each is stored in G, or, with a momentum term mW, applied at once to the weights in G.
 */
function gradientTiles(
  D: Float64Array, H: Float64Array, G: Float64Array, mW: Float64Array | null, m: number, N: number, K: number,
  first: boolean, lr: number, alpha: number,
): void {
  const p0 = first ? 1 : 0;
  let r = 0;
  for (; r + 4 <= N; r += 4) {
    const g0 = r * K, g1 = g0 + K, g2 = g1 + K, g3 = g2 + K;
    const e0 = D[r], e1 = D[r + 1], e2 = D[r + 2], e3 = D[r + 3];
    let c = 0;
    for (; c + 4 <= K; c += 4) {
      let a00, a01, a02, a03, a10, a11, a12, a13, a20, a21, a22, a23, a30, a31, a32, a33;
      if (first) {
        const y0 = H[c], y1 = H[c + 1], y2 = H[c + 2], y3 = H[c + 3];
        a00 = e0 * y0; a01 = e0 * y1; a02 = e0 * y2; a03 = e0 * y3;
        a10 = e1 * y0; a11 = e1 * y1; a12 = e1 * y2; a13 = e1 * y3;
        a20 = e2 * y0; a21 = e2 * y1; a22 = e2 * y2; a23 = e2 * y3;
        a30 = e3 * y0; a31 = e3 * y1; a32 = e3 * y2; a33 = e3 * y3;
      } else {
        a00 = G[g0 + c]; a01 = G[g0 + c + 1]; a02 = G[g0 + c + 2]; a03 = G[g0 + c + 3];
        a10 = G[g1 + c]; a11 = G[g1 + c + 1]; a12 = G[g1 + c + 2]; a13 = G[g1 + c + 3];
        a20 = G[g2 + c]; a21 = G[g2 + c + 1]; a22 = G[g2 + c + 2]; a23 = G[g2 + c + 3];
        a30 = G[g3 + c]; a31 = G[g3 + c + 1]; a32 = G[g3 + c + 2]; a33 = G[g3 + c + 3];
      }
      for (let p = p0, dp = r + p0 * N, hp = c + p0 * K; p < m; p++, dp += N, hp += K) {
        const x0 = D[dp], x1 = D[dp + 1], x2 = D[dp + 2], x3 = D[dp + 3];
        let h = H[hp];
        a00 += x0 * h; a10 += x1 * h; a20 += x2 * h; a30 += x3 * h;
        h = H[hp + 1];
        a01 += x0 * h; a11 += x1 * h; a21 += x2 * h; a31 += x3 * h;
        h = H[hp + 2];
        a02 += x0 * h; a12 += x1 * h; a22 += x2 * h; a32 += x3 * h;
        h = H[hp + 3];
        a03 += x0 * h; a13 += x1 * h; a23 += x2 * h; a33 += x3 * h;
      }
      if (mW) {
        step(G, mW, g0 + c, a00, lr, alpha); step(G, mW, g0 + c + 1, a01, lr, alpha); step(G, mW, g0 + c + 2, a02, lr, alpha); step(G, mW, g0 + c + 3, a03, lr, alpha);
        step(G, mW, g1 + c, a10, lr, alpha); step(G, mW, g1 + c + 1, a11, lr, alpha); step(G, mW, g1 + c + 2, a12, lr, alpha); step(G, mW, g1 + c + 3, a13, lr, alpha);
        step(G, mW, g2 + c, a20, lr, alpha); step(G, mW, g2 + c + 1, a21, lr, alpha); step(G, mW, g2 + c + 2, a22, lr, alpha); step(G, mW, g2 + c + 3, a23, lr, alpha);
        step(G, mW, g3 + c, a30, lr, alpha); step(G, mW, g3 + c + 1, a31, lr, alpha); step(G, mW, g3 + c + 2, a32, lr, alpha); step(G, mW, g3 + c + 3, a33, lr, alpha);
      } else {
        G[g0 + c] = a00; G[g0 + c + 1] = a01; G[g0 + c + 2] = a02; G[g0 + c + 3] = a03;
        G[g1 + c] = a10; G[g1 + c + 1] = a11; G[g1 + c + 2] = a12; G[g1 + c + 3] = a13;
        G[g2 + c] = a20; G[g2 + c + 1] = a21; G[g2 + c + 2] = a22; G[g2 + c + 3] = a23;
        G[g3 + c] = a30; G[g3 + c + 1] = a31; G[g3 + c + 2] = a32; G[g3 + c + 3] = a33;
      }
    }
    for (; c < K; c++) {
      let a0, a1, a2, a3;
      if (first) {
        const y = H[c];
        a0 = e0 * y; a1 = e1 * y; a2 = e2 * y; a3 = e3 * y;
      } else {
        a0 = G[g0 + c]; a1 = G[g1 + c]; a2 = G[g2 + c]; a3 = G[g3 + c];
      }
      for (let p = p0, dp = r + p0 * N, hp = c + p0 * K; p < m; p++, dp += N, hp += K) {
        const h = H[hp];
        a0 += D[dp] * h; a1 += D[dp + 1] * h; a2 += D[dp + 2] * h; a3 += D[dp + 3] * h;
      }
      if (mW) {
        step(G, mW, g0 + c, a0, lr, alpha); step(G, mW, g1 + c, a1, lr, alpha); step(G, mW, g2 + c, a2, lr, alpha); step(G, mW, g3 + c, a3, lr, alpha);
      } else {
        G[g0 + c] = a0; G[g1 + c] = a1; G[g2 + c] = a2; G[g3 + c] = a3;
      }
    }
  }
  for (; r < N; r++) {
    const g0 = r * K;
    for (let c = 0; c < K; c++) {
      let a = first ? D[r] * H[c] : G[g0 + c];
      for (let p = p0, dp = r + p0 * N, hp = c + p0 * K; p < m; p++, dp += N, hp += K) a += D[dp] * H[hp];
      if (mW) step(G, mW, g0 + c, a, lr, alpha);
      else G[g0 + c] = a;
    }
  }
}

/** One weight's update from its summed gradient g: ΔW = α ΔW(t−1) − λ g (optimizer.ts's arithmetic). */
function step(W: Float64Array, mW: Float64Array, i: number, g: number, lr: number, alpha: number): void {
  const v = alpha * mW[i] - lr * g;
  mW[i] = v;
  W[i] += v;
}

/** Bias gradient: g_b[r] = g_b[r] + Σ_p D[p][r] (with `first`, starting from the first pattern's delta). */
export function biasGradient(D: Float64Array, gb: Float64Array, m: number, N: number, first: boolean): void {
  for (let r = 0; r < N; r++) {
    let a = first ? D[r] : gb[r];
    for (let p = first ? 1 : 0, dp = r + (first ? N : 0); p < m; p++, dp += N) a += D[dp];
    gb[r] = a;
  }
}

/**
 * A whole update's gradient and the update itself in one pass, when one block holds every pattern of the
 * update and there is no weight decay: g = Σ_p D[p][r] H[p][c] is summed exactly as
 * gradientProduct(…, first = true) sums it, then applied at once as ΔW = α ΔW(t−1) − λ g (optimizer.ts's
 * arithmetic) to W and its momentum term mW, never stored — which saves writing and re-reading g.
 */
export function gradientUpdate(D: Float64Array, H: Float64Array, W: Float64Array, mW: Float64Array, m: number, N: number, K: number, lr: number, alpha: number): void {
  gradientTiles(D, H, W, mW, m, N, K, true, lr, alpha);
}

/** The bias's share of gradientUpdate: Δb = α Δb(t−1) − λ Σ_p D[p][r], summed as biasGradient sums it. */
export function biasGradientUpdate(D: Float64Array, b: Float64Array, mb: Float64Array, m: number, N: number, lr: number, alpha: number): void {
  for (let r = 0; r < N; r++) {
    let a = D[r];
    for (let p = 1, dp = r + N; p < m; p++, dp += N) a += D[dp];
    const v = alpha * mb[r] - lr * a;
    mb[r] = v;
    b[r] += v;
  }
}
