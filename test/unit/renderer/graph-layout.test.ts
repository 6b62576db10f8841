/** A graph network's drawing: layers on rows by depth, every projection drawn, a skip projection curving past the layers between. */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { curvePoint, curveXAt, layerDepths, skipRoute } from '../../../src-renderer/network/graph-layout';
import { networkLayout, type NetworkLayout } from '../../../src-renderer/network/network-layout';
import { layerDetail } from '../../../src-renderer/network/describe-network';

const build = (id: string) => findExample(id)!.build();
const layoutOf = (model: ModelDocument, maxWidth = 330): NetworkLayout =>
  networkLayout(model.layers, { maxWidth, details: model.layers.map(layerDetail), projections: model.projections });
type Point = { x: number; y: number };

/** A line as a polyline: two points, or a curve sampled finely. */
function polyline(line: NetworkLayout['lines'][number]): Point[] {
  if (!line.via) return [{ x: line.x1, y: line.y1 }, { x: line.x2, y: line.y2 }];
  return Array.from({ length: 65 }, (_, k) => curvePoint(line, line.via!, k / 64));
}

/** Whether segments ab and cd cross at a point inside both (touching at a shared end does not count). */
function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const cross = (o: Point, p: Point, q: Point) => (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x);
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  const eps = 1e-6;
  return ((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps)) && ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps));
}

/** Every pair of lines that cross away from the units they share, as "from>to #i × from>to #j". */
function crossings(layout: NetworkLayout): string[] {
  const found: string[] = [];
  const shapes = layout.lines.map(polyline);
  const near = (p: Point, q: Point) => Math.hypot(p.x - q.x, p.y - q.y) < layout.radius;
  for (let i = 0; i < shapes.length; i++) {
    for (let j = i + 1; j < shapes.length; j++) {
      const [a, b] = [shapes[i], shapes[j]];
      const hit = a.slice(1).some((p, s) => b.slice(1).some((q, t) => {
        const [p0, q0] = [a[s], b[t]];
        // Lines meeting at a unit touch there: only crossings away from both ends count.
        if ([p0, p].some((u) => near(u, a[0]) || near(u, a.at(-1)!)) && [q0, q].some((u) => near(u, b[0]) || near(u, b.at(-1)!))) return false;
        return segmentsCross(p0, p, q0, q);
      }));
      if (hit) found.push(`${layout.lines[i].from}>${layout.lines[i].to} #${i} × ${layout.lines[j].from}>${layout.lines[j].to} #${j}`);
    }
  }
  return found;
}

