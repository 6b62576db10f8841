/**
 * The representation analyses against computations done another way: PCA against numpy's SVD of the
 * centred data, an RDM by hand, merge heights worked on paper and scipy's linkage on a small case (the
 * values copied below, from numpy 2.4 / scipy 1.17), MDS recovering a known configuration's distances.
 */
import { describe, expect, it } from 'vitest';
import { hierarchicalClustering } from '../../../src-shared/analysis/representations/clustering';
import { classicalMds } from '../../../src-shared/analysis/representations/mds';
import { principalComponents, projectOnBasis } from '../../../src-shared/analysis/representations/pca';
import { averageRanks, dissimilarityMatrix, representationalSimilarity } from '../../../src-shared/analysis/representations/rdm';

const A6 = [[0.1, 0.9, 0.3, 0.0], [0.2, 0.8, 0.4, 0.6], [0.9, 0.1, 0.5, 0.3], [0.7, 0.3, 0.9, 0.2], [0.5, 0.5, 0.2, 0.8], [0.3, 0.4, 0.1, 0.9]];

describe('PCA', () => {
  // numpy: U, s, Vt = np.linalg.svd(A - A.mean(0)), each row of Vt flipped so its largest |entry| is positive.
  const s = [1.0320441382345111, 0.8709041046706226, 0.3505822417277317, 0.14777131765717538];
  const Vt = [
    [0.6113188216862764, -0.5166448556011708, 0.49174935762997307, -0.3428555974509626],
    [0.28602992763502977, -0.4566306822244639, -0.2818167082441379, 0.793885787442223],
    [-0.1726455471290093, 0.24551229601577237, 0.8164685914419544, 0.4932507138873489],
    [0.7174048325776228, 0.6813884543614819, -0.11018598555958928, 0.09433519514690798],
  ];
  const scores = [
    [-0.3097951867832132, -0.6250611108773362, -0.1531996657234964, -0.01154080217017327],
    [-0.35353724176204865, -0.102645248250467, 0.18258183743863055, 0.03764335418362665],
    [0.5880689473374504, 0.15086977159409787, -0.1764570077847259, 0.02353566183489386],
    [0.5934615146770463, -0.1897776124196779, 0.1844369260322772, -0.03717552754686096],
    [-0.18206912959200167, 0.3352934338446532, -0.00750909101572486, 0.08935250378976836],
    [-0.33612890387723343, 0.43132076610873, -0.02985299894696077, -0.10181519009125463],
  ];

  it('gives numpy’s singular values, components (sign fixed), explained variance and scores', () => {
    const pca = principalComponents(A6);
    pca.singularValues.forEach((value, k) => expect(value).toBeCloseTo(s[k], 12));
    pca.components.forEach((component, k) => component.forEach((x, u) => expect(x).toBeCloseTo(Vt[k][u], 12)));
    const total = s.reduce((sum, x) => sum + x * x, 0);
    pca.explainedVariance.forEach((fraction, k) => expect(fraction).toBeCloseTo((s[k] * s[k]) / total, 12));
    pca.scores.forEach((row, p) => row.forEach((x, k) => expect(x).toBeCloseTo(scores[p][k], 12)));
  });

  it('projects another epoch on the same basis, centred by that basis’s mean', () => {
    const pca = principalComponents(A6);
    // Shifting every pattern by the same vector changes nothing after centring: the projection on the old basis
    // moves every point by the same offset.
    const shifted = A6.map((row) => row.map((x, u) => x + [0.5, -0.2, 0.1, 0][u]));
    const moved = projectOnBasis(shifted, pca);
    const offset = pca.components.map((c) => 0.5 * c[0] - 0.2 * c[1] + 0.1 * c[2]);
    moved.forEach((row, p) => row.forEach((x, k) => expect(x).toBeCloseTo(pca.scores[p][k] + offset[k], 12)));
    expect(() => projectOnBasis([[1, 2]], pca)).toThrow(/basis is for 4 units, the activations have 2/);
  });

  it('keeps P − 1 components when there are fewer patterns than units (centring removes one dimension)', () => {
    const pca = principalComponents([[1, 0, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 1, 0]]);
    expect(pca.components).toHaveLength(3);
    expect(pca.explainedVariance).toEqual([expect.closeTo(1 / 3, 12), expect.closeTo(1 / 3, 12), expect.closeTo(1 / 3, 12)]);
  });

  it('refuses a ragged or non-finite matrix, naming where', () => {
    expect(() => principalComponents([[1, 2], [3]])).toThrow(/pattern 1 has 1 activations, pattern 0 has 2/);
    expect(() => principalComponents([[1, 2], [3, Number.NaN]])).toThrow(/pattern 1, unit 1/);
  });
});

