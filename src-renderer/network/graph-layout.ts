/**
 * Where a graph network's layers and units are drawn (network-layout.ts draws a chain): the PDP way, input
 * at the bottom, each layer on the row of its depth — the longest path to it from an input layer — with an
 * input layer that feeds only deeper layers raised to the row below its first (Rumelhart's relation layer
 * beside the representation it joins). Layers on one row stand side by side, each labelled at its right.
 * A projection between neighbouring rows is a line from every unit to every unit; one that skips rows is a
 * curve passing beside every layer between (skipRoute), so no line crosses a unit or a label it skips: left
 * of them from a unit left of their middle, right of them (the labels at the right moving over to make way)
 * from a unit right of it, so that a skip does not cross the lines its own layer sends to the layers between
 * (the 2-1-1 XOR's right input unit's curve would cross the left unit's line to the hidden unit).
 */
import type { LayerSpec } from '../../src-shared/model/schema';

/** A cubic Bézier's two control points: the curve of a projection that skips rows. */
export interface CurveVia {
  c1x: number;
  c1y: number;
  c2x: number;
  c2y: number;
}

export interface LayoutLine {
  /** Layer indices and unit (or anchor) indices at either end. */
  from: number;
  to: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Drawn fainter: one end is a block. */
  faint: boolean;
  /** Present for a projection that skips rows: the curve's control points. */
  via: CurveVia | null;
}

/** A row of the network diagram: one layer's units (or its block) and where its label goes. */
export interface LayoutRow {
  y: number;
  /** Unit centres, or for a block the anchors its lines meet. */
  xs: number[];
  block: { x: number; width: number } | null;
  layer: LayerSpec;
  /** The units' extent (a chain's rows all span the widest), and where the layer's label starts. */
  left: number;
  right: number;
  labelX: number;
  /** The name alone, centred above the units (a layer sharing its row in a graph); else name and detail at the right. */
  labelAbove: boolean;
}

/** A graph's row also knows its depth (the longest path from an input layer). */
export interface GraphRow extends LayoutRow {
  depth: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  radius: number;
  rows: GraphRow[];
  lines: LayoutLine[];
}

export interface GraphLayoutOptions {
  maxWidth: number;
  details: readonly string[] | null;
  compact: boolean;
  maxDrawn: number;
  pad: number;
  labelPad: number;
  edgeAnchors: (left: number, right: number) => number[];
}

type Edge = { from: number; to: number };

/** Units closer than this (px between centres) are hard to see: labels move above the units to make room. */
const COMFORTABLE_GAP = 20;

/**
 * Each layer's row: the longest path to it from a layer nothing feeds, then sources (input layers) raised to
 * just below the shallowest layer they feed. A cycle (which the validator names) stops the count at the
 * number of layers, so even an invalid graph is drawn.
 */
export function layerDepths(count: number, projections: readonly Edge[]): number[] {
  const depth = new Array<number>(count).fill(0);
  for (let round = 0; round < count; round++) {
    let changed = false;
    for (const p of projections) {
      if (p.from === p.to || depth[p.to] >= depth[p.from] + 1 || depth[p.from] + 1 >= count) continue;
      depth[p.to] = depth[p.from] + 1;
      changed = true;
    }
    if (!changed) break;
  }
  for (let i = 0; i < count; i++) {
    if (projections.some((p) => p.to === i)) continue;
    const targets = projections.filter((p) => p.from === i && p.to !== i).map((p) => depth[p.to]);
    if (targets.length > 0) depth[i] = Math.max(depth[i], Math.min(...targets) - 1);
  }
  // Rows without a layer close up, so the drawing has no empty row.
  const used = [...new Set(depth)].sort((a, b) => a - b);
  return depth.map((d) => used.indexOf(d));
}

