/**
 * Classical (Torgerson) MDS (science.md, "Representations of a layer"): B = −½ J D² J with J = I − 11ᵀ/P;
 * the coordinates are B's top eigenvectors, each scaled by the square root of its eigenvalue. Dimensions
 * with a non-positive eigenvalue carry no Euclidean distance and are left out.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

export interface Mds {
  /** P rows × (at most `dimensions`) columns. */
  coordinates: number[][];
  /** The eigenvalues of B kept, largest first. */
  eigenvalues: number[];
}

export function classicalMds(distances: readonly (readonly (number | null)[])[], dimensions = 2): Mds {
  const P = distances.length;
  const squared = distances.map((row, p) => row.map((value, q) => {
    if (p === q) return 0;
    if (value === null || !Number.isFinite(value)) throw new Error(`the distance between patterns ${p} and ${q} is undefined, so MDS cannot place them`);
    return value * value;
  }));
  const rowMean = squared.map((row) => row.reduce((s, x) => s + x, 0) / P);
  const grand = rowMean.reduce((s, x) => s + x, 0) / P;
  // J D² J expanded: subtract row and column means, add back the grand mean.
  const B = new Matrix(squared.map((row, p) => row.map((x, q) => -0.5 * (x - rowMean[p] - rowMean[q] + grand))));
  const eig = new EigenvalueDecomposition(B, { assumeSymmetric: true });
  const values = eig.realEigenvalues;
  const order = values.map((_, i) => i).sort((i, j) => values[j] - values[i]);
  const tolerance = 1e-12 * Math.max(Math.abs(values[order[0]] ?? 0), 1e-300);
  const kept = order.slice(0, dimensions).filter((i) => values[i] > tolerance);
  const coordinates = Array.from({ length: P }, (_, p) => kept.map((i) => {
    const vector = eig.eigenvectorMatrix.getColumn(i);
    // The sign of an eigenvector is arbitrary: fix it so its largest entry is positive, as PCA does.
    let largest = 0;
    for (let k = 1; k < P; k++) if (Math.abs(vector[k]) > Math.abs(vector[largest])) largest = k;
    return Math.sign(vector[largest]) * vector[p] * Math.sqrt(values[i]);
  }));
  return { coordinates, eigenvalues: kept.map((i) => values[i]) };
}
