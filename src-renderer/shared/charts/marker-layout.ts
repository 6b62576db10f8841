/**
 * Where the labels of the setting-change markers go, so that none writes over another: each label sits
 * beside its dashed line (to the right, or to the left when it would run out of the plot), in the highest
 * row where it touches no label already placed. Pure, in pixels; the chart canvas and the SVG export both
 * use it, each with its own text widths.
 */

export interface MarkerLabel {
  /** The marker line's position, px. */
  x: number;
  /** The label's text width, px. */
  width: number;
}

export interface PlacedLabel {
  /** The label's left edge, px. */
  left: number;
  /** 0 is the top row. */
  row: number;
}

/** The space between a line and its label, and the least space between two labels in one row. */
export const LABEL_PAD = 4;
export const LABEL_GAP = 8;

/**
 * Places each label (in the order given) within [bounds.left, bounds.right]: beside its line, in the first
 * row where it keeps LABEL_GAP from every label there. Labels are placed left to right by their line, so
 * markers close together step down the rows and a later row is used only when the ones above are taken.
 */
export function layoutMarkerLabels(labels: readonly MarkerLabel[], bounds: { left: number; right: number }): PlacedLabel[] {
  const rows: Array<Array<[number, number]>> = [];
  const placed: PlacedLabel[] = new Array<PlacedLabel>(labels.length);
  const order = labels.map((_, i) => i).sort((a, b) => labels[a].x - labels[b].x || a - b);
  for (const i of order) {
    const { x, width } = labels[i];
    let left = x + LABEL_PAD;
    if (left + width > bounds.right) left = x - LABEL_PAD - width;
    left = Math.max(bounds.left, Math.min(left, bounds.right - width));
    const right = left + width;
    let row = rows.findIndex((taken) => taken.every(([from, to]) => right + LABEL_GAP <= from || left >= to + LABEL_GAP));
    if (row < 0) {
      row = rows.length;
      rows.push([]);
    }
    rows[row].push([left, right]);
    placed[i] = { left, row };
  }
  return placed;
}

/**
 * Changes that took effect at one point of one run (λ and α changed during one pause) share a line: one
 * label, "λ → 0.4 · α → 0.8", rather than two lines drawn on top of each other.
 */
export function mergeMarkers<T extends { x: number; label: string; colour?: string }>(markers: readonly T[]): T[] {
  const merged: T[] = [];
  for (const marker of markers) {
    const same = merged.findIndex((other) => other.x === marker.x && other.colour === marker.colour);
    if (same < 0) merged.push({ ...marker });
    else merged[same] = { ...merged[same], label: `${merged[same].label} · ${marker.label}` };
  }
  return merged;
}
