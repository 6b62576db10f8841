/**
 * Arrays as a MATLAB level 5 MAT-file (MathWorks, "MAT-File Format", level 5), which MATLAB's load and
 * scipy.io.loadmat read: a 128-byte header (text, version 0x0100, the endian mark "IM" for little-endian),
 * then one uncompressed miMATRIX element per variable — array flags, dimensions, name, and the values,
 * each sub-element padded to 8 bytes. Doubles are written in MATLAB's column-major order; a vector is a
 * 1 × n row (as scipy.io.savemat writes them by default). Text (the provenance) is a 1 × n char array of
 * ASCII characters, stored as 16-bit units.
 */
import type { NamedArray } from '../model-arrays';

const miINT8 = 1;
const miUINT16 = 4;
const miINT32 = 5;
const miUINT32 = 6;
const miDOUBLE = 9;
const miMATRIX = 14;
const mxCHAR_CLASS = 4;
const mxDOUBLE_CLASS = 6;

/** MATLAB's limit on a variable name, and its rule: a letter, then letters, digits and underscores. */
const NAME = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;

class ByteWriter {
  private chunks: Uint8Array[] = [];
  length = 0;

  push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  /** A tagged data element, padded to a multiple of 8 bytes. */
  element(type: number, data: Uint8Array): void {
    const tag = new Uint8Array(8);
    const view = new DataView(tag.buffer);
    view.setUint32(0, type, true);
    view.setUint32(4, data.length, true);
    this.push(tag);
    this.push(data);
    const padding = (8 - (data.length % 8)) % 8;
    if (padding) this.push(new Uint8Array(padding));
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}

function header(description: string): Uint8Array {
  const bytes = new Uint8Array(128).fill(0x20);
  const text = description.slice(0, 116);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0x7f;
  bytes.fill(0, 116, 124); // no subsystem data
  const view = new DataView(bytes.buffer);
  view.setUint16(124, 0x0100, true);
  bytes[126] = 0x49; // 'I'
  bytes[127] = 0x4d; // 'M': read as "MI" by a big-endian reader, so it knows to swap
  return bytes;
}

function matrix(name: string, classCode: number, dims: number[], dataType: number, data: Uint8Array): Uint8Array {
  if (!NAME.test(name)) throw new Error(`${JSON.stringify(name)} is not a MATLAB variable name`);
  const inner = new ByteWriter();
  const flags = new Uint8Array(8);
  new DataView(flags.buffer).setUint32(0, classCode, true);
  inner.element(miUINT32, flags);
  const dimBytes = new Uint8Array(4 * dims.length);
  dims.forEach((d, i) => new DataView(dimBytes.buffer).setInt32(4 * i, d, true));
  inner.element(miINT32, dimBytes);
  inner.element(miINT8, Uint8Array.from(name, (c) => c.charCodeAt(0)));
  inner.element(dataType, data);
  const outer = new ByteWriter();
  outer.element(miMATRIX, inner.bytes());
  return outer.bytes();
}

function doubleMatrix({ name, shape, data }: NamedArray): Uint8Array {
  const dims = shape.length === 1 ? [1, shape[0]] : shape.length === 0 ? [1, 1] : shape;
  if (dims.length !== 2) throw new Error(`${name}: only vectors and matrices are written`);
  const [rows, cols] = dims;
  const values = new Uint8Array(8 * rows * cols);
  const view = new DataView(values.buffer);
  // Row-major in, column-major out.
  for (let c = 0; c < cols; c++) for (let r = 0; r < rows; r++) view.setFloat64(8 * (c * rows + r), data[r * cols + c], true);
  return matrix(name, mxDOUBLE_CLASS, dims, miDOUBLE, values);
}

/** ASCII only: MATLAB reads UTF-16 units here, scipy.io.loadmat decodes them with the system's codec; ASCII means the same to both. */
function charMatrix(name: string, text: string): Uint8Array {
  const wide = Array.from(text, (c) => c.charCodeAt(0)).findIndex((code) => code > 0x7f);
  if (wide !== -1) throw new Error(`${name}: character ${wide} is not ASCII (escape it, as JSON's \\u does)`);
  const units = new Uint8Array(2 * text.length);
  const view = new DataView(units.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(2 * i, text.charCodeAt(i), true);
  return matrix(name, mxCHAR_CLASS, [1, text.length], miUINT16, units);
}

/** `texts`: char variables (name → text) after the arrays. `description` goes in the header's text. */
export function mat5Bytes(arrays: readonly NamedArray[], texts: Record<string, string> = {}, description = 'MATLAB 5.0 MAT-file, written by Backprop Lab'): Uint8Array {
  const file = new ByteWriter();
  file.push(header(description));
  const names = new Set<string>();
  const checkName = (name: string) => {
    if (names.has(name)) throw new Error(`two variables are named ${name}`);
    names.add(name);
  };
  for (const array of arrays) {
    checkName(array.name);
    file.push(doubleMatrix(array));
  }
  for (const [name, text] of Object.entries(texts)) {
    checkName(name);
    file.push(charMatrix(name, text));
  }
  return file.bytes();
}
