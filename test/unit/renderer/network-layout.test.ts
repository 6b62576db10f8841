/** The one layout of a network's layers and units, for the network diagram and Step through's value diagram. */
import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../../../src-shared/model/schema';
import { CIRCLE_LIMIT, MAX_DRAWN, NUMBER_BASELINE, NUMBER_LINE, networkLayout, numberBand, numberRows, numberWidth, valueLayout } from '../../../src-renderer/network/network-layout';

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

describe('the value diagram’s numbers', () => {
  it('stay on one line where they fit side by side, and take turns on two where they do not', () => {
    expect(numberRows([50, 150, 250], [60, 60, 60])).toEqual([0, 0, 0]);
    // The 8-3-8's deltas at 1366 px: 83 px apart, 11 characters each.
    const centres = Array.from({ length: 8 }, (_, k) => 60 + 83.5 * k);
    const widths = centres.map(() => numberWidth('δ = −0.0776'));
    expect(numberRows(centres, widths)).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
    // Given in any order, placed by position.
    expect(numberRows([250, 50, 150], [150, 150, 150])).toEqual([0, 0, 1]);
  });

  it('keep every two numbers on one line apart, whatever their widths', () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    for (let trial = 0; trial < 200; trial++) {
      const centres = Array.from({ length: 2 + Math.floor(random() * 10) }, () => random() * 600);
      const widths = centres.map(() => 20 + random() * 100);
      const lines = numberRows(centres, widths);
      centres.forEach((c, i) =>
        centres.forEach((d, j) => {
          if (i < j && lines[i] === lines[j]) expect(Math.abs(c - d) >= (widths[i] + widths[j]) / 2 + 6).toBe(true);
        }),
      );
    }
  });

  it('has room for the lines it needs: one for XOR’s two units, two for the 8-3-8’s eight at 1366 px', () => {
    const xor = valueLayout([2, 2, 1], 860, 150);
    expect(xor.numberLines).toBe(1);
    const encoder = valueLayout([8, 3, 8], 860, 150);
    expect(encoder.numberLines).toBe(2);
    for (const layout of [xor, encoder]) {
      expect(layout.rows.every((row) => row.numbered)).toBe(true);
      // Under each row: its lines of numbers, then the connections from below end; then the row below.
      layout.rows.slice(1).forEach((row, j) => {
        const below = layout.rows[j];
        const numbersEnd = row.bottom + numberBand(layout.numberLines);
        expect(row.bottom + NUMBER_BASELINE + (layout.numberLines - 1) * NUMBER_LINE).toBeLessThan(numbersEnd);
        expect(below.top - numbersEnd).toBeGreaterThanOrEqual(60);
      });
      expect(layout.rows[0].bottom + numberBand(layout.numberLines)).toBeLessThanOrEqual(layout.height);
    }
  });

  it('keeps room above the top row for as many lines of targets as the widest needs', () => {
    const t = numberWidth('t = 1');
    expect(valueLayout([8, 3, 8], 860, 150, t).targetLines).toBe(1);
    // The semantic network's seven targets, spaced for its sixteen hidden units: two lines.
    const semantic = valueLayout([4, 16, 7], 860, 150, t);
    expect(semantic.targetLines).toBe(2);
    const gap = semantic.rows[2].spots[1].x - semantic.rows[2].spots[0].x;
    expect(Math.max(...numberRows(semantic.rows[2].spots.map((s) => s.x), semantic.rows[2].spots.map(() => t)))).toBe(1);
    expect(gap).toBeLessThan(t + 6);
    // Each line of targets adds its height above the top row; a single output unit needs one line.
    expect(semantic.rows[2].top - valueLayout([4, 16, 7], 860, 150, 0).rows[2].top).toBe(NUMBER_LINE);
    expect(valueLayout([2, 2, 1], 860, 150, numberWidth('t = −0.875')).targetLines).toBe(1);
  });
});

