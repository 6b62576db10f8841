/**
 * Where the Representations tab draws things, in the figures' own coordinates: the PCA scatter's points,
 * the RDM's cells and the dendrogram's lines. Pure, so the drawing's geometry is tested without a page.
 */
import type { Merge } from '../../src-shared/analysis/representations/clustering';

export interface ScatterPoint {
  label: string;
  x: number;
  y: number;
  /** The coordinates it stands for. */
  pc1: number;
  pc2: number;
}

/** The largest |coordinate| on the first two axes among `scores`: what a scatter scales to its margin. */
export function scatterExtent(scores: readonly (readonly number[])[]): number {
  let extent = 1e-12;
  for (const row of scores) extent = Math.max(extent, Math.abs(row[0] ?? 0), Math.abs(row[1] ?? 0));
  return extent;
}

/**
 * Points on a square of side `size` with `margin` inside, both axes on one scale so distances read true: the
 * farthest point at the margin, or `extent` there (trajectories reaching farther than the points).
 */
export function scatterLayout(labels: readonly string[], scores: readonly (readonly number[])[], size: number, margin: number, extent = scatterExtent(scores)): ScatterPoint[] {
  const pc1 = scores.map((row) => row[0] ?? 0);
  const pc2 = scores.map((row) => row[1] ?? 0);
  const half = (size - 2 * margin) / 2;
  return labels.map((label, p) => ({
    label, pc1: pc1[p], pc2: pc2[p],
    x: size / 2 + (pc1[p] / extent) * half,
    // SVG's y runs down: PC2 up.
    y: size / 2 - (pc2[p] / extent) * half,
  }));
}

export interface TrajectoryLine {
  /** SVG polyline points. */
  points: string;
  /** Where the path starts (its oldest frame). */
  start: { x: number; y: number };
}

/**
 * Each point's path over training as an SVG polyline, on the scatter's own scale (scatterLayout with the
 * same `extent`): `paths[point][frame]` = [PC1, PC2], oldest first, so each line ends at its point.
 */
export function trajectoryLines(paths: readonly (readonly (readonly [number, number])[])[], size: number, margin: number, extent: number): TrajectoryLine[] {
  const half = (size - 2 * margin) / 2;
  const at = (v: number) => Math.round(v * 100) / 100;
  return paths.map((path) => {
    const xy = path.map(([a, b]) => ({ x: at(size / 2 + (a / extent) * half), y: at(size / 2 - (b / extent) * half) }));
    return { points: xy.map(({ x, y }) => `${x},${y}`).join(' '), start: xy[0] };
  });
}

export interface DendrogramLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Dendrogram {
  /** Leaves left to right: indices into the patterns. */
  order: number[];
  lines: DendrogramLine[];
  /** The largest merge height, the top of the axis. */
  top: number;
}

/** The dendrogram of scipy-numbered merges: leaves spaced `step` apart, heights scaled to `height`. */
export function dendrogramLayout(merges: readonly Merge[], leaves: number, step: number, height: number): Dendrogram {
  const order: number[] = [];
  const visit = (id: number): void => {
    if (id < leaves) order.push(id);
    else { visit(merges[id - leaves].left); visit(merges[id - leaves].right); }
  };
  if (merges.length > 0) visit(leaves + merges.length - 1);
  else order.push(...Array.from({ length: leaves }, (_, p) => p));
  const top = Math.max(1e-12, ...merges.map((m) => m.height));
  const yOf = (h: number) => height - (h / top) * height;
  const x = new Map<number, number>(order.map((p, k) => [p, step / 2 + k * step]));
  const y = new Map<number, number>(order.map((p) => [p, height]));
  const lines: DendrogramLine[] = [];
  merges.forEach((m, i) => {
    const h = yOf(m.height);
    const [xl, xr] = [x.get(m.left)!, x.get(m.right)!];
    lines.push({ x1: xl, y1: y.get(m.left)!, x2: xl, y2: h }, { x1: xr, y1: y.get(m.right)!, x2: xr, y2: h }, { x1: xl, y1: h, x2: xr, y2: h });
    x.set(leaves + i, (xl + xr) / 2);
    y.set(leaves + i, h);
  });
  return { order, lines, top };
}

export interface PlacedLabel {
  label: string;
  x: number;
  y: number;
  anchor: 'start' | 'end';
}

/** A label's box at 12 px type, estimated: what placeLabels keeps apart. */
const CHAR_WIDTH = 7;
const LABEL_HEIGHT = 13;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function labelBox(text: string, x: number, y: number, anchor: 'start' | 'end'): Box {
  const width = text.length * CHAR_WIDTH;
  const left = anchor === 'start' ? x : x - width;
  // y is the text's baseline.
  return { left, right: left + width, top: y - LABEL_HEIGHT + 3, bottom: y + 3 };
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Where each point's label goes on a square figure of side `size`: the first of eight places around the
 * point (above and below, right and left, then level with it) whose box stays inside the figure and clears
 * every label placed before it and every point; when none does, the place that overlaps least. Points near
 * each other (PCA often puts two items together) so get labels on different sides instead of one on another.
 */
export function placeLabels(points: readonly { label: string; x: number; y: number }[], size: number, radius = 5): PlacedLabel[] {
  const pointBoxes = points.map((p) => ({ left: p.x - radius, right: p.x + radius, top: p.y - radius, bottom: p.y + radius }));
  const placed: Box[] = [];
  const d = 8;
  return points.map((p) => {
    const inward: 'start' | 'end' = p.x > size / 2 ? 'end' : 'start';
    const outward: 'start' | 'end' = inward === 'start' ? 'end' : 'start';
    const side = (anchor: 'start' | 'end') => (anchor === 'start' ? p.x + d : p.x - d);
    const candidates = [
      { x: side(inward), y: p.y - d, anchor: inward }, { x: side(inward), y: p.y + d + LABEL_HEIGHT - 3, anchor: inward },
      { x: side(outward), y: p.y - d, anchor: outward }, { x: side(outward), y: p.y + d + LABEL_HEIGHT - 3, anchor: outward },
      { x: side(inward), y: p.y + 4, anchor: inward }, { x: side(outward), y: p.y + 4, anchor: outward },
      { x: side(inward), y: p.y - d - LABEL_HEIGHT, anchor: inward }, { x: side(inward), y: p.y + d + 2 * LABEL_HEIGHT - 3, anchor: inward },
    ];
    const cost = (c: (typeof candidates)[number]): number => {
      const box = labelBox(p.label, c.x, c.y, c.anchor);
      const outside = box.left < 0 || box.right > size || box.top < 0 || box.bottom > size ? 1000 : 0;
      return outside + placed.filter((b) => overlaps(b, box)).length * 10 + pointBoxes.filter((b) => overlaps(b, box)).length;
    };
    let best = candidates[0];
    let bestCost = cost(best);
    for (const c of candidates.slice(1)) {
      if (bestCost === 0) break;
      const k = cost(c);
      if (k < bestCost) {
        best = c;
        bestCost = k;
      }
    }
    placed.push(labelBox(p.label, best.x, best.y, best.anchor));
    return { label: p.label, x: best.x, y: best.y, anchor: best.anchor };
  });
}
