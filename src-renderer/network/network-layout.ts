/**
 * Where a network's layers and units are drawn: the PDP way, input at the bottom, each layer a row of
 * units centred over the same width, projections as lines from each row to the one above. Two drawings
 * share it:
 * - the network diagram (builder, Weights, gallery) and its SVG export, so the exported figure is the one
 *   on screen: `networkLayout`, a layer wider than MAX_DRAWN drawn as one block;
 * - Step through's value diagram, where every unit has its own colour: `valueLayout`, a layer wider than
 *   CIRCLE_LIMIT drawn as a grid of cells, sizes following the width available within limits that keep
 *   a projector's back row able to read them.
 */
import { networkGraph } from '../../src-shared/model/graph';
import type { LayerSpec, ProjectionSpec } from '../../src-shared/model/schema';
import { graphLayout, type LayoutLine, type LayoutRow } from './graph-layout';

export type { LayoutLine } from './graph-layout';

/** The network diagram draws layers up to this wide unit by unit; wider ones as a block. */
export const MAX_DRAWN = 8;
/** The value diagram draws layers up to this wide as circles; wider ones as a grid of cells. */
export const CIRCLE_LIMIT = 32;
/** Points along a block's or grid's edge where its projections' lines meet it. */
const EDGE_ANCHORS = 6;
export const PAD = 16;
/** Room above the top row and below the bottom one for a label's two lines. */
const LABEL_PAD = 26;

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

/** The centres of `units` units `gap` apart, centred in the row that starts at `left`, `width` wide. */
function centredUnits(units: number, gap: number, left: number, width: number): number[] {
  const start = left + (width - units * gap) / 2 + gap / 2;
  return Array.from({ length: units }, (_, i) => start + i * gap);
}

/** Where lines meet a block or grid from `left` to `right`: a few points spread evenly along it. */
function edgeAnchors(left: number, right: number): number[] {
  return Array.from({ length: EDGE_ANCHORS }, (_, i) => left + ((i + 0.5) * (right - left)) / EDGE_ANCHORS);
}

// ---- The network diagram ----------------------------------------------------------------------------

export type { LayoutRow } from './graph-layout';

export interface NetworkLayout {
  width: number;
  height: number;
  radius: number;
  /** Rows by layer index. */
  rows: LayoutRow[];
  /** Every projection's lines, unit to unit (a skip projection's curved). */
  lines: LayoutLine[];
}

export interface LayoutOptions {
  maxWidth: number;
  /** Each layer's second label line ("2 units, logistic"); given, the layers are labelled. */
  details?: readonly string[] | null;
  compact?: boolean;
  /** The network's projections; absent, the chain of the layers. A graph is laid out by depth (graph-layout.ts). */
  projections?: readonly ProjectionSpec[];
}

export function networkLayout(layers: readonly LayerSpec[], { maxWidth, details = null, compact = false, projections }: LayoutOptions): NetworkLayout {
  if (projections && layers.length > 0 && !networkGraph({ layers: [...layers], projections: [...projections] }).isChain) {
    return graphLayout(layers, projections, { maxWidth, details, compact, maxDrawn: MAX_DRAWN, pad: PAD, labelPad: LABEL_PAD, edgeAnchors });
  }
  // Room for the labels: their longest line at about 9.5 px a character (17 px semibold), at least 130.
  const labelled = details !== null;
  const labelWidth = labelled
    ? Math.max(130, 16 + 9.5 * Math.max(...layers.map((l, j) => Math.max(l.name.length, (details[j] ?? '').length * 0.8))))
    : 0;
  const rowGap = compact ? 50 : 64;
  const widest = Math.max(2, ...layers.map((l) => Math.min(l.units, MAX_DRAWN)));
  const unitGap = Math.min(compact ? 28 : 34, (maxWidth - 2 * PAD - labelWidth) / widest);
  const radius = Math.min(compact ? 9 : 11, unitGap * 0.36);
  const unitsWidth = widest * unitGap;
  const width = unitsWidth + 2 * PAD + labelWidth;
  const padY = labelled ? LABEL_PAD : PAD;
  const height = (layers.length - 1) * rowGap + 2 * padY;
  const labelX = PAD + unitsWidth + 12;
  const rows = layers.map((layer, index): LayoutRow => {
    const y = height - padY - index * rowGap;
    const extent = { left: PAD, right: PAD + unitsWidth, labelX, labelAbove: false };
    if (layer.units > MAX_DRAWN) {
      const x = PAD + unitGap * 0.15;
      const blockWidth = unitsWidth - unitGap * 0.3;
      return { y, xs: edgeAnchors(x, x + blockWidth), block: { x, width: blockWidth }, layer, ...extent };
    }
    return { y, xs: centredUnits(layer.units, unitGap, PAD, unitsWidth), block: null, layer, ...extent };
  });
  // Each layer to the next, every unit to every unit.
  const lines = rows.slice(1).flatMap((above, j) => {
    const below = rows[j];
    const faint = above.block !== null || below.block !== null;
    return above.xs.flatMap((x2) => below.xs.map((x1): LayoutLine => ({ from: j, to: j + 1, x1, y1: below.y, x2, y2: above.y, faint, via: null })));
  });
  return { width, height, radius, rows, lines };
}

