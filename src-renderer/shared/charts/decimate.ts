/**
 * Min/max decimation: a curve of a million epochs drawn on a chart a thousand pixels wide needs, per pixel
 * column, only the lowest and the highest value in it: the line then looks exactly as the full curve would
 * (every spike and dip stays), at a cost that depends on the width, not on the length of the run.
 */

export interface Decimated {
  x: Float64Array;
  y: Float64Array;
}

/**
 * The points of (x, y) — x ascending — to draw in `width` pixel columns over `range` (all of x when
 * absent). Keeps one point either side of the range so the line runs to the plot's edges; within it, the
 * first and last points and each column's minimum and maximum, in their order. At most 2 × width + 2
 * points; a series that short already comes back unchanged. NaN values are never chosen as extremes.
 */
export function decimate(x: ArrayLike<number>, y: ArrayLike<number>, width: number, range?: readonly [number, number]): Decimated {
  const columns = Math.max(1, Math.floor(width));
  let lo = 0;
  let hi = x.length - 1;
  if (range && x.length > 0) {
    lo = Math.max(0, firstAtLeast(x, range[0]) - 1);
    hi = Math.min(x.length - 1, firstAtLeast(x, range[1], true));
  }
  const count = hi - lo + 1;
  if (count <= 0) return { x: new Float64Array(0), y: new Float64Array(0) };
  if (count <= 2 * columns + 2) return { x: Float64Array.from(slice(x, lo, hi)), y: Float64Array.from(slice(y, lo, hi)) };

  const keep: number[] = [lo];
  const x0 = x[lo];
  const span = x[hi] - x0 || 1;
  let column = -1;
  let minAt = -1;
  let maxAt = -1;
  const flush = () => {
    if (minAt < 0) return;
    if (minAt === maxAt) keep.push(minAt);
    else keep.push(Math.min(minAt, maxAt), Math.max(minAt, maxAt));
  };
  for (let i = lo + 1; i < hi; i++) {
    const c = Math.min(columns - 1, Math.floor(((x[i] - x0) / span) * columns));
    if (c !== column) {
      flush();
      column = c;
      minAt = -1;
      maxAt = -1;
    }
    const v = y[i];
    if (Number.isNaN(v)) continue;
    if (minAt < 0 || v < y[minAt]) minAt = i;
    if (maxAt < 0 || v > y[maxAt]) maxAt = i;
  }
  flush();
  keep.push(hi);
  const out = { x: new Float64Array(keep.length), y: new Float64Array(keep.length) };
  keep.forEach((index, k) => {
    out.x[k] = x[index];
    out.y[k] = y[index];
  });
  return out;
}

/**
 * Several decimated series on one x axis, as uPlot's aligned data wants: the union of their x values, and
 * each series' y at those x, null where it has no point (drawn with spanGaps, the line joins across them).
 */
export function alignSeries(parts: readonly Decimated[]): [number[], ...Array<Array<number | null>>] {
  const all: number[] = [];
  for (const part of parts) for (let i = 0; i < part.x.length; i++) all.push(part.x[i]);
  all.sort((a, b) => a - b);
  const xs: number[] = [];
  for (const value of all) if (xs.length === 0 || xs[xs.length - 1] !== value) xs.push(value);
  const ys = parts.map((part) => {
    const column: Array<number | null> = new Array<number | null>(xs.length).fill(null);
    let k = 0;
    for (let i = 0; i < part.x.length; i++) {
      while (xs[k] !== part.x[i]) k++;
      column[k] = part.y[i];
    }
    return column;
  });
  return [xs, ...ys];
}

/** The first index whose x is ≥ value (with `after`: > value), by bisection; x.length when there is none. */
function firstAtLeast(x: ArrayLike<number>, value: number, after = false): number {
  let low = 0;
  let high = x.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (after ? x[mid] <= value : x[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function slice(values: ArrayLike<number>, from: number, to: number): number[] {
  const out: number[] = new Array<number>(to - from + 1);
  for (let i = from; i <= to; i++) out[i - from] = values[i];
  return out;
}
