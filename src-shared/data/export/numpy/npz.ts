/**
 * Arrays as a NumPy .npz archive: a zip holding one `<name>.npy` per array (what numpy.savez_compressed
 * writes), plus any other files given (the provenance JSON), which numpy.load hands back as bytes.
 * fflate writes the zip; times are fixed so the same model gives the same bytes.
 */
import { zipSync, type Zippable } from 'fflate';
import type { NamedArray } from '../model-arrays';
import { npyBytes } from './npy';

/** The zip format's earliest time: no clock in the bytes. */
const FIXED_TIME = new Date(1980, 0, 1);

export function npzBytes(arrays: readonly NamedArray[], extraFiles: Record<string, Uint8Array> = {}): Uint8Array {
  const entries: Zippable = {};
  for (const array of arrays) {
    const name = `${array.name}.npy`;
    if (Object.hasOwn(entries, name)) throw new Error(`two arrays are named ${array.name}`);
    entries[name] = npyBytes(array);
  }
  for (const [name, bytes] of Object.entries(extraFiles)) entries[name] = bytes;
  return zipSync(entries, { level: 6, mtime: FIXED_TIME });
}
