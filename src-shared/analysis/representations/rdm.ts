/**
 * Representational dissimilarity matrices and their comparison (science.md, "Representations of a layer").
 * d(p, q) = 1 − Pearson r(A_p, A_q), or the Euclidean distance. A pattern whose activations are all equal
 * has no Pearson r with anything, so its correlation distances are null, with the reason kept beside them.
 */

export type RdmDistance = 'correlation' | 'euclidean';

export interface Rdm {
  distance: RdmDistance;
  /** P × P, symmetric, 0 on the diagonal; null where the distance is undefined. */
  values: (number | null)[][];
  /** Why some entries are null (empty when none are). */
  undefinedBecause: string[];
}

function pearson(a: readonly number[], b: readonly number[]): number | null {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
  ma /= n;
  mb /= n;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) ** 2;
    bb += (b[i] - mb) ** 2;
  }
  if (aa === 0 || bb === 0) return null;
  return ab / Math.sqrt(aa * bb);
}

function euclidean(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] - b[i]) ** 2;
  return Math.sqrt(sum);
}

function isConstant(row: readonly number[]): boolean {
  return row.every((x) => x === row[0]);
}

/** The RDM of `activations` (P patterns × N units); `names` label the patterns in the reasons. */
export function dissimilarityMatrix(
  activations: readonly (readonly number[])[], distance: RdmDistance, names: readonly string[] = [],
): Rdm {
  const P = activations.length;
  if (P === 0) throw new Error('an RDM needs at least one pattern');
  const units = activations[0].length;
  activations.forEach((row, p) => {
    if (row.length !== units) throw new Error(`pattern ${p} has ${row.length} activations, pattern 0 has ${units}`);
  });
  const undefinedBecause: string[] = [];
  if (distance === 'correlation') {
    if (units < 2) undefinedBecause.push(`the layer has ${units} unit: a correlation needs at least 2`);
    activations.forEach((row, p) => {
      if (units >= 2 && isConstant(row)) {
        undefinedBecause.push(`pattern ${names[p] ?? p} has the same activation (${row[0]}) on every unit, so it has no correlation with any pattern`);
      }
    });
  }
  const values = activations.map((a, p) => activations.map((b, q): number | null => {
    if (distance === 'euclidean') return p === q ? 0 : euclidean(a, b);
    if (p === q) return units >= 2 && !isConstant(a) ? 0 : null;
    const r = units >= 2 ? pearson(a, b) : null;
    return r === null ? null : 1 - r;
  }));
  return { distance, values, undefinedBecause };
}

/** The entries above the diagonal, row by row (p < q): what RSA and clustering compare. */
export function upperTriangle(values: readonly (readonly (number | null)[])[]): (number | null)[] {
  const out: (number | null)[] = [];
  for (let p = 0; p < values.length; p++) for (let q = p + 1; q < values.length; q++) out.push(values[p][q]);
  return out;
}

/** Ranks from 1, ties sharing the average of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]] === values[order[start]]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]] = rank;
    start = end + 1;
  }
  return ranks;
}

export type Rsa = { spearman: number } | { spearman: null; because: string };

/** RSA: Spearman's rank correlation between two RDMs' upper triangles (diagonal excluded). */
export function representationalSimilarity(a: readonly (readonly (number | null)[])[], b: readonly (readonly (number | null)[])[]): Rsa {
  if (a.length !== b.length) return { spearman: null, because: `the RDMs compare ${a.length} and ${b.length} patterns` };
  const x = upperTriangle(a);
  const y = upperTriangle(b);
  if (x.length < 2) return { spearman: null, because: 'fewer than 3 patterns give fewer than 2 pairs to rank' };
  if (x.some((v) => v === null) || y.some((v) => v === null)) {
    return { spearman: null, because: 'an RDM has undefined entries (a pattern with constant activations)' };
  }
  const r = pearson(averageRanks(x as number[]), averageRanks(y as number[]));
  return r === null ? { spearman: null, because: 'one RDM has all its distances equal' } : { spearman: r };
}
