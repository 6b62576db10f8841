/** The one layout of a network's layers and units, for the network diagram and Step through's value diagram. */
import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../../../src-shared/model/schema';
import { CIRCLE_LIMIT, MAX_DRAWN, networkLayout, valueLayout } from '../../../src-renderer/state/network-layout';

function layers(sizes: readonly number[]): LayerSpec[] {
  return sizes.map((units, j) => ({
    name: `layer ${j}`,
    units,
    kind: j === 0 ? 'input' : j === sizes.length - 1 ? 'output' : 'hidden',
  })) as LayerSpec[];
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('network layout', () => {
  it('puts the input at the bottom, a block for a layer too wide to draw, and stays within the width', () => {
    const layout = networkLayout(layers([2, MAX_DRAWN + 1, 1]), { maxWidth: 300, details: ['a', 'b', 'c'] });
    expect(layout.rows.map((r) => r.block !== null)).toEqual([false, true, false]);
    expect(layout.rows[0].y).toBeGreaterThan(layout.rows[1].y);
    expect(layout.rows[1].y).toBeGreaterThan(layout.rows[2].y);
    expect(layout.rows.map((r) => r.xs.length)).toEqual([2, 6, 1]);
    expect(layout.width).toBeLessThanOrEqual(300);
  });

  it('centres every row over the same middle, unit rows and block anchors alike', () => {
    const layout = networkLayout(layers([1, 3, 20, 8]), { maxWidth: 500 });
    const middles = layout.rows.map((r) => mean(r.xs));
    for (const middle of middles) expect(middle).toBeCloseTo(middles[0], 9);
    const [a, b] = layout.rows[0].xs.length > 1 ? layout.rows[0].xs : layout.rows[3].xs;
    expect(b - a).toBeGreaterThan(2 * layout.radius);
  });
});

describe("Step through's value layout", () => {
  it('large layers are drawn as a grid, small ones as circles, input at the bottom', () => {
    const layout = valueLayout([2, CIRCLE_LIMIT + 8, 1], 700, 150);
    expect(layout.rows.map((r) => r.style)).toEqual(['circles', 'grid', 'circles']);
    expect(layout.rows[0].top).toBeGreaterThan(layout.rows[2].bottom);
    expect(layout.projections.map((p) => p.unitByUnit)).toEqual([false, false]);
    expect(layout.rows[1].spots).toHaveLength(CIRCLE_LIMIT + 8);
    const small = valueLayout([2, 2, 1], 700, 150);
    expect(small.projections[0].lines).toHaveLength(4);
    expect(small.width).toBeLessThanOrEqual(700);
  });

  it('a line joins every pair of units of adjacent circle rows, from the lower to the upper', () => {
    const layout = valueLayout([3, 2], 700, 150);
    const [lines] = layout.projections.map((p) => p.lines);
    expect(lines).toHaveLength(6);
    for (const line of lines) {
      expect(line.x1).toBe(layout.rows[0].spots[line.from].x);
      expect(line.x2).toBe(layout.rows[1].spots[line.to].x);
      expect(line.y1).toBeGreaterThan(line.y2);
    }
  });

  it('centres rows as the network diagram does, and meets a grid at six points along its edge', () => {
    const layout = valueLayout([1, 4, CIRCLE_LIMIT + 1, 2], 900, 150);
    const middles = layout.rows.filter((r) => r.style === 'circles').map((r) => mean(r.spots.map((s) => s.x)));
    for (const middle of middles) expect(middle).toBeCloseTo(middles[0], 9);
    const intoGrid = layout.projections[1].lines;
    expect(new Set(intoGrid.map((l) => l.x2)).size).toBe(6);
    expect(intoGrid.every((l) => l.y2 === layout.rows[2].bottom)).toBe(true);
  });
});