/** Layers row by row, each row ordered by where its feeders on lower rows stand (fewest crossings), then index. */
function orderRows(depths: readonly number[], projections: readonly Edge[]): number[][] {
  const rows: number[][] = [];
  depths.forEach((d, i) => (rows[d] ??= []).push(i));
  const position = new Map<number, number>();
  rows.forEach((row, r) => {
    const key = (i: number) => {
      const feeders = projections.filter((p) => p.to === i && position.has(p.from)).map((p) => position.get(p.from)!);
      return feeders.length > 0 ? feeders.reduce((a, b) => a + b, 0) / feeders.length : Number.POSITIVE_INFINITY;
    };
    if (r > 0) row.sort((a, b) => key(a) - key(b) || a - b);
    row.forEach((i, k) => position.set(i, row.length === 1 ? 0.5 : k / (row.length - 1)));
  });
  return rows;
}

/** A point of the cubic Bézier from (x1, y1) through the control points to (x2, y2), at t in [0, 1]. */
export function curvePoint(line: Pick<LayoutLine, 'x1' | 'y1' | 'x2' | 'y2'>, via: CurveVia, t: number): { x: number; y: number } {
  const s = 1 - t;
  const a = s * s * s;
  const b = 3 * s * s * t;
  const c = 3 * s * t * t;
  const d = t * t * t;
  return { x: a * line.x1 + b * via.c1x + c * via.c2x + d * line.x2, y: a * line.y1 + b * via.c1y + c * via.c2y + d * line.y2 };
}

/** The curve's x where it crosses height y (it falls monotonically from y1 to y2), by bisection. */
export function curveXAt(line: Pick<LayoutLine, 'x1' | 'y1' | 'x2' | 'y2'>, via: CurveVia, y: number): number {
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if (curvePoint(line, via, mid).y > y) lo = mid;
    else hi = mid;
  }
  return curvePoint(line, via, (lo + hi) / 2).x;
}

/**
 * The control points of a curve from (x1, y1) up to (x2, y2) that passes left of `clearX` (right of it, for
 * side 'right') at every one of the heights `between`: vertical tangents at both ends, bowed out further
 * until it clears.
 */
export function skipRoute(x1: number, y1: number, x2: number, y2: number, between: readonly number[], clearX: number, side: 'left' | 'right' = 'left'): CurveVia {
  const rise = y1 - y2;
  const sign = side === 'left' ? -1 : 1;
  const clear = (x: number) => (side === 'left' ? x <= clearX : x >= clearX);
  for (let bow = 0; ; bow += 4) {
    const cx = clearX + sign * bow;
    const via = { c1x: cx, c1y: y1 - rise * 0.35, c2x: cx, c2y: y2 + rise * 0.35 };
    const line = { x1, y1, x2, y2 };
    if (between.every((y) => clear(curveXAt(line, via, y))) || bow > 4000) return via;
  }
}