// ---- Step through's value diagram ------------------------------------------------------------------

/** The value diagram's margin: a little more than the network diagram's, for the selected unit's ring. */
const VALUE_PAD = 20;
/** How far left of the rows a skip's curve reaches, per row it passes. */
const SKIP_BEND = 22;
/**
 * The numbers beside the units (15 px text): one line of them under a row, or — where units are too close
 * for neighbours' numbers to sit side by side — two, every other number a line lower (numberRows). A line
 * of numbers is this tall; the first one's baseline is NUMBER_BASELINE below the circle.
 */
export const NUMBER_LINE = 18;
export const NUMBER_BASELINE = 17;
/** The widest number drawn, "δ = −1.23e-7" (12 characters), and the least space between two side by side. */
const WIDEST_NUMBER = 12 * 9.5;
const NUMBER_GAP = 6;
/** Below the circle: the lines of numbers and a margin under them, where the connections from below end. */
export function numberBand(lines: number): number {
  return 8 + lines * NUMBER_LINE;
}
/** Room above the top row for the targets' lines. */
function targetRoom(lines: number): number {
  return 26 + lines * NUMBER_LINE;
}
/** A number's width at 15 px, generous (wider than any sans-serif's average) so that estimated boxes that keep apart keep apart drawn. */
export function numberWidth(text: string): number {
  return text.length * 9.5;
}
/**
 * Which line each number goes on (0 the first): numbers in order of their centres, each on the first line
 * where it keeps NUMBER_GAP from every number already there. Where numbers are narrower than the units are
 * apart, all stay on line 0; where they are wider, every other one steps down.
 */
export function numberRows(centres: readonly number[], widths: readonly number[]): number[] {
  const lines: Array<Array<[number, number]>> = [];
  const placed = new Array<number>(centres.length);
  const order = centres.map((_, i) => i).sort((a, b) => centres[a] - centres[b] || a - b);
  for (const i of order) {
    const left = centres[i] - widths[i] / 2;
    const right = centres[i] + widths[i] / 2;
    let line = lines.findIndex((taken) => taken.every(([from, to]) => right + NUMBER_GAP <= from || left >= to + NUMBER_GAP));
    if (line < 0) {
      line = lines.length;
      lines.push([]);
    }
    lines[line].push([left, right]);
    placed[i] = line;
  }
  return placed;
}

export interface Spot {
  x: number;
  y: number;
}

export interface ValueRow {
  layer: number;
  units: number;
  style: 'circles' | 'grid';
  /** Unit centres (circles) or cell centres (grid). */
  spots: Spot[];
  top: number;
  bottom: number;
  /** Circle radius, or half a grid cell. */
  radius: number;
  /** A grid's cell size (0 for circles). */
  cell: number;
  /** Room for each unit's number under it (circles wide apart only). */
  numbered: boolean;
}

