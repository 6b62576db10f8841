/**
 * Figures for papers as standalone SVG files (a Hinton diagram: weights/hinton-svg.ts; the network:
 * network/network-svg.ts), what they share. Colours are
 * written inline and resolved for print (black on white, no CSS variables, no stylesheet), every weight of
 * the matrix is drawn however large it is, and the text is the same as on screen.
 */

export const FONT = 'Helvetica, Arial, sans-serif';
export const INK = '#000000';
export const PAPER = '#ffffff';
export const GRID = '#9a9a9a';

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
export function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function svgDocument(width: number, height: number, title: string, body: string[]): string {
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
export function textWidth(text: string, size: number): number {
  return text.length * size * 0.58;
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
