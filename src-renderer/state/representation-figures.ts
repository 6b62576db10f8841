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

/** Points on a square of side `size` with `margin` inside, both axes on one scale so distances read true. */
export function scatterLayout(labels: readonly string[], scores: readonly (readonly number[])[], size: number, margin: number): ScatterPoint[] {
  const pc1 = scores.map((row) => row[0] ?? 0);
  const pc2 = scores.map((row) => row[1] ?? 0);
  const extent = Math.max(1e-12, ...pc1.map(Math.abs), ...pc2.map(Math.abs));
  const half = (size - 2 * margin) / 2;
  return labels.map((label, p) => ({
    label, pc1: pc1[p], pc2: pc2[p],
    x: size / 2 + (pc1[p] / extent) * half,
    // SVG's y runs down: PC2 up.
    y: size / 2 - (pc2[p] / extent) * half,
  }));
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