export interface ValueProjection {
  /** The projection's index in the model (a chain's W^j is projection j). */
  projection: number;
  /** W^j: from layer j to j + 1 in a chain; in a graph, any two layers. */
  from: number;
  to: number;
  /**
   * Rows the projection passes between its ends (0 for neighbouring rows): a skip's lines curve out past
   * the layers between rather than across them, to the left through `bendX`, or — a line from a unit right
   * of the diagram's middle — to the right, through its own `bendX`, so that it does not cross the lines its
   * unit sends to the rows between (the 2-1-1 XOR's right input unit).
   */
  skip: number;
  bendX: number;
  /** Unit by unit (both ends circles), or a few faint lines between grids' edges. */
  unitByUnit: boolean;
  /** Each line's curve's control x (a skip's; for a neighbouring row's straight line, unused). */
  lines: Array<{ x1: number; y1: number; x2: number; y2: number; from: number; to: number; bendX: number }>;
}

export interface ValueLayout {
  width: number;
  height: number;
  rows: ValueRow[];
  projections: ValueProjection[];
  /** Where the layers' names start. */
  labelX: number;
  /** The lines of numbers a numbered row has room for, under it: 1 or 2. */
  numberLines: number;
  /** The lines the targets above a row have room for: as many as the widest needs to keep apart. */
  targetLines: number;
}

/**
 * `targetWidth`: the widest target label's width (numberWidth), 0 when none is shown. `graph`: a graph's
 * projections, the order its rows stack in from the bottom (a topological order) and its output layers,
 * each with room above it for its targets; by default the chain of the layers in order, the top row the
 * output. `rows[g]` is layer g's row either way.
 */
