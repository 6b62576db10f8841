/**
 * Where the network diagram puts each layer and unit: the PDP way, input at the bottom, each layer a row of
 * units, a layer too wide to draw unit by unit drawn as a block. Shared by the on-screen diagram and its SVG
 * export, so the exported figure is the one on screen.
 */
import type { LayerSpec } from '../../src-shared/model/schema';

/** Layers up to this wide are drawn unit by unit; wider ones as a block. */
export const MAX_DRAWN = 8;
/** Points along a block's edge where its projections' lines meet it. */
const BLOCK_ANCHORS = 6;
export const PAD = 16;
/** Room above the top row and below the bottom one for a label's two lines. */
const LABEL_PAD = 26;

export interface LayoutRow {
  y: number;
  /** Unit centres, or for a block the anchors its lines meet. */
  xs: number[];
  block: { x: number; width: number } | null;
  layer: LayerSpec;
}

export interface NetworkLayout {
  width: number;
  height: number;
  radius: number;
  unitsWidth: number;
  /** Where the layer labels start (right of the units). */
  labelX: number;
  rows: LayoutRow[];
}

export interface LayoutOptions {
  maxWidth: number;
  /** Each layer's second label line ("2 units, logistic"); given, the layers are labelled. */
  details?: readonly string[] | null;
  compact?: boolean;
}

export function networkLayout(layers: readonly LayerSpec[], { maxWidth, details = null, compact = false }: LayoutOptions): NetworkLayout {
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
  const rows = layers.map((layer, index): LayoutRow => {
    const y = height - padY - index * rowGap;
    if (layer.units > MAX_DRAWN) {
      const x = PAD + unitGap * 0.15;
      const blockWidth = unitsWidth - unitGap * 0.3;
      const xs = Array.from({ length: BLOCK_ANCHORS }, (_, i) => x + ((i + 0.5) * blockWidth) / BLOCK_ANCHORS);
      return { y, xs, block: { x, width: blockWidth }, layer };
    }
    const start = PAD + (unitsWidth - layer.units * unitGap) / 2 + unitGap / 2;
    return { y, xs: Array.from({ length: layer.units }, (_, i) => start + i * unitGap), block: null, layer };
  });
  return { width, height, radius, unitsWidth, labelX: PAD + unitsWidth + 12, rows };
}
