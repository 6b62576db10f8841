/**
 * One array as a NumPy .npy file, format version 1.0 (numpy.lib.format): the magic `\x93NUMPY`, the version,
 * a little-endian uint16 header length, a Python-literal dict header padded with spaces to a multiple of 64
 * bytes and ended by a newline (what numpy ≥ 1.x writes, so the data is aligned for memory mapping), then the
 * values: little-endian float64, C (row-major) order.
 */
import type { NamedArray } from '../model-arrays';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const ALIGNMENT = 64;
const PREAMBLE = MAGIC.length + 2 + 2; // magic, version 1.0, header length

/** numpy writes a 1-tuple with its trailing comma: `(3,)`. */
export function npyShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

export function npyHeader(shape: readonly number[]): string {
  const dict = `{'descr': '<f8', 'fortran_order': False, 'shape': ${npyShape(shape)}, }`;
  const padded = Math.ceil((PREAMBLE + dict.length + 1) / ALIGNMENT) * ALIGNMENT;
  return dict.padEnd(padded - PREAMBLE - 1, ' ') + '\n';
}

export function npyBytes({ shape, data }: Pick<NamedArray, 'shape' | 'data'>): Uint8Array {
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== data.length) throw new Error(`an array of shape ${npyShape(shape)} needs ${count} values, not ${data.length}`);
  const header = npyHeader(shape);
  const bytes = new Uint8Array(PREAMBLE + header.length + 8 * count);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  bytes[6] = 1;
  bytes[7] = 0;
  view.setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) bytes[PREAMBLE + i] = header.charCodeAt(i);
  const start = PREAMBLE + header.length;
  for (let i = 0; i < count; i++) view.setFloat64(start + 8 * i, data[i], true);
  return bytes;
}
