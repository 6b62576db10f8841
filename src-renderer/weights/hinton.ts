/**
 * The maths of a Hinton diagram: each weight a square whose AREA is proportional to |w| (so its side is
 * √(|w| / scale) of a cell), its sign shown by fill — filled positive, outlined negative — so the figure
 * reads in greyscale print too. A projection W_p carries its `from` layer to its `to` layer (a chain's W^j
 * layer j to layer j+1): rows are the receiving units, columns the sending units, and the receiving layer's
 * biases a column set apart — beside the first projection into that layer, when several feed it.
 */
import { chainProjections, networkGraph } from '../../src-shared/model/graph';
import type { LayerSpec, ProjectionSpec } from '../../src-shared/model/schema';

export type ScaleMode = 'shared' | 'per-projection';
export type WeightSign = 'positive' | 'negative' | 'zero';

/** One projection's numbers: W_p (out × in) and its receiving layer's b, or null where that layer has no bias (or it is shown with another projection). */
export interface ProjectionWeights {
  weights: readonly (readonly number[])[];
  biases: readonly number[] | null;
}

export interface HintonSquare {
  row: number;
  /** The sending unit's index, or 'bias' for the bias column. */
  column: number | 'bias';
  value: number;
  /** The square's side as a fraction of its cell, in [0, 1]. */
  side: number;
  sign: WeightSign;
}

export function weightSign(value: number): WeightSign {
  return value > 0 ? 'positive' : value < 0 ? 'negative' : 'zero';
}

/**
 * Side of a weight's square as a fraction of the cell: area ∝ |w|, the largest |w| on the scale filling
 * the cell. A weight beyond the scale (never, for a scale taken from the weights) is capped at the cell.
 */
export function squareSide(value: number, scale: number): number {
  if (!(scale > 0)) return 0;
  return Math.min(1, Math.sqrt(Math.abs(value) / scale));
}

/** The largest |w| of a projection, its biases included (0 for an empty one). */
export function largestMagnitude({ weights, biases }: ProjectionWeights): number {
  let largest = 0;
  for (const row of weights) for (const w of row) largest = Math.max(largest, Math.abs(w));
  for (const b of biases ?? []) largest = Math.max(largest, Math.abs(b));
  return largest;
}

/**
 * The |w| that fills a cell, per projection: each its own largest, or one shared largest so that squares
 * compare across projections.
 */
export function projectionScales(projections: readonly ProjectionWeights[], mode: ScaleMode): number[] {
  const own = projections.map(largestMagnitude);
  if (mode === 'per-projection') return own;
  const shared = Math.max(0, ...own);
  return own.map(() => shared);
}

/** Every square of a projection: row by row, each row's sending units then its bias. */
export function hintonSquares(projection: ProjectionWeights, scale: number): HintonSquare[] {
  const squares: HintonSquare[] = [];
  projection.weights.forEach((row, i) => {
    row.forEach((value, column) => squares.push({ row: i, column, value, side: squareSide(value, scale), sign: weightSign(value) }));
    const bias = projection.biases?.[i];
    if (bias !== undefined) squares.push({ row: i, column: 'bias', value: bias, side: squareSide(bias, scale), sign: weightSign(bias) });
  });
  return squares;
}

/** The scale note's number: three significant digits ("2.31"), small and large ones in exponent form. */
export function formatMagnitude(value: number): string {
  if (value === 0) return '0';
  if (value >= 1e4 || value < 1e-3) return value.toExponential(2);
  return value.toPrecision(3);
}

/** "largest square = |w| 2.31": what the full cell stands for. */
export function scaleNote(scale: number): string {
  return `largest square = |w| ${formatMagnitude(scale)}`;
}

/** A unit's name as the axes show it: the layer's name for it, else its number counted from 1. */
export function unitLabel(layer: LayerSpec, unit: number): string {
  const name = layer.unitNames?.[unit]?.trim();
  return name ? name : String(unit + 1);
}

/**
 * The projections of a layer list with these weights (per projection, in `projections`' order, as the
 * model's state holds them) and biases (per non-input layer, in layer order): each receiving layer's biases
 * beside the first projection into it, where that layer has them.
 */
export function projectionsOf(
  layers: readonly LayerSpec[],
  weights: readonly (readonly (readonly number[])[])[],
  biases: readonly (readonly number[])[],
  projections: readonly ProjectionSpec[] = chainProjections(layers.length),
): ProjectionWeights[] {
  const { biased } = networkGraph({ layers: [...layers], projections: [...projections] });
  return weights.map((matrix, q) => {
    const to = projections[q]?.to;
    const first = projections.findIndex((p) => p.to === to) === q;
    return { weights: matrix, biases: to !== undefined && first && layers[to]?.bias ? (biases[biased.indexOf(to)] ?? null) : null };
  });
}

/** Whether weights have the shapes these projections need (a stale view after an architecture edit has not). */
export function weightsFitLayers(
  layers: readonly LayerSpec[],
  weights: readonly (readonly (readonly number[])[])[],
  projections: readonly ProjectionSpec[] = chainProjections(layers.length),
): boolean {
  if (weights.length !== projections.length) return false;
  return weights.every((matrix, q) => {
    const { from, to } = projections[q];
    if (!layers[from] || !layers[to]) return false;
    return matrix.length === layers[to].units && matrix.every((row) => row.length === layers[from].units);
  });
}

export interface DownsampledProjection {
  rows: number;
  columns: number;
  /** How many units of the projection each drawn square stands for, down and across. */
  blockRows: number;
  blockColumns: number;
  /** The signed weight of largest |w| in each block, row-major. */
  values: Float64Array;
}

/**
 * A projection too big to draw square by square, cut into blocks of at most `maxCells` down and across:
 * each block shows its weight of largest |w| (with its sign), so a strong weight is never averaged away.
 */
export function downsample(weights: readonly (readonly number[])[], maxCells: number): DownsampledProjection {
  const height = weights.length;
  const width = weights[0]?.length ?? 0;
  const blockRows = Math.max(1, Math.ceil(height / maxCells));
  const blockColumns = Math.max(1, Math.ceil(width / maxCells));
  const rows = Math.ceil(height / blockRows);
  const columns = Math.ceil(width / blockColumns);
  const values = new Float64Array(rows * columns);
  for (let i = 0; i < height; i++) {
    const row = weights[i];
    const base = Math.floor(i / blockRows) * columns;
    for (let k = 0; k < width; k++) {
      const at = base + Math.floor(k / blockColumns);
      if (Math.abs(row[k]) > Math.abs(values[at])) values[at] = row[k];
    }
  }
  return { rows, columns, blockRows, blockColumns, values };
}
