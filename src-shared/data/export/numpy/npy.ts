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

/** `descr` is numpy's dtype string: '<f8' (float64), '<i8' (int64), '|b1' (bool), '<U7' (unicode, 7 code points). */
export function npyHeader(shape: readonly number[], descr = '<f8'): string {
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${npyShape(shape)}, }`;
  const padded = Math.ceil((PREAMBLE + dict.length + 1) / ALIGNMENT) * ALIGNMENT;
  return dict.padEnd(padded - PREAMBLE - 1, ' ') + '\n';
}

export function npyBytes({ shape, data }: Pick<NamedArray, 'shape' | 'data'>): Uint8Array {
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== data.length) throw new Error(`an array of shape ${npyShape(shape)} needs ${count} values, not ${data.length}`);
  return npyFile(shape, '<f8', 8 * count, (view, start) => {
    for (let i = 0; i < count; i++) view.setFloat64(start + 8 * i, data[i], true);
  });
}

/** The preamble and header for `descr`, then `dataLength` bytes that `writeData` fills from offset `start`. */
export function npyFile(shape: readonly number[], descr: string, dataLength: number, writeData: (view: DataView, start: number) => void): Uint8Array {
  const header = npyHeader(shape, descr);
  const bytes = new Uint8Array(PREAMBLE + header.length + dataLength);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  bytes[6] = 1;
  bytes[7] = 0;
  view.setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) bytes[PREAMBLE + i] = header.charCodeAt(i);
  writeData(view, PREAMBLE + header.length);
  return bytes;
}
