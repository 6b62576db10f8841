/**
 * Where the step-through diagram puts each unit: the PDP way, input at the bottom, each layer a row.
 * Layers of up to CIRCLE_LIMIT units are rows of circles; larger ones a compact grid of cells. Sizes
 * follow the width available, within limits that keep a projector's back row able to read them.
 */

/** Layers up to this wide are drawn unit by unit as circles; wider ones as a grid of cells. */
export const CIRCLE_LIMIT = 32;
const PAD = 20;
/** Room above the top row for the targets. */
const TOP_ROOM = 44;
/** Points along a grid's edge where the projections' lines meet it. */
const GRID_ANCHORS = 6;

export interface Spot {
  x: number;
  y: number;
}

export interface LayerRow {
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

export interface Projection {
  /** W^j: from layer j to j + 1. */
  from: number;
  /** Unit by unit (both ends circles), or a few faint lines between grids' edges. */
  unitByUnit: boolean;
  lines: Array<{ x1: number; y1: number; x2: number; y2: number; from: number; to: number }>;
}

export interface DiagramLayout {
  width: number;
  height: number;
  rows: LayerRow[];
  projections: Projection[];
  /** Where the layers' names start. */
  labelX: number;
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

export function layoutDiagram(sizes: readonly number[], maxWidth: number, labelWidth: number): DiagramLayout {
  const available = Math.max(160, maxWidth - 2 * PAD - labelWidth);
  const circleCounts = sizes.filter((n) => n <= CIRCLE_LIMIT);
  const widest = Math.max(2, ...circleCounts);
  const gap = clamp(available / widest, 20, 140);
  const radius = Math.min(24, gap * 0.34);
  const numbered = gap >= 56;
  const hasGrid = sizes.some((n) => n > CIRCLE_LIMIT);
  const unitsWidth = hasGrid ? available : Math.min(available, widest * gap);
  const rowGap = numbered ? 96 : 60;

  // Build from the bottom (input) up, then flip so y grows downward.
  const shapes = sizes.map((units) => {
    if (units <= CIRCLE_LIMIT) return { units, style: 'circles' as const, height: 2 * radius, cell: 0, cols: units };
    const cols = Math.min(units, Math.max(8, Math.floor(unitsWidth / 10)));
    const rowsOfCells = Math.ceil(units / cols);
    const cell = clamp(Math.min(unitsWidth / cols, 160 / rowsOfCells), 3, 14);
    return { units, style: 'grid' as const, height: rowsOfCells * cell, cell, cols };
  });
  const height = TOP_ROOM + shapes.reduce((sum, s) => sum + s.height, 0) + rowGap * (sizes.length - 1) + PAD + (numbered ? 20 : 0);
  let bottom = height - PAD - (numbered ? 20 : 0);
  const rows: LayerRow[] = shapes.map((shape, layer) => {
    const top = bottom - shape.height;
    const centreY = (top + bottom) / 2;
    let spots: Spot[];
    if (shape.style === 'circles') {
      const start = PAD + (unitsWidth - shape.units * gap) / 2 + gap / 2;
      spots = Array.from({ length: shape.units }, (_, i) => ({ x: start + i * gap, y: centreY }));
    } else {
      const left = PAD + (unitsWidth - shape.cols * shape.cell) / 2;
      spots = Array.from({ length: shape.units }, (_, i) => ({
        x: left + (i % shape.cols) * shape.cell + shape.cell / 2,
        y: top + Math.floor(i / shape.cols) * shape.cell + shape.cell / 2,
      }));
    }
    const row: LayerRow = {
      layer, units: shape.units, style: shape.style, spots, top, bottom,
      radius: shape.style === 'circles' ? radius : shape.cell / 2, cell: shape.cell, numbered: numbered && shape.style === 'circles',
    };
    bottom = top - rowGap;
    return row;
  });
  const projections = rows.slice(0, -1).map((below, j) => connect(below, rows[j + 1], j));
  return { width: PAD + unitsWidth + 16 + labelWidth, height, rows, projections, labelX: PAD + unitsWidth + 16 };
}

/** Where lines leave a row: every unit of a circle row, a few points along a grid's edge. */
function ends(row: LayerRow, edge: 'top' | 'bottom'): Spot[] {
  if (row.style === 'circles') return row.spots;
  const xs = row.spots.map((s) => s.x);
  const left = Math.min(...xs);
  const right = Math.max(...xs);
  const y = edge === 'top' ? row.top : row.bottom;
  return Array.from({ length: GRID_ANCHORS }, (_, i) => ({ x: left + ((i + 0.5) * (right - left)) / GRID_ANCHORS, y }));
}

function connect(below: LayerRow, above: LayerRow, from: number): Projection {
  const starts = ends(below, 'top');
  const stops = ends(above, 'bottom');
  const lines = stops.flatMap((stop, to) => starts.map((start, f) => ({ x1: start.x, y1: start.y, x2: stop.x, y2: stop.y, from: f, to })));
  return { from, unitByUnit: below.style === 'circles' && above.style === 'circles', lines };
}
