import { describe, expect, it } from 'vitest';
import { hierarchicalClustering } from '../../../src-shared/analysis/representations/clustering';
import { dendrogramLayout, placeLabels, scatterExtent, scatterLayout, trajectoryLines } from '../../../src-renderer/inside/representation-figures';

describe('the Representations tab’s geometry', () => {
  it('puts PCA points on one scale for both axes, PC2 up, the farthest point at the margin', () => {
    const points = scatterLayout(['a', 'b', 'c'], [[2, 0], [0, 1], [-1, -1]], 300, 50);
    expect(points[0]).toMatchObject({ label: 'a', x: 250, y: 150, pc1: 2, pc2: 0 });
    expect(points[1]).toMatchObject({ x: 150, y: 150 - 50 }); // 1 of 2 units up: half of the 100 px half-width
    expect(points[2]).toMatchObject({ x: 100, y: 200 });
  });

  it('draws trajectories on the scatter’s scale, reaching farther than the points when they do', () => {
    // A path from (−4, 0) to the point (2, 0): the extent is the path's 4, not the points' 2.
    const paths: [number, number][][] = [[[-4, 0], [0, 2], [2, 0]], [[0, 0], [0, 1]]];
    const extent = Math.max(scatterExtent([[2, 0], [0, 1]]), ...paths.map((path) => scatterExtent(path)));
    expect(extent).toBe(4);
    const points = scatterLayout(['a', 'b'], [[2, 0], [0, 1]], 300, 50, extent);
    expect(points[0]).toMatchObject({ x: 200, y: 150 });
    const lines = trajectoryLines(paths, 300, 50, extent);
    expect(lines[0]).toEqual({ points: '50,150 150,100 200,150', start: { x: 50, y: 150 } });
    // Each line ends at its point.
    expect(lines[1].points.split(' ').at(-1)).toBe(`${points[1].x},${points[1].y}`);
  });

  it('draws each merge at its height above its two children, leaves in the tree’s order', () => {
    // 0, 1, 3, 7 on a line, single linkage: {0,1} at 1, then 3 at 2, then 7 at 4.
    const line = [0, 1, 3, 7];
    const merges = hierarchicalClustering(line.map((x) => line.map((y) => Math.abs(x - y))), 'single', 'euclidean');
    const tree = dendrogramLayout(merges, 4, 10, 100);
    expect(tree.order).toEqual([3, 2, 0, 1]);
    expect(tree.top).toBe(4);
    expect(tree.lines).toHaveLength(9);
    // The first merge joins leaves 0 and 1 (x = 25 and 35) at height 1 of 4: y = 75.
    expect(tree.lines.slice(0, 3)).toEqual([
      { x1: 25, y1: 100, x2: 25, y2: 75 }, { x1: 35, y1: 100, x2: 35, y2: 75 }, { x1: 25, y1: 75, x2: 35, y2: 75 },
    ]);
    // The last joins leaf 3 (x = 5) with the cluster of the rest (centred at x = (15 + 30) / 2) at the top.
    expect(tree.lines.slice(6)).toEqual([
      { x1: 5, y1: 100, x2: 5, y2: 0 }, { x1: 22.5, y1: 50, x2: 22.5, y2: 0 }, { x1: 5, y1: 0, x2: 22.5, y2: 0 },
    ]);
  });
});

describe('PCA labels', () => {
  it('keep neighbours’ labels apart and inside the figure', () => {
    // Two points almost on top of each other, and one at the right edge.
    const points = [{ label: 'canary', x: 100, y: 100 }, { label: 'salmon', x: 104, y: 103 }, { label: 'a long label here', x: 296, y: 150 }];
    const placed = placeLabels(points, 300);
    const box = (l: (typeof placed)[number]) => {
      const width = l.label.length * 7;
      const left = l.anchor === 'start' ? l.x : l.x - width;
      return { left, right: left + width, top: l.y - 10, bottom: l.y + 3 };
    };
    const [a, b, c] = placed.map(box);
    expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).toBe(false);
    expect(c.left).toBeGreaterThanOrEqual(0);
    expect(c.right).toBeLessThanOrEqual(300);
    // A lone point keeps the usual place: above, towards the middle.
    expect(placeLabels([{ label: 'x', x: 50, y: 50 }], 300)[0]).toEqual({ label: 'x', x: 58, y: 42, anchor: 'start' });
  });
});
