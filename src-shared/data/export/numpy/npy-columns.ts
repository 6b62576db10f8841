/**
 * One-dimensional .npy columns of the dtypes a table of runs needs besides float64: int64 (indices, seeds,
 * status codes), bool, and numpy's fixed-width unicode ('<Un': n UTF-32LE code points per item, zero-padded),
 * which numpy.load reads with no pickle, unlike an object array of Python strings.
 */
import { npyFile } from './npy';

export function npyInt64Bytes(values: readonly number[]): Uint8Array {
  for (const [i, value] of values.entries()) {
    if (!Number.isSafeInteger(value)) throw new Error(`an int64 column needs whole numbers: item ${i} is ${value}`);
  }
  return npyFile([values.length], '<i8', 8 * values.length, (view, start) => {
    values.forEach((value, i) => view.setBigInt64(start + 8 * i, BigInt(value), true));
  });
}

export function npyBoolBytes(values: readonly boolean[]): Uint8Array {
  return npyFile([values.length], '|b1', values.length, (view, start) => {
    values.forEach((value, i) => view.setUint8(start + i, value ? 1 : 0));
  });
}

export function npyUnicodeBytes(values: readonly string[]): Uint8Array {
  const codePoints = values.map((value) => Array.from(value, (c) => c.codePointAt(0)!));
  // numpy has no zero-width unicode dtype it writes for non-empty arrays: an array of empty strings is '<U1'.
  const width = Math.max(1, ...codePoints.map((points) => points.length));
  return npyFile([values.length], `<U${width}`, 4 * width * values.length, (view, start) => {
    codePoints.forEach((points, i) => points.forEach((point, k) => view.setUint32(start + 4 * (width * i + k), point, true)));
  });
}