describe('graph layout by depth', () => {
  it('puts the Rumelhart graph on four rows: item; representation beside relation; hidden; attributes', () => {
    const model = build('rumelhart-graph');
    const names = model.layers.map((l) => l.name);
    expect(names).toEqual(['item', 'relation', 'representation', 'hidden', 'attributes']);
    expect(layerDepths(model.layers.length, model.projections!)).toEqual([0, 1, 1, 2, 3]);
    const layout = layoutOf(model);
    const y = (name: string) => layout.rows[names.indexOf(name)].y;
    expect(y('item')).toBeGreaterThan(y('representation'));
    expect(y('representation')).toBe(y('relation'));
    expect(y('relation')).toBeGreaterThan(y('hidden'));
    expect(y('hidden')).toBeGreaterThan(y('attributes'));
    // Representation (fed from below) first, relation beside it, neither overlapping the other or its label.
    const representation = layout.rows[2];
    const relation = layout.rows[1];
    expect(representation.right).toBeLessThan(relation.left);
    expect(representation.labelAbove && relation.labelAbove).toBe(true);
    const nameRight = representation.labelX + (9.5 * representation.layer.name.length) / 2;
    expect(nameRight).toBeLessThanOrEqual(relation.labelX - (9.5 * relation.layer.name.length) / 2);
    expect(layout.width).toBeLessThanOrEqual(330);
  });

  it('draws every projection of the Rumelhart graph, unit to unit, with no curve (no projection skips a row)', () => {
    const model = build('rumelhart-graph');
    const layout = layoutOf(model);
    for (const p of model.projections!) {
      const drawn = layout.lines.filter((l) => l.from === p.from && l.to === p.to);
      expect(drawn).toHaveLength(layout.rows[p.from].xs.length * layout.rows[p.to].xs.length);
    }
    expect(layout.lines.every((l) => l.via === null)).toBe(true);
  });

  it('curves the 2-1-1 XOR\'s skip projection past the hidden unit, each input unit on its own side, clear of it and inside the drawing', () => {
    const model = build('xor-2-1-1');
    for (const labelled of [true, false]) {
      const layout = labelled ? layoutOf(model, 330) : networkLayout(model.layers, { maxWidth: 230, compact: true, projections: model.projections });
      expect(layout.rows.map((r) => r.y)).toEqual([...layout.rows.map((r) => r.y)].sort((a, b) => b - a));
      const skip = layout.lines.filter((l) => l.from === 0 && l.to === 2);
      expect(skip).toHaveLength(2);
      const hidden = layout.rows[1];
      const [left, right] = [...skip].sort((a, b) => a.x1 - b.x1);
      // Where each curve crosses the hidden row's height: the left unit's left of the circle, the right unit's right of it and left of the label.
      expect(curveXAt(left, left.via!, hidden.y)).toBeLessThan(hidden.xs[0] - layout.radius);
      expect(curveXAt(right, right.via!, hidden.y)).toBeGreaterThan(hidden.xs[0] + layout.radius);
      if (labelled) expect(curveXAt(right, right.via!, hidden.y)).toBeLessThan(hidden.labelX - 4);
      for (const line of skip) {
        for (let t = 0; t <= 1; t += 0.05) {
          const x = curveXAt(line, line.via!, line.y1 + t * (line.y2 - line.y1));
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(layout.width);
        }
      }
      // No line crosses another: the curves, drawn as fine polylines, against every straight line and each other.
      expect(crossings(layout)).toEqual([]);
      // Straight lines for the projections between neighbouring rows.
      expect(layout.lines.filter((l) => l.from !== 0 || l.to !== 2).every((l) => l.via === null)).toBe(true);
    }
  });

  it('routes a curve past every row between, however many', () => {
    const between = [300, 240, 180, 120];
    const via = skipRoute(200, 360, 220, 60, between, 90);
    for (const y of between) expect(curveXAt({ x1: 200, y1: 360, x2: 220, y2: 60 }, via, y)).toBeLessThanOrEqual(90);
    const right = skipRoute(200, 360, 220, 60, between, 330, 'right');
    for (const y of between) expect(curveXAt({ x1: 200, y1: 360, x2: 220, y2: 60 }, right, y)).toBeGreaterThanOrEqual(330);
  });

  it('draws a chain as before: one row per layer in order, straight lines between neighbours only', () => {
    const model = build('xor');
    const chain = networkLayout(model.layers, { maxWidth: 300, details: model.layers.map(layerDetail) });
    const explicit = networkLayout(model.layers, { maxWidth: 300, details: model.layers.map(layerDetail), projections: [{ from: 0, to: 1 }, { from: 1, to: 2 }] });
    expect(explicit).toEqual(chain);
    expect(chain.lines).toHaveLength(2 * 2 + 2 * 1);
    expect(chain.lines.every((l) => l.to === l.from + 1 && l.via === null)).toBe(true);
  });

  it('draws a graph with a cycle (which the validator names) rather than failing', () => {
    const model = build('xor-2-1-1');
    const layout = networkLayout(model.layers, { maxWidth: 300, projections: [...model.projections!, { from: 2, to: 1 }] });
    expect(layout.rows).toHaveLength(3);
    expect(layout.lines.some((l) => l.from === 2 && l.to === 1)).toBe(true);
  });
});