describe('the value diagram of a graph', () => {
  // Rumelhart's network: item (0) → representation (2) → hidden (3) → attributes (4), relation (1) → hidden.
  const sizes = [8, 4, 8, 15, 26];
  const projections = [{ from: 0, to: 2 }, { from: 2, to: 3 }, { from: 1, to: 3 }, { from: 3, to: 4 }];
  const order = [0, 1, 2, 3, 4];
  const layout = valueLayout(sizes, 900, 150, 0, { projections, order });

  it('stacks the rows in the order given, rows[g] being layer g’s, and draws every projection between its own layers', () => {
    layout.rows.forEach((row, g) => expect(row.layer).toBe(g));
    for (let i = 1; i < order.length; i++) expect(layout.rows[order[i]].bottom).toBeLessThan(layout.rows[order[i - 1]].top);
    expect(layout.projections.map((p) => [p.projection, p.from, p.to, p.skip])).toEqual([[0, 0, 2, 1], [1, 2, 3, 0], [2, 1, 3, 1], [3, 3, 4, 0]]);
  });

  it('bends a skip out to the left of every row, inside the diagram', () => {
    const left = Math.min(...layout.rows.flatMap((row) => row.spots.map((s) => s.x)));
    for (const p of layout.projections.filter((q) => q.skip > 0)) {
      expect(p.bendX).toBeLessThan(left);
      // A quadratic curve reaches halfway from its ends' midpoint to its control point: still on the canvas.
      for (const line of p.lines) expect(((line.x1 + line.x2) / 2 + p.bendX) / 2).toBeGreaterThan(0);
    }
    // A chain has no skips and keeps its layout.
    expect(valueLayout([2, 2, 1], 860, 150)).toEqual(valueLayout([2, 2, 1], 860, 150, 0, { projections: [{ from: 0, to: 1 }, { from: 1, to: 2 }], order: [0, 1, 2] }));
  });
});

describe('the value diagram of a graph with two output layers', () => {
  // input (0) → hidden (1) → first output (2); hidden → second output (3), stacked 0, 1, 2, 3: the first output below the second.
  const sizes = [2, 3, 2, 2];
  const projections = [{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 1, to: 3 }];
  const order = [0, 1, 2, 3];

  it('leaves room above the lower output layer for its targets, as above the top one', () => {
    const t = numberWidth('t = 1');
    const both = valueLayout(sizes, 900, 150, t, { projections, order, outputs: [2, 3] });
    const topOnly = valueLayout(sizes, 900, 150, t, { projections, order });
    // Between the lower output's top and the row above it: the rows' gap and the targets' room.
    const gap = (layout: ReturnType<typeof valueLayout>) => layout.rows[2].top - layout.rows[3].bottom;
    expect(gap(both) - gap(topOnly)).toBe(26 + both.targetLines * NUMBER_LINE);
    expect(both.height - topOnly.height).toBe(26 + both.targetLines * NUMBER_LINE);
    // The top row's room is as before.
    expect(both.rows[3].top).toBe(topOnly.rows[3].top);
  });
});

describe('the value diagram of the 2-1-1 XOR', () => {
  const layout = valueLayout([2, 1, 1], 860, 150, 0, { projections: [{ from: 0, to: 1 }, { from: 0, to: 2 }, { from: 1, to: 2 }], order: [0, 1, 2] });
  const quadraticX = (line: { x1: number; x2: number; bendX: number }, t: number) => (1 - t) ** 2 * line.x1 + 2 * t * (1 - t) * line.bendX + t ** 2 * line.x2;

  it('bends each input unit’s skip out on its own side, so neither crosses the other unit’s line to the hidden unit', () => {
    const skip = layout.projections.find((p) => p.from === 0 && p.to === 2)!;
    const [leftUnit, rightUnit] = layout.rows[0].spots.map((s) => s.x);
    const hidden = layout.rows[1].spots[0].x;
    const fromLeft = skip.lines.find((l) => l.x1 === leftUnit)!;
    const fromRight = skip.lines.find((l) => l.x1 === rightUnit)!;
    // At the curve's middle (about the hidden row's height), each is out past the hidden unit on its side.
    expect(quadraticX(fromLeft, 0.5)).toBeLessThan(hidden - layout.rows[1].radius);
    expect(quadraticX(fromRight, 0.5)).toBeGreaterThan(hidden + layout.rows[1].radius);
    // Every point of the right curve stays right of the left unit's straight line to the hidden unit, at the same height.
    for (let t = 0.05; t < 1; t += 0.05) {
      const y = (1 - t) ** 2 * fromRight.y1 + 2 * t * (1 - t) * ((fromRight.y1 + fromRight.y2) / 2) + t ** 2 * fromRight.y2;
      if (y < layout.rows[1].spots[0].y) continue;
      const along = (fromRight.y1 - y) / (fromRight.y1 - layout.rows[1].spots[0].y);
      expect(quadraticX(fromRight, t)).toBeGreaterThan(leftUnit + along * (hidden - leftUnit));
    }
    // And clear of the labels, which move over to make room.
    for (let t = 0; t <= 1; t += 0.05) expect(quadraticX(fromRight, t)).toBeLessThan(layout.labelX - 8);
    expect(layout.width).toBe(layout.labelX + 150);
  });
});
