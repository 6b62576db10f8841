/**
 * Principal components of a layer's activations (science.md, "Representations of a layer"): A is
 * P patterns × N units; its columns are centred and the components come from the centred matrix's SVD.
 * A component's sign is fixed so that its largest loading is positive, so the same representation gives
 * the same picture whatever sign the SVD happened to return.
 */
import { Matrix, SVD } from 'ml-matrix';

export interface PcaBasis {
  /** The column means that were subtracted (one per unit). */
  mean: number[];
  /** Unit-length components, one per row (N entries each), strongest first. */
  components: number[][];
  /** σ_k of the centred matrix, strongest first. */
  singularValues: number[];
  /** σ_k² / Σ σ²: the fraction of the variance component k explains (all 0 when every pattern is the same). */
  explainedVariance: number[];
}

export interface Pca extends PcaBasis {
  /** Each pattern's coordinates on the components: P rows × K columns. */
  scores: number[][];
}

function checkedRows(activations: readonly (readonly number[])[]): void {
  if (activations.length === 0) throw new Error('PCA needs at least one pattern');
  const units = activations[0].length;
  if (units === 0) throw new Error('PCA needs a layer with at least one unit');
  activations.forEach((row, p) => {
    if (row.length !== units) throw new Error(`pattern ${p} has ${row.length} activations, pattern 0 has ${units}`);
    row.forEach((x, u) => {
      if (!Number.isFinite(x)) throw new Error(`pattern ${p}, unit ${u}: activation ${x} is not a finite number`);
    });
  });
}

function columnMeans(activations: readonly (readonly number[])[]): number[] {
  const mean = new Array<number>(activations[0].length).fill(0);
  for (const row of activations) row.forEach((x, u) => { mean[u] += x; });
  return mean.map((sum) => sum / activations.length);
}

/**
 * PCA of `activations` (P × N), keeping min(P − 1, N) components: centring takes one dimension away, so
 * the components past those carry no variance and only rounding would pick their directions.
 */
export function principalComponents(activations: readonly (readonly number[])[]): Pca {
  checkedRows(activations);
  const mean = columnMeans(activations);
  const centred = new Matrix(activations.map((row) => row.map((x, u) => x - mean[u])));
  const svd = new SVD(centred, { autoTranspose: true });
  const count = Math.min(activations.length - 1, mean.length);
  const singularValues = svd.diagonal.slice(0, count);
  const V = svd.rightSingularVectors;
  const components = singularValues.map((_, k) => {
    const loading = V.getColumn(k);
    let largest = 0;
    for (let u = 1; u < loading.length; u++) if (Math.abs(loading[u]) > Math.abs(loading[largest])) largest = u;
    return loading[largest] < 0 ? loading.map((x) => -x) : loading;
  });
  const total = singularValues.reduce((sum, s) => sum + s * s, 0);
  const explainedVariance = singularValues.map((s) => (total > 0 ? (s * s) / total : 0));
  const basis: PcaBasis = { mean, components, singularValues, explainedVariance };
  return { ...basis, scores: projectOnBasis(activations, basis) };
}

/**
 * Coordinates of `activations` on a basis found elsewhere (another epoch's, for trajectories: one basis for
 * every frame, so the axes do not flip between them), centred by that basis's own mean so that frames are
 * comparable.
 */
export function projectOnBasis(activations: readonly (readonly number[])[], basis: PcaBasis): number[][] {
  checkedRows(activations);
  if (activations[0].length !== basis.mean.length) {
    throw new Error(`the basis is for ${basis.mean.length} units, the activations have ${activations[0].length}`);
  }
  return activations.map((row) => basis.components.map((component) => {
    let sum = 0;
    for (let u = 0; u < row.length; u++) sum += (row[u] - basis.mean[u]) * component[u];
    return sum;
  }));
}