describe('RDM and RSA', () => {
  it('computes 1 − Pearson r and Euclidean distances as by hand', () => {
    // a = (1, 2, 3), b = (3, 2, 1): r = −1, so d = 2; c = (2, 4, 6): r(a, c) = 1, d = 0.
    // Euclidean: |a − b| = √8, |a − c| = √14, |b − c| = √(1 + 4 + 25) = √30.
    const rows = [[1, 2, 3], [3, 2, 1], [2, 4, 6]];
    const corr = dissimilarityMatrix(rows, 'correlation');
    expect(corr.values[0][1]).toBeCloseTo(2, 15);
    expect(corr.values[0][2]).toBeCloseTo(0, 15);
    expect(corr.values[1][2]).toBeCloseTo(2, 15);
    expect(corr.undefinedBecause).toEqual([]);
    const eu = dissimilarityMatrix(rows, 'euclidean');
    expect(eu.values[0][1]).toBe(Math.sqrt(8));
    expect(eu.values[0][2]).toBe(Math.sqrt(14));
    expect(eu.values[2][1]).toBe(Math.sqrt(30));
    expect(eu.values.map((row, p) => row[p])).toEqual([0, 0, 0]);
  });

  it('matches scipy’s correlation distances', () => {
    const A5 = [[0.1, 0.9, 0.3], [0.2, 0.8, 0.4], [0.9, 0.1, 0.5], [0.7, 0.3, 0.9], [0.5, 0.5, 0.2]];
    const scipy = [0.00412940511417759, 1.9607689228305227, 1.8386278693775346, 0.7226499018873855, 1.9819805060619657,
      1.7857142857142856, 0.8110177634953863, 0.345346329292023, 1, 1.7559289460184544];
    const values = dissimilarityMatrix(A5, 'correlation').values;
    let k = 0;
    for (let p = 0; p < 5; p++) for (let q = p + 1; q < 5; q++) expect(values[p][q]).toBeCloseTo(scipy[k++], 13);
  });

  it('gives no correlation distance for a pattern with constant activations, and says which', () => {
    const rdm = dissimilarityMatrix([[1, 2, 3], [0.5, 0.5, 0.5], [3, 1, 2]], 'correlation', ['canary', 'salmon', 'oak']);
    expect(rdm.values[0][1]).toBeNull();
    expect(rdm.values[1][2]).toBeNull();
    expect(rdm.values[1][1]).toBeNull();
    expect(rdm.values[0][2]).toBeCloseTo(1.5, 15); // r((1,2,3),(3,1,2)) = −0.5
    expect(rdm.undefinedBecause).toEqual([expect.stringMatching(/salmon has the same activation \(0\.5\) on every unit/)]);
    expect(representationalSimilarity(rdm.values, rdm.values)).toEqual({ spearman: null, because: expect.stringMatching(/undefined entries/) });
  });

  it('ranks ties by their average rank, and RSA is Spearman’s rho between upper triangles', () => {
    expect(averageRanks([10, 20, 20, 5, 20])).toEqual([2, 4, 4, 1, 4]);
    // Upper triangles (0.1, 0.5, 0.5) and (1, 3, 2): ranks (1, 2.5, 2.5) and (1, 3, 2), Pearson r of the ranks:
    // deviations (−1, .5, .5) and (−1, 1, 0): r = 1.5 / √(1.5 · 2) = √3 / 2.
    const a = [[0, 0.1, 0.5], [0.1, 0, 0.5], [0.5, 0.5, 0]];
    const b = [[0, 1, 3], [1, 0, 2], [3, 2, 0]];
    const rsa = representationalSimilarity(a, b);
    expect(rsa.spearman).toBeCloseTo(Math.sqrt(3) / 2, 15);
    expect(representationalSimilarity(a, [[0, 1], [1, 0]])).toEqual({ spearman: null, because: 'the RDMs compare 3 and 2 patterns' });
  });
});

