import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LABEL_GAP, LABEL_PAD, layoutMarkerLabels, mergeMarkers } from '../../../src-renderer/shared/charts/marker-layout';

const bounds = { left: 70, right: 970 };

describe('marker label layout', () => {
  it('never lets two labels in one row come closer than the gap, and keeps every label inside the plot', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.double({ min: bounds.left, max: bounds.right, noNaN: true }), width: fc.double({ min: 10, max: 300, noNaN: true }) }), {
          maxLength: 40,
        }),
        (labels) => {
          const placed = layoutMarkerLabels(labels, bounds);
          expect(placed).toHaveLength(labels.length);
          placed.forEach((a, i) => {
            expect(a.left).toBeGreaterThanOrEqual(bounds.left);
            expect(a.left + labels[i].width).toBeLessThanOrEqual(bounds.right + 1e-9);
            placed.forEach((b, k) => {
              if (k <= i || a.row !== b.row) return;
              const apart = a.left + labels[i].width + LABEL_GAP <= b.left + 1e-9 || b.left + labels[k].width + LABEL_GAP <= a.left + 1e-9;
              expect(apart).toBe(true);
            });
          });
          // A row is used only when every row above it had no room.
          const rows = new Set(placed.map((p) => p.row));
          for (let row = 0; row < rows.size; row++) expect(rows.has(row)).toBe(true);
        },
      ),
    );
  });

  it('puts a lone label right of its line, and one near the right edge left of it', () => {
    expect(layoutMarkerLabels([{ x: 300, width: 80 }], bounds)).toEqual([{ left: 300 + LABEL_PAD, row: 0 }]);
    expect(layoutMarkerLabels([{ x: 950, width: 80 }], bounds)).toEqual([{ left: 950 - LABEL_PAD - 80, row: 0 }]);
  });

  it('steps labels of close markers down, and lets far-apart ones share the top row', () => {
    const placed = layoutMarkerLabels(
      [
        { x: 100, width: 120 },
        { x: 130, width: 120 },
        { x: 160, width: 120 },
        { x: 600, width: 120 },
      ],
      bounds,
    );
    expect(placed.map((p) => p.row)).toEqual([0, 1, 2, 0]);
  });
});

describe('markers at one point', () => {
  it('share one label when they are of one run, and keep apart when they are of different runs', () => {
    const merged = mergeMarkers([
      { x: 3, label: 'λ → 0.4' },
      { x: 3, label: 'α → 0.8' },
      { x: 5, label: 'κ → 0.001' },
      { x: 3, label: 'λ → 0.3', colour: '#8b5fbf' },
    ]);
    expect(merged).toEqual([
      { x: 3, label: 'λ → 0.4 · α → 0.8' },
      { x: 5, label: 'κ → 0.001' },
      { x: 3, label: 'λ → 0.3', colour: '#8b5fbf' },
    ]);
  });
});
