/**
 * The little dense linear algebra the analyses need, in Float64 on plain arrays: a symmetric eigen-
 * decomposition (cyclic Jacobi: slow for big matrices, exact to rounding for the item × attribute
 * matrices these analyses see) and the singular value decomposition built on it.
 */

export type Matrix = number[][];

/** Eigenvalues (descending) and unit eigenvectors of a symmetric matrix. */
export function symmetricEigen(A: Matrix): { values: number[]; vectors: number[][] } {
  const n = A.length;
  const a = A.map((row) => [...row]);
  const v = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j): number => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p][q] * a[p][q];
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (a[p][q] === 0) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j][j] - a[i][i]);
  return { values: order.map((i) => a[i][i]), vectors: order.map((i) => v.map((row) => row[i])) };
}

/**
 * The singular value decomposition A = Σ_α s_α u_α v_αᵀ, keeping the modes with s_α above `tolerance`
 * times the largest, strongest first. u_α and v_α are returned as plain vectors.
 */
export function singularValueDecomposition(A: Matrix, tolerance = 1e-10): { values: number[]; left: number[][]; right: number[][] } {
  const rows = A.length;
  const cols = A[0].length;
  const gram = Array.from({ length: cols }, (_, i) => Array.from({ length: cols }, (_, j) => {
    let sum = 0;
    for (let r = 0; r < rows; r++) sum += A[r][i] * A[r][j];
    return sum;
  }));
  const { values, vectors } = symmetricEigen(gram);
  const largest = Math.sqrt(Math.max(values[0], 0));
  const result = { values: [] as number[], left: [] as number[][], right: [] as number[][] };
  values.forEach((value, alpha) => {
    const s = Math.sqrt(Math.max(value, 0));
    if (s <= tolerance * largest || s === 0) return;
    const v = vectors[alpha];
    result.values.push(s);
    result.right.push(v);
    result.left.push(A.map((row) => row.reduce((sum, x, c) => sum + x * v[c], 0) / s));
  });
  return result;
}

export function matrixProduct(A: Matrix, B: Matrix): Matrix {
  return A.map((row) => B[0].map((_, c) => row.reduce((sum, x, k) => sum + x * B[k][c], 0)));
}

export function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}