export function valueLayout(
  sizes: readonly number[], maxWidth: number, labelWidth: number, targetWidth = 0,
  graph?: { projections: readonly { from: number; to: number }[]; order: readonly number[]; outputs?: readonly number[] },
): ValueLayout {
  const order = graph?.order ?? sizes.map((_, j) => j);
  const rank: number[] = [];
  order.forEach((g, i) => (rank[g] = i));
  const links = graph?.projections ?? sizes.slice(1).map((_, j) => ({ from: j, to: j + 1 }));
  const skips = links.map((p) => Math.max(0, rank[p.to] - rank[p.from] - 1));
  // Room on the left for the skips' curves: everything else moves right by it.
  const bendRoom = Math.max(0, ...skips) > 0 ? SKIP_BEND * (1 + Math.max(...skips)) : 0;
  const available = Math.max(160, maxWidth - 2 * VALUE_PAD - labelWidth - bendRoom);
  const circleCounts = sizes.filter((n) => n <= CIRCLE_LIMIT);
  const widest = Math.max(2, ...circleCounts);
  const gap = clamp(available / widest, 20, 140);
  const radius = Math.min(24, gap * 0.34);
  // Numbers side by side need the widest one's room; on two lines, taking turns, half of it.
  const numbered = 2 * gap >= WIDEST_NUMBER + NUMBER_GAP;
  const numberLines = gap >= WIDEST_NUMBER + NUMBER_GAP ? 1 : 2;
  const hasGrid = sizes.some((n) => n > CIRCLE_LIMIT);
  const unitsWidth = hasGrid ? available : Math.min(available, widest * gap);
  // Numbered rows keep room under them for their lines of numbers and the connections' ends below those.
  const rowGap = numbered ? 64 + numberBand(numberLines) : 60;

  const shapes = sizes.map((units) => {
    if (units <= CIRCLE_LIMIT) return { units, style: 'circles' as const, height: 2 * radius, cell: 0, cols: units };
    const cols = Math.min(units, Math.max(8, Math.floor(unitsWidth / 10)));
    const rowsOfCells = Math.ceil(units / cols);
    const cell = clamp(Math.min(unitsWidth / cols, 160 / rowsOfCells), 3, 14);
    return { units, style: 'grid' as const, height: rowsOfCells * cell, cell, cols };
  });
  const numberRoom = numbered ? numberBand(numberLines) : 0;
  // Targets a gap apart take turns on as many lines as the widest spans gaps (numberRows places them).
  const topLayer = order[order.length - 1];
  const outputs = graph?.outputs ?? [topLayer];
  const targetLines = outputs.some((g) => sizes[g] > 1 && sizes[g] <= CIRCLE_LIMIT) && targetWidth > 0 ? Math.max(1, Math.ceil((targetWidth + NUMBER_GAP) / gap)) : 1;
  // An output layer below the top row has its targets' room above it too, between it and the next row up.
  const lowerOutputs = outputs.filter((g) => g !== topLayer && sizes[g] !== undefined);
  const height = targetRoom(targetLines) * (1 + lowerOutputs.length) + shapes.reduce((sum, s) => sum + s.height, 0) + rowGap * (sizes.length - 1) + VALUE_PAD + numberRoom;
  // Rows are stacked from the bottom (input) up; y grows downward.
  let bottom = height - VALUE_PAD - numberRoom;
  const rows: ValueRow[] = [];
  for (const layer of order) {
    const shape = shapes[layer];
    const top = bottom - shape.height;
    const centreY = (top + bottom) / 2;
    let spots: Spot[];
    if (shape.style === 'circles') {
      spots = centredUnits(shape.units, gap, VALUE_PAD + bendRoom, unitsWidth).map((x) => ({ x, y: centreY }));
    } else {
      const left = VALUE_PAD + bendRoom + (unitsWidth - shape.cols * shape.cell) / 2;
      spots = Array.from({ length: shape.units }, (_, i) => ({
        x: left + (i % shape.cols) * shape.cell + shape.cell / 2,
        y: top + Math.floor(i / shape.cols) * shape.cell + shape.cell / 2,
      }));
    }
    const row: ValueRow = {
      layer, units: shape.units, style: shape.style, spots, top, bottom,
      radius: shape.style === 'circles' ? radius : shape.cell / 2, cell: shape.cell, numbered: numbered && shape.style === 'circles',
    };
    bottom = top - rowGap - (lowerOutputs.includes(layer) ? targetRoom(targetLines) : 0);
    rows[layer] = row;
  }
  const xs = rows.flatMap((row) => row.spots.map((spot) => spot.x));
  const left = Math.min(...xs);
  const right = Math.max(...xs);
  const projections = links.map((p, q) => connect(rows[p.from], rows[p.to], q, skips[q], left, right));
  // Curves bowed out to the right push the labels over by as much as the left ones take.
  const bendsRight = projections.some((p) => p.skip > 0 && p.lines.some((line) => line.bendX > right));
  const labelX = VALUE_PAD + bendRoom + unitsWidth + 16 + (bendsRight ? bendRoom : 0);
  return { width: labelX + labelWidth, height, rows, projections, labelX, numberLines, targetLines };
}

/** Where lines leave a row: every unit of a circle row, a few points along a grid's edge. */
function ends(row: ValueRow, edge: 'top' | 'bottom'): Spot[] {
  if (row.style === 'circles') return row.spots;
  const xs = row.spots.map((s) => s.x);
  const y = edge === 'top' ? row.top : row.bottom;
  return edgeAnchors(Math.min(...xs), Math.max(...xs)).map((x) => ({ x, y }));
}

function connect(below: ValueRow, above: ValueRow, projection: number, skip: number, left: number, right: number): ValueProjection {
  const starts = ends(below, 'top');
  const stops = ends(above, 'bottom');
  // A skip bows out past every row, the further the more rows it passes: a quadratic curve's outermost
  // point lies about halfway from its ends to its control point. Left of them, or right from a unit of a
  // row of circles right of the middle.
  const bendX = left - 2 * SKIP_BEND * skip;
  const bendRight = right + 2 * SKIP_BEND * skip;
  const middle = (left + right) / 2;
  const side = (x: number) => (skip > 0 && below.style === 'circles' && x > middle + 0.5 ? bendRight : bendX);
  const lines = stops.flatMap((stop, to) => starts.map((start, f) => ({ x1: start.x, y1: start.y, x2: stop.x, y2: stop.y, from: f, to, bendX: side(start.x) })));
  return { projection, from: below.layer, to: above.layer, skip, bendX, unitByUnit: below.style === 'circles' && above.style === 'circles', lines };
}
