/**
 * Provenance inside a figure: a PNG's tEXt chunk (keyword and Latin-1 text; the JSON escapes everything
 * beyond ASCII, so any reader gets the same characters) placed right after IHDR, and an SVG's <metadata>
 * element, the first child of the root <svg>.
 */

export const FIGURE_PROVENANCE_KEY = 'backprop-lab-provenance';

/** JSON with every character beyond ASCII as a \u escape: the same value, in bytes any text chunk holds. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The PNG specification's CRC-32 (ISO 3309), over a chunk's type and data. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** `png` with a tEXt chunk `keyword`: `text` after its IHDR chunk. Both must be printable ASCII. */
export function pngWithText(png: Uint8Array, keyword: string, text: string): Uint8Array {
  if (!PNG_SIGNATURE.every((byte, i) => png[i] === byte)) throw new Error('not a PNG image');
  if (!/^[\x20-\x7e]{1,79}$/.test(keyword) || /[^\x20-\x7e\n]/.test(text)) throw new Error('a tEXt chunk here holds printable ASCII only');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const ihdrEnd = 8 + 12 + view.getUint32(8, false);
  const body = new Uint8Array(4 + keyword.length + 1 + text.length);
  body.set([0x74, 0x45, 0x58, 0x74]); // tEXt
  for (let i = 0; i < keyword.length; i++) body[4 + i] = keyword.charCodeAt(i);
  for (let i = 0; i < text.length; i++) body[4 + keyword.length + 1 + i] = text.charCodeAt(i);
  const chunk = new Uint8Array(4 + body.length + 4);
  const chunkView = new DataView(chunk.buffer);
  chunkView.setUint32(0, body.length - 4, false);
  chunk.set(body, 4);
  chunkView.setUint32(4 + body.length, crc32(body), false);
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, ihdrEnd));
  out.set(chunk, ihdrEnd);
  out.set(png.subarray(ihdrEnd), ihdrEnd + chunk.length);
  return out;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `svg` with `<metadata id="key">text</metadata>` as the root element's first child. */
export function svgWithMetadata(svg: string, key: string, text: string): string {
  const root = /<svg\b[^>]*>/.exec(svg);
  if (!root) throw new Error('not an SVG image');
  const at = root.index + root[0].length;
  return `${svg.slice(0, at)}<metadata id="${key}">${escapeXml(text)}</metadata>${svg.slice(at)}`;
}
