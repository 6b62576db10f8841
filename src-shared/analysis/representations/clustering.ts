/**
 * Agglomerative clustering on an RDM (science.md, "Representations of a layer") by the Lance–Williams
 * update. Written here rather than taken from ml-hclust because its Ward differs from scipy's (on five
 * points its merge heights were 3.77 and 13.52 where scipy's `ward` gives 3.51 and 10.12): Ward here is
 * scipy's (R's ward.D2), the update on squared Euclidean distances, heights reported as their square root.
 */

export type Linkage = 'single' | 'complete' | 'average' | 'ward';

export interface Merge {
  /** The clusters joined: 0 … P−1 are the patterns, P + m the cluster made by merge m (scipy's numbering). */
  left: number;
  right: number;
  /** The linkage distance between them when they merged. */
  height: number;
  /** How many patterns the new cluster holds. */
  size: number;
}

/** The P − 1 merges, in order, as scipy's linkage matrix lists them. */
export function hierarchicalClustering(
  distances: readonly (readonly (number | null)[])[], linkage: Linkage, distance: 'correlation' | 'euclidean' | 'given' = 'given',
): Merge[] {
  const P = distances.length;
  if (linkage === 'ward' && distance !== 'euclidean') {
    throw new Error(`Ward's linkage needs Euclidean distances; these are ${distance === 'given' ? 'not marked as Euclidean' : `${distance} distances`}`);
  }
  const d: number[][] = distances.map((row, p) => row.map((value, q) => {
    if (row.length !== P) throw new Error(`row ${p} of the distance matrix has ${row.length} entries, not ${P}`);
    if (p === q) return 0;
    if (value === null || !Number.isFinite(value)) throw new Error(`the distance between patterns ${p} and ${q} is undefined, so they cannot be clustered`);
    return linkage === 'ward' ? value * value : value;
  }));
  const id = Array.from({ length: P }, (_, p) => p);
  const size = new Array<number>(P).fill(1);
  const alive = new Array<boolean>(P).fill(true);
  const merges: Merge[] = [];
  for (let m = 0; m < P - 1; m++) {
    let a = -1;
    let b = -1;
    for (let p = 0; p < P; p++) {
      if (!alive[p]) continue;
      for (let q = p + 1; q < P; q++) if (alive[q] && (a < 0 || d[p][q] < d[a][b])) { a = p; b = q; }
    }
    const height = linkage === 'ward' ? Math.sqrt(d[a][b]) : d[a][b];
    const [left, right] = id[a] < id[b] ? [id[a], id[b]] : [id[b], id[a]];
    merges.push({ left, right, height, size: size[a] + size[b] });
    for (let k = 0; k < P; k++) {
      if (!alive[k] || k === a || k === b) continue;
      const dak = d[a][k];
      const dbk = d[b][k];
      let merged: number;
      if (linkage === 'single') merged = Math.min(dak, dbk);
      else if (linkage === 'complete') merged = Math.max(dak, dbk);
      else if (linkage === 'average') merged = (size[a] * dak + size[b] * dbk) / (size[a] + size[b]);
      else {
        const total = size[a] + size[b] + size[k];
        merged = ((size[a] + size[k]) * dak + (size[b] + size[k]) * dbk - size[k] * d[a][b]) / total;
      }
      d[a][k] = merged;
      d[k][a] = merged;
    }
    alive[b] = false;
    size[a] += size[b];
    id[a] = P + m;
  }
  return merges;
}
