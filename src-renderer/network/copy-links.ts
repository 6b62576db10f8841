/**
 * A recurrent network's time-delayed copies drawn in a diagram (the builder's, Train's, the gallery's, Step
 * through's): a dashed curve from the copied layer's last unit to its context layer's last unit, bulging to
 * the right of both, labelled "copy" — the context ← hidden copy-back of Elman's drawings, apart from the
 * learned projections' straight lines.
 */

export interface Point {
  x: number;
  y: number;
}

export interface CopyPath {
  from: number;
  to: number;
  /** The SVG path (a cubic Bézier). */
  d: string;
  /** Where the "copy" label starts (left end, on its baseline). */
  labelX: number;
  labelY: number;
}

/**
 * One path per link whose both layers are drawn: `units(g)` gives layer g's unit centres (or a block's two
 * ends), `radius` the units' radius. The curve leaves the right side of the source's rightmost unit and
 * enters the right side of the context's rightmost unit.
 */
export function copyPaths(links: readonly { from: number; to: number }[], units: (layer: number) => readonly Point[] | null, radius: number): CopyPath[] {
  return links.flatMap((link) => {
    const source = units(link.from);
    const context = units(link.to);
    if (!source?.length || !context?.length) return [];
    const last = (points: readonly Point[]) => points.reduce((a, b) => (b.x > a.x ? b : a));
    const a = last(source);
    const b = last(context);
    const bulge = Math.max(18, 1.6 * radius);
    const reach = Math.max(a.x, b.x) + radius + bulge;
    const start = { x: a.x + radius, y: a.y };
    const end = { x: b.x + radius, y: b.y };
    const d = `M${start.x} ${start.y} C${reach} ${start.y} ${reach} ${end.y} ${end.x} ${end.y}`;
    // The curve's rightmost point is three quarters of the way to `reach`, halfway down.
    const tipX = 0.25 * Math.max(start.x, end.x) + 0.75 * reach;
    return [{ from: link.from, to: link.to, d, labelX: tipX + 4, labelY: (start.y + end.y) / 2 + 4 }];
  });
}
