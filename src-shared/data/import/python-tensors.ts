/**
 * Tensors from the files Python writes, for loading weights back: safetensors (F64 or F32, as PyTorch
 * saves them) and NumPy .npz archives of .npy arrays (little-endian float64 or float32, C or Fortran
 * order). Anything else is refused with the file, the tensor and what was found.
 */
import { unzipSync } from 'fflate';

export interface Tensor {
  shape: number[];
  /** Row-major (C order) values. */
  data: Float64Array;
}

/** A file the weight import cannot read; says which file and, where there is one, which tensor. */
export class TensorFileError extends Error {
  override readonly name = 'TensorFileError';
}

const BYTES: Record<string, number> = { F64: 8, F32: 4 };

export function readSafetensors(bytes: Uint8Array, file: string): Map<string, Tensor> {
  const fail = (reason: string) => new TensorFileError(`${file}: ${reason}`);
  if (bytes.length < 8) throw fail('too short for a safetensors file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  if (8 + headerLength > bytes.length) throw fail(`its header says ${headerLength} bytes, the file has ${bytes.length - 8} after the length`);
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLength))) as Record<string, unknown>;
  } catch (error) {
    throw fail(`its header is not JSON (${(error as Error).message})`);
  }
  const start = 8 + headerLength;
  const tensors = new Map<string, Tensor>();
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const { dtype, shape, data_offsets: offsets } = (entry ?? {}) as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    if (typeof dtype !== 'string' || !(dtype in BYTES)) throw fail(`tensor ${name} has dtype ${String(dtype)}; only F64 and F32 can be loaded`);
    if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) throw fail(`tensor ${name} has no valid shape`);
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((d) => Number.isSafeInteger(d) && d >= 0)) throw fail(`tensor ${name} has no valid data_offsets`);
    const count = (shape as number[]).reduce((a, b) => a * b, 1);
    const [begin, end] = offsets as number[];
    const size = BYTES[dtype];
    if (end - begin !== size * count || start + end > bytes.length) throw fail(`tensor ${name}: data_offsets [${begin}, ${end}] do not hold ${count} ${dtype} values inside the file`);
    const data = new Float64Array(count);
    for (let i = 0; i < count; i++) data[i] = size === 8 ? view.getFloat64(start + begin + 8 * i, true) : view.getFloat32(start + begin + 4 * i, true);
    tensors.set(name, { shape: shape as number[], data });
  }
  return tensors;
}

export function readNpz(bytes: Uint8Array, file: string): Map<string, Tensor> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw new TensorFileError(`${file}: not a zip archive (.npz) (${(error as Error).message})`);
  }
  const tensors = new Map<string, Tensor>();
  for (const [entry, content] of Object.entries(entries)) {
    if (!entry.endsWith('.npy')) continue;
    const name = entry.slice(0, -'.npy'.length);
    tensors.set(name, readNpy(content, `${file}, array ${name}`));
  }
  return tensors;
}

const NPY_DTYPES: Record<string, number> = { '<f8': 8, '<f4': 4 };

/** One .npy file (versions 1 to 3). `where` names it in errors. */
export function readNpy(bytes: Uint8Array, where: string): Tensor {
  const fail = (reason: string) => new TensorFileError(`${where}: ${reason}`);
  const magic = String.fromCharCode(...bytes.subarray(0, 6));
  if (magic !== '\x93NUMPY') throw fail('not a .npy array');
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [headerLength, headerStart] = major === 1 ? [view.getUint16(8, true), 10] : [view.getUint32(8, true), 12];
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(headerStart, headerStart + headerLength));
  const descr = /'descr':\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1] === 'True';
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || shapeText === undefined) throw fail(`unreadable header ${JSON.stringify(header.trim())}`);
  const size = NPY_DTYPES[descr === '|f8' ? '<f8' : descr];
  if (!size) throw fail(`dtype ${descr}; only little-endian float64 and float32 can be loaded`);
  const shape = shapeText.split(',').map((d) => d.trim()).filter((d) => d !== '').map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const start = headerStart + headerLength;
  if (bytes.length - start < size * count) throw fail(`${bytes.length - start} bytes of data for shape (${shape.join(', ')})`);
  const read = (i: number) => (size === 8 ? view.getFloat64(start + 8 * i, true) : view.getFloat32(start + 4 * i, true));
  const data = new Float64Array(count);
  if (!fortran || shape.length < 2) for (let i = 0; i < count; i++) data[i] = read(i);
  else {
    // Fortran order: the first index varies fastest. Only matrices are loaded, so two dimensions suffice.
    if (shape.length !== 2) throw fail('a Fortran-order array of more than two dimensions');
    const [rows, cols] = shape;
    for (let c = 0; c < cols; c++) for (let r = 0; r < rows; r++) data[r * cols + c] = read(c * rows + r);
  }
  return { shape, data };
}