describe('hierarchical clustering', () => {
  // On paper: points 0, 1, 3, 7 on a line. Single: 1, then {0,1}–3 at 2, then 7 at 4. Complete: 1, 3, 7.
  // Average: 1, (3 + 2)/2, (7 + 6 + 4)/3. Ward (scipy's): √(2 n_a n_b / (n_a + n_b)) · |centroid difference|:
  // 1, then {0,1} with 3: √(4/3) · 2.5, then {0,1,3} (centroid 4/3) with 7: √(6/4) · 17/3.
  const line = [0, 1, 3, 7];
  const D = line.map((x) => line.map((y) => Math.abs(x - y)));
  const heights = (linkage: 'single' | 'complete' | 'average' | 'ward') => hierarchicalClustering(D, linkage, 'euclidean').map((m) => m.height);

  it('gives the merge heights worked on paper', () => {
    expect(heights('single')).toEqual([1, 2, 4]);
    expect(heights('complete')).toEqual([1, 3, 7]);
    expect(heights('average')[2]).toBeCloseTo(17 / 3, 14);
    expect(heights('average')[1]).toBe(2.5);
    const ward = heights('ward');
    expect(ward[0]).toBeCloseTo(1, 15);
    expect(ward[1]).toBeCloseTo(Math.sqrt(4 / 3) * 2.5, 14);
    expect(ward[2]).toBeCloseTo(Math.sqrt(6 / 4) * (17 / 3), 14);
    expect(hierarchicalClustering(D, 'single', 'euclidean').map((m) => [m.left, m.right, m.size])).toEqual([[0, 1, 2], [2, 4, 3], [3, 5, 4]]);
  });

  it('matches scipy’s linkage matrices on five points, Ward included', () => {
    const A5 = [[0.1, 0.9, 0.3], [0.2, 0.8, 0.4], [0.9, 0.1, 0.5], [0.7, 0.3, 0.9], [0.5, 0.5, 0.2]];
    const eu = dissimilarityMatrix(A5, 'euclidean').values;
    const scipy = {
      single: [[0, 1, 0.17320508075688776, 2], [4, 5, 0.469041575982343, 3], [2, 3, 0.48989794855663565, 2], [6, 7, 0.6403124237432849, 5]],
      complete: [[0, 1, 0.17320508075688776, 2], [2, 3, 0.48989794855663565, 2], [4, 5, 0.574456264653803, 3], [6, 7, 1.148912529307606, 5]],
      average: [[0, 1, 0.17320508075688776, 2], [2, 3, 0.48989794855663565, 2], [4, 5, 0.521748920318073, 3], [6, 7, 0.9074086203350584, 5]],
      ward: [[0, 1, 0.17320508075688776, 2], [2, 3, 0.48989794855663565, 2], [4, 5, 0.5972157622389639, 3], [6, 7, 1.3226236552146395, 5]],
    } as const;
    for (const linkage of ['single', 'complete', 'average', 'ward'] as const) {
      const merges = hierarchicalClustering(eu, linkage, 'euclidean');
      merges.forEach((m, i) => {
        const [left, right, height, size] = scipy[linkage][i];
        expect([m.left, m.right, m.size], `${linkage} merge ${i}`).toEqual([left, right, size]);
        expect(m.height, `${linkage} merge ${i}`).toBeCloseTo(height, 13);
      });
    }
    const corr = dissimilarityMatrix(A5, 'correlation').values;
    expect(hierarchicalClustering(corr, 'average', 'correlation').map((m) => m.height))
      .toEqual([0.0041294051141775867, 0.34534632929202302, 0.76683383269138594, 1.7205034216671273].map((h) => expect.closeTo(h, 13)));
  });

  it('refuses Ward on correlation distances and undefined distances', () => {
    expect(() => hierarchicalClustering(D, 'ward', 'correlation')).toThrow(/Ward's linkage needs Euclidean distances; these are correlation distances/);
    expect(() => hierarchicalClustering([[0, null], [null, 0]], 'average')).toThrow(/between patterns 0 and 1 is undefined/);
  });
});

describe('classical MDS', () => {
  it('recovers the distances of a known planar configuration, centred', () => {
    const points = [[0, 0], [3, 0], [0, 4], [3, 4], [1, 2]];
    const D = points.map((a) => points.map((b) => Math.hypot(a[0] - b[0], a[1] - b[1])));
    const mds = classicalMds(D, 3);
    expect(mds.eigenvalues).toHaveLength(2); // a planar configuration has no third dimension
    mds.coordinates.forEach((a, p) => mds.coordinates.forEach((b, q) => expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeCloseTo(D[p][q], 12)));
    for (const k of [0, 1]) expect(mds.coordinates.reduce((sum, row) => sum + row[k], 0)).toBeCloseTo(0, 12);
    // The first axis is the configuration's long one (y spans 4, x spans 3): its eigenvalue is Σ (y − ȳ)².
    const yMean = 10 / 5;
    expect(mds.eigenvalues[0]).toBeCloseTo(points.reduce((sum, [, y]) => sum + (y - yMean) ** 2, 0), 12);
  });
});