export function graphLayout(layers: readonly LayerSpec[], projections: readonly Edge[], options: GraphLayoutOptions): GraphLayout {
  const { maxWidth, details, compact, maxDrawn, pad, labelPad } = options;
  const labelled = details !== null;
  const depths = layerDepths(layers.length, projections);
  const rowsByDepth = orderRows(depths, projections);
  const labelWidth = (j: number) => (labelled ? 14 + 9.5 * Math.max(layers[j].name.length, (details[j] ?? '').length * 0.8) : 0);
  const drawn = (j: number) => Math.min(layers[j].units, maxDrawn);
  const groupGap = labelled ? 10 : 18;
  const skips = projections.filter((p) => depths[p.to] - depths[p.from] > 1);
  // Room at the left for the curves of projections that skip rows.
  const skipRoom = skips.length > 0 ? 14 + 8 * skips.length : 0;
  const rowGap = compact ? 50 : 64;
  // A row of one layer is labelled at its right, name and detail, as a chain's rows are; in a row of several,
  // each layer's name stands centred above its units (its detail is on its card), so the row stays narrow.
  // Where labels at the right would leave the units too small to read, every name stands above its units.
  let allAbove = false;
  const stacked = (row: readonly number[]) => labelled && (allAbove || row.length > 1);
  const nameWidth = (j: number) => 9.5 * layers[j].name.length;
  const groupWidth = (row: readonly number[], j: number, gap: number) => (stacked(row) ? Math.max(drawn(j) * gap, nameWidth(j) + 6) : drawn(j) * gap);
  const spansAt = (gap: number) => rowsByDepth.map((row) => row.reduce((sum, j, k) => sum + groupWidth(row, j, gap) + (k > 0 ? groupGap : 0), 0));
  const rightLabel = (row: readonly number[]) => (stacked(row) ? 0 : labelWidth(row[row.length - 1]));
  const widthAt = (gap: number) => {
    const spans = spansAt(gap);
    const half = Math.max(...spans) / 2;
    return 2 * pad + skipRoom + Math.max(...rowsByDepth.map((row, d) => half + spans[d] / 2 + rightLabel(row)));
  };
  // The units shrink until the drawing fits, but no further than narrowing it needs: where the names above
  // the units set a row's width (a lesioned part beside its layer), smaller units would not make it narrower,
  // only harder to click once the drawing is scaled to fit.
  const fit = () => {
    const target = Math.max(maxWidth, widthAt(6));
    let gap = compact ? 28 : 34;
    while (gap > 6 && widthAt(gap) > target + 0.01) gap *= 0.97;
    return gap;
  };
  let unitGap = fit();
  if (labelled && unitGap < COMFORTABLE_GAP) {
    allAbove = true;
    unitGap = fit();
  }
  const radius = Math.min(compact ? 9 : 11, unitGap * 0.36);
  const padY = labelled ? labelPad : pad;
  const height = (rowsByDepth.length - 1) * rowGap + 2 * padY;
  // Rows centred on one axis by their units (a right-hand label hangs past it).
  const spans = spansAt(unitGap);
  const axis = pad + skipRoom + Math.max(...spans) / 2;
  const rows = new Array<GraphRow>(layers.length);
  let right = 0;
  rowsByDepth.forEach((row, d) => {
    const y = height - padY - d * rowGap;
    let x = axis - spans[d] / 2;
    for (const j of row) {
      const group = groupWidth(row, j, unitGap);
      const width = drawn(j) * unitGap;
      const left = x + (group - width) / 2;
      const layer = layers[j];
      const label = stacked(row) ? { labelX: left + width / 2, labelAbove: true } : { labelX: left + width + 8, labelAbove: false };
      const place = { layer, left, right: left + width, depth: d, y, ...label };
      if (layer.units > maxDrawn) {
        const blockX = left + unitGap * 0.15;
        const blockWidth = width - unitGap * 0.3;
        rows[j] = { ...place, xs: options.edgeAnchors(blockX, blockX + blockWidth), block: { x: blockX, width: blockWidth } };
      } else {
        rows[j] = { ...place, xs: Array.from({ length: layer.units }, (_, i) => left + unitGap * (i + 0.5)), block: null };
      }
      right = Math.max(right, x + group + (stacked(row) ? 0 : labelWidth(j)));
      x += group + groupGap;
    }
  });
  // The labels at the right line up, as a chain's do.
  const single = rows.flatMap((row, j) => (row.labelAbove ? [] : [j]));
  if (labelled && single.length > 1) {
    const labelX = Math.max(...single.map((j) => rows[j].right + 8));
    for (const j of single) {
      rows[j].labelX = labelX;
      right = Math.max(right, labelX + labelWidth(j) - 8);
    }
  }
  const lines: LayoutLine[] = [];
  const rightCurves: LayoutLine[] = [];
  // Each side's curves nest: the n-th projection to skip on a side passes 8 px further out.
  const skipsOn = { left: 0, right: 0 };
  // A centred name above its units reaches past them when it is the wider.
  const leftEdge = (j: number) => (rows[j].labelAbove ? Math.min(rows[j].left, rows[j].labelX - nameWidth(j) / 2) : rows[j].left);
  const rightEdge = (j: number) => (rows[j].labelAbove ? Math.max(rows[j].right, rows[j].labelX + nameWidth(j) / 2) : rows[j].right);
  for (const p of projections) {
    if (p.from === p.to || !rows[p.from] || !rows[p.to]) continue;
    const below = rows[p.from];
    const above = rows[p.to];
    const faint = below.block !== null || above.block !== null;
    const skipped = rowsByDepth.slice(Math.min(below.depth, above.depth) + 1, Math.max(below.depth, above.depth)).flat();
    const curved = skipped.length > 0 && below.y > above.y;
    const clearLeft = curved ? Math.min(...skipped.map(leftEdge)) - radius - 6 - 8 * skipsOn.left : 0;
    const clearRight = curved ? Math.max(...skipped.map(rightEdge)) + radius + 6 + 8 * skipsOn.right : 0;
    const middle = curved ? (Math.min(...skipped.map((j) => rows[j].left)) + Math.max(...skipped.map((j) => rows[j].right))) / 2 : 0;
    const between = [...new Set(skipped.map((j) => rows[j].y))];
    const sides = new Set<'left' | 'right'>();
    for (const x2 of above.xs) {
      for (const x1 of below.xs) {
        const line = { from: p.from, to: p.to, x1, y1: below.y, x2, y2: above.y, faint };
        if (!curved) {
          lines.push({ ...line, via: null });
          continue;
        }
        // A block's anchors all pass on the left, as one bundle.
        const side = below.block === null && x1 > middle ? 'right' : 'left';
        sides.add(side);
        const drawn = { ...line, via: skipRoute(x1, below.y, x2, above.y, between, side === 'left' ? clearLeft : clearRight, side) };
        lines.push(drawn);
        if (side === 'right') rightCurves.push(drawn);
      }
    }
    for (const side of sides) skipsOn[side]++;
  }
  // Labels at the right of the rows a curve passes on the right move past it (and, lined up, all with them).
  if (rightCurves.length > 0) {
    const single = rows.flatMap((row, j) => (row.labelAbove ? [] : [j]));
    const passed = single.filter((j) => rightCurves.some((l) => l.y2 < rows[j].y && rows[j].y < l.y1));
    if (passed.length > 0) {
      const reach = Math.max(...rightCurves.map((l) => rightOf(l, l.via!)));
      const labelX = Math.max(...single.map((j) => rows[j].labelX), reach + 10);
      for (const j of single) {
        rows[j].labelX = labelX;
        right = Math.max(right, labelX + labelWidth(j) - 8);
      }
    }
    right = Math.max(right, ...rightCurves.map((l) => rightOf(l, l.via!)));
  }
  // Curves bowed past the left edge: everything moves right to make room.
  const leftmost = Math.min(pad, ...lines.flatMap((l) => (l.via ? [leftOf(l, l.via)] : [])));
  const shift = pad - leftmost;
  if (shift > 0) {
    for (const row of rows) {
      row.xs = row.xs.map((x) => x + shift);
      row.left += shift;
      row.right += shift;
      row.labelX += shift;
      if (row.block) row.block = { ...row.block, x: row.block.x + shift };
    }
    for (const line of lines) {
      line.x1 += shift;
      line.x2 += shift;
      if (line.via) line.via = { ...line.via, c1x: line.via.c1x + shift, c2x: line.via.c2x + shift };
    }
  }
  return { width: right + shift + pad, height, radius, rows, lines };
}

/** The curve's leftmost x, sampled. */
function leftOf(line: LayoutLine, via: CurveVia): number {
  let left = Math.min(line.x1, line.x2);
  for (let k = 1; k < 32; k++) left = Math.min(left, curvePoint(line, via, k / 32).x);
  return left;
}

/** The curve's rightmost x, sampled. */
function rightOf(line: LayoutLine, via: CurveVia): number {
  let right = Math.max(line.x1, line.x2);
  for (let k = 1; k < 32; k++) right = Math.max(right, curvePoint(line, via, k / 32).x);
  return right;
}
