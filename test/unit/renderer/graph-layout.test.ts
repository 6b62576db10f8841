/** A graph network's drawing: layers on rows by depth, every projection drawn, a skip projection curving past the layers between. */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { curveXAt, layerDepths, skipRoute } from '../../../src-renderer/state/graph-layout';
import { networkLayout, type NetworkLayout } from '../../../src-renderer/state/network-layout';
import { layerDetail } from '../../../src-renderer/components/describe-network';

const build = (id: string) => findExample(id)!.build();
const layoutOf = (model: ModelDocument, maxWidth = 330): NetworkLayout =>
  networkLayout(model.layers, { maxWidth, details: model.layers.map(layerDetail), projections: model.projections });
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

  it('curves the 2-1-1 XOR\'s skip projection past the hidden unit, clear of it and inside the drawing', () => {
    const model = build('xor-2-1-1');
    const layout = layoutOf(model, 300);
    expect(layout.rows.map((r) => r.y)).toEqual([...layout.rows.map((r) => r.y)].sort((a, b) => b - a));
    const skip = layout.lines.filter((l) => l.from === 0 && l.to === 2);
    expect(skip).toHaveLength(2);
    const hidden = layout.rows[1];
    for (const line of skip) {
      expect(line.via).not.toBeNull();
      // Where the curve crosses the hidden row's height, it is left of the unit's circle and its label.
      expect(curveXAt(line, line.via!, hidden.y)).toBeLessThan(hidden.xs[0] - layout.radius);
      for (let t = 0; t <= 1; t += 0.05) {
        const x = curveXAt(line, line.via!, line.y1 + t * (line.y2 - line.y1));
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(layout.width);
      }
    }
    // Straight lines for the projections between neighbouring rows.
    expect(layout.lines.filter((l) => l.from !== 0 || l.to !== 2).every((l) => l.via === null)).toBe(true);
  });

  it('routes a curve past every row between, however many', () => {
    const between = [300, 240, 180, 120];
    const via = skipRoute(200, 360, 220, 60, between, 90);
    for (const y of between) expect(curveXAt({ x1: 200, y1: 360, x2: 220, y2: 60 }, via, y)).toBeLessThanOrEqual(90);
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
