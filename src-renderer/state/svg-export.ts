/**
 * Figures for papers: a Hinton diagram or the network diagram as a standalone SVG file. Colours are
 * written inline and resolved for print (black on white, no CSS variables, no stylesheet), every weight of
 * the matrix is drawn however large it is, and the text is the same as on screen.
 */
import type { LayerSpec, ProjectionSpec } from '../../src-shared/model/schema';
import { hintonSquares, scaleNote, unitLabel, type ProjectionWeights } from './hinton';
import { networkLayout } from './network-layout';

const FONT = 'Helvetica, Arial, sans-serif';
const INK = '#000000';
const PAPER = '#ffffff';
const GRID = '#9a9a9a';

/**
 * What XML 1.0 cannot hold even escaped (its Char production): C0 controls but tab, line feed and carriage
 * return; lone surrogates; U+FFFE and U+FFFF. A name may hold them (the model file allows any string), and
 * one left in makes a figure no reader opens.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text for an XML element or attribute: markup escaped, characters XML cannot hold left out. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '')
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** Numbers short enough for a file that may hold a million squares, exact enough for any print size. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function document(width: number, height: number, title: string, body: string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="${FONT}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="0" y="0" width="${n(width)}" height="${n(height)}" fill="${PAPER}"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/** Roughly how wide a label is at `size` px: enough to keep labels from overlapping the squares. */
function textWidth(text: string, size: number): number {
  return text.length * size * 0.58;
}

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
  return document(width, height, title, body);
}

const UNIT_FILL: Record<LayerSpec['kind'], string> = { input: '#ffffff', hidden: '#e2e2e2', output: '#b8b8b8' };

/** The network diagram as drawn on screen (the same layout), in greys for print; a graph's skip projections curved. */
export function networkSvg(
  layers: readonly LayerSpec[],
  { maxWidth, details, title, projections }: { maxWidth: number; details: readonly string[]; title: string; projections?: readonly ProjectionSpec[] },
): string {
  const { width, height, radius, rows, lines } = networkLayout(layers, { maxWidth, details, projections });
  const body: string[] = [];
  for (const line of lines) {
    const stroke = `stroke="#707070" stroke-width="${line.faint ? 0.8 : 1.2}"`;
    const { via } = line;
    body.push(
      via
        ? `<path d="M${n(line.x1)} ${n(line.y1)} C${n(via.c1x)} ${n(via.c1y)} ${n(via.c2x)} ${n(via.c2y)} ${n(line.x2)} ${n(line.y2)}" fill="none" ${stroke}/>`
        : `<line x1="${n(line.x1)}" y1="${n(line.y1)}" x2="${n(line.x2)}" y2="${n(line.y2)}" ${stroke}/>`,
    );
  }
  rows.forEach((row, j) => {
    const fill = UNIT_FILL[row.layer.kind];
    if (row.block) {
      body.push(
        `<rect class="block" x="${n(row.block.x)}" y="${n(row.y - radius)}" width="${n(row.block.width)}" height="${n(2 * radius)}" rx="${n(radius)}" fill="${fill}" stroke="${INK}" stroke-width="1.5"/>`,
        `<text x="${n(row.block.x + row.block.width / 2)}" y="${n(row.y + 4.5)}" text-anchor="middle" font-size="13" font-weight="bold" fill="${INK}">${row.layer.units} units</text>`,
      );
    } else {
      for (const x of row.xs) body.push(`<circle class="unit" cx="${n(x)}" cy="${n(row.y)}" r="${n(radius)}" fill="${fill}" stroke="${INK}" stroke-width="1.5"/>`);
    }
    if (row.labelAbove) {
      body.push(
        `<text x="${n(row.labelX)}" y="${n(row.y - radius - 6)}" text-anchor="middle" font-size="17" font-weight="bold" fill="${INK}" stroke="#ffffff" stroke-width="5" paint-order="stroke">${escapeXml(row.layer.name)}</text>`,
      );
      return;
    }
    body.push(
      `<text x="${n(row.labelX)}" y="${n(row.y - 5)}" font-size="17" font-weight="bold" fill="${INK}">${escapeXml(row.layer.name)}</text>`,
      `<text x="${n(row.labelX)}" y="${n(row.y + 17)}" font-size="14" fill="#333333">${escapeXml(details[j] ?? '')}</text>`,
    );
  });
  return document(width, height, title, body);
}

/** A file name from a title: letters, digits and dashes, never a path. */
export function figureFileName(title: string, suffix: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .toLowerCase();
  return `${stem || 'figure'}${suffix}.svg`;
}
