/** A Hinton diagram as a standalone SVG figure for papers (../shared/charts/svg-export.ts has the rest). */
import type { LayerSpec } from '../../src-shared/model/schema';
import { hintonSquares, scaleNote, unitLabel, type ProjectionWeights } from './hinton';
import { GRID, INK, PAPER, escapeXml, n, svgDocument, textWidth } from '../shared/charts/svg-export';

export interface HintonFigure {
  /** The figure's title, e.g. "input → hidden (W⁰)". */
  title: string;
  /** The receiving layer (rows) and the sending layer (columns). */
  receiving: LayerSpec;
  sending: LayerSpec;
  projection: ProjectionWeights;
  /** The |w| that fills a cell. */
  scale: number;
}

/**
 * One projection as a Hinton diagram: rows the receiving units, columns the sending units, the biases a
 * column set apart; filled squares positive, outlined negative, area ∝ |w|.
 */
export function hintonSvg({ title, receiving, sending, projection, scale }: HintonFigure): string {
  const rows = projection.weights.length;
  const columns = sending.units;
  const hasBias = projection.biases !== null;
  const largest = Math.max(rows, columns + 1);
  // Cells shrink for big matrices so the figure stays a printable size; labels go when they cannot fit.
  const cell = largest <= 64 ? 18 : Math.max(2, Math.floor(1200 / largest));
  const labelSize = 11;
  const showLabels = cell >= 10;
  const rowLabels = Array.from({ length: rows }, (_, i) => unitLabel(receiving, i));
  const columnLabels = Array.from({ length: columns }, (_, k) => unitLabel(sending, k));
  const rowLabelWidth = showLabels ? Math.max(...rowLabels.map((l) => textWidth(l, labelSize))) + 8 : 0;
  const columnLabelHeight = showLabels ? Math.max(textWidth('bias', labelSize), ...columnLabels.map((l) => textWidth(l, labelSize))) + 8 : 0;
  const margin = 16;
  const titleHeight = 22;
  const axisHeight = 18;
  const biasGap = hasBias ? Math.max(8, cell * 0.6) : 0;
  const left = margin + axisHeight + rowLabelWidth;
  const top = margin + titleHeight + axisHeight + columnLabelHeight;
  const matrixWidth = columns * cell;
  const biasX = left + matrixWidth + biasGap;
  const note = `${scaleNote(scale)} · filled positive, outlined negative · area ∝ |w|`;
  const width = Math.max(
    biasX + (hasBias ? cell : 0) + margin,
    left + textWidth(note, 12) + margin,
    margin + textWidth(title, 15) * 1.1 + margin,
    left + textWidth(`from ${sending.name} (sending units)`, 12) + margin,
  );
  const receivingTitle = `to ${receiving.name} (receiving units)`;
  // The receiving axis's title runs down from the matrix's top edge: room for it below a short matrix.
  const height = Math.max(top + rows * cell + 12 + 18 + margin, top + textWidth(receivingTitle, 12) + margin);

  const body: string[] = [
    `<text x="${margin}" y="${margin + 14}" font-size="15" font-weight="bold" fill="${INK}">${escapeXml(title)}</text>`,
    `<text x="${n(left)}" y="${n(margin + titleHeight + 12)}" font-size="12" fill="${INK}">from ${escapeXml(sending.name)} (sending units)</text>`,
    `<text transform="translate(${n(margin + 12)} ${n(top)}) rotate(-90)" text-anchor="end" font-size="12" fill="${INK}">${escapeXml(receivingTitle)}</text>`,
    `<rect x="${n(left)}" y="${n(top)}" width="${n(matrixWidth)}" height="${n(rows * cell)}" fill="none" stroke="${GRID}" stroke-width="0.5"/>`,
  ];
  if (hasBias) body.push(`<rect x="${n(biasX)}" y="${n(top)}" width="${n(cell)}" height="${n(rows * cell)}" fill="none" stroke="${GRID}" stroke-width="0.5"/>`);
  if (showLabels) {
    rowLabels.forEach((label, i) =>
      body.push(`<text x="${n(left - 5)}" y="${n(top + (i + 0.5) * cell + 4)}" text-anchor="end" font-size="${labelSize}" fill="${INK}">${escapeXml(label)}</text>`),
    );
    const columnLabel = (x: number, label: string) =>
      `<text transform="translate(${n(x + cell / 2 + 4)} ${n(top - 5)}) rotate(-90)" font-size="${labelSize}" fill="${INK}">${escapeXml(label)}</text>`;
    columnLabels.forEach((label, k) => body.push(columnLabel(left + k * cell, label)));
    if (hasBias) body.push(columnLabel(biasX, 'bias'));
  }
  // Leave a margin inside each cell so neighbouring full squares stay apart; an outline sits inside it.
  const inner = cell * 0.9;
  for (const square of hintonSquares(projection, scale)) {
    const side = square.side * inner;
    const cx = (square.column === 'bias' ? biasX : left + square.column * cell) + cell / 2;
    const cy = top + (square.row + 0.5) * cell;
    const at = `x="${n(cx - side / 2)}" y="${n(cy - side / 2)}" width="${n(side)}" height="${n(side)}"`;
    body.push(
      square.sign === 'negative'
        ? `<rect class="w negative" ${at} fill="${PAPER}" stroke="${INK}" stroke-width="1"/>`
        : `<rect class="w ${square.sign}" ${at} fill="${INK}"/>`,
    );
  }
  body.push(
    `<text x="${n(left)}" y="${n(top + rows * cell + 24)}" font-size="12" fill="${INK}">${escapeXml(note)}</text>`,
  );
  return svgDocument(width, height, title, body);
}
