/**
 * Readers for the exports written from the format specifications and node:zlib, sharing no code with the
 * writers (fflate, npy.ts): a zip's entries from its central directory, and a .npy file's array.
 */
import { crc32, inflateRawSync } from 'node:zlib';

/** Every entry of a zip archive, by name, checked against its CRC-32. */
export function readZip(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('no end-of-central-directory record');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`central directory entry ${i} has a bad signature`);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`${name}: bad local header`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = bytes.subarray(start, start + compressed);
    const data = method === 0 ? raw : method === 8 ? new Uint8Array(inflateRawSync(raw)) : null;
    if (!data) throw new Error(`${name}: compression method ${method}`);
    if (data.length !== size) throw new Error(`${name}: ${data.length} bytes, the directory says ${size}`);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
    entries.set(name, data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export interface ReadArray {
  shape: number[];
  data: Float64Array;
}

/** A .npy file of little-endian float64 in C order (the only kind the exports write), checked field by field. */
export function readNpy(bytes: Uint8Array): ReadArray & { header: string } {
  const magic = Array.from(bytes.subarray(0, 6));
  if (magic.join() !== [0x93, ...'NUMPY'].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0))).join()) throw new Error('not a .npy file');
  if (bytes[6] !== 1 || bytes[7] !== 0) throw new Error(`version ${bytes[6]}.${bytes[7]}`);
  const headerLength = bytes[8] | (bytes[9] << 8);
  const header = new TextDecoder('latin1').decode(bytes.subarray(10, 10 + headerLength));
  if ((10 + headerLength) % 64 !== 0) throw new Error('data not aligned to 64 bytes');
  if (!header.endsWith('\n')) throw new Error('header does not end with a newline');
  const match = /^\{'descr': '<f8', 'fortran_order': False, 'shape': \(([0-9, ]*)\), \} *\n$/.exec(header);
  if (!match) throw new Error(`unexpected header ${JSON.stringify(header)}`);
  const shape = match[1].split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const start = 10 + headerLength;
  if (bytes.length - start !== 8 * count) throw new Error(`${bytes.length - start} data bytes for ${count} values`);
  const view = new DataView(bytes.buffer, bytes.byteOffset + start, 8 * count);
  return { header, shape, data: Float64Array.from({ length: count }, (_, i) => view.getFloat64(8 * i, true)) };
}

/** A safetensors file's tensors (F64 only) and metadata, checked against the specification's layout rules. */
export function readSafetensors(bytes: Uint8Array): { tensors: Map<string, ReadArray>; metadata: Record<string, string>; headerLength: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Record<string, unknown>;
  const { __metadata__: metadata = {}, ...entries } = header as { __metadata__?: Record<string, string> } & Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }>;
  const start = 8 + headerLength;
  const tensors = new Map<string, ReadArray>();
  let end = 0;
  for (const [name, entry] of Object.entries(entries).sort(([, a], [, b]) => a.data_offsets[0] - b.data_offsets[0])) {
    const [begin, stop] = entry.data_offsets;
    if (entry.dtype !== 'F64') throw new Error(`${name}: dtype ${entry.dtype}`);
    if (begin !== end) throw new Error(`${name} starts at ${begin}, the previous tensor ends at ${end}`);
    const count = entry.shape.reduce((a, b) => a * b, 1);
    if (stop - begin !== 8 * count) throw new Error(`${name}: ${stop - begin} bytes for shape ${entry.shape.join('×')}`);
    tensors.set(name, { shape: entry.shape, data: Float64Array.from({ length: count }, (_, i) => view.getFloat64(start + begin + 8 * i, true)) });
    end = stop;
  }
  if (start + end !== bytes.length) throw new Error(`${bytes.length - start - end} bytes after the last tensor`);
  return { tensors, metadata, headerLength };
}

/** The top-level fields of a protobuf message: field number → each occurrence's varint or bytes. */
export function readProtoFields(bytes: Uint8Array): Map<number, (number | Uint8Array)[]> {
  const fields = new Map<number, (number | Uint8Array)[]>();
  let at = 0;
  const readVarint = () => {
    let value = 0;
    for (let scale = 1; ; scale *= 128) {
      const byte = bytes[at++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const key = readVarint();
    const [field, wire] = [Math.floor(key / 8), key % 8];
    let value: number | Uint8Array;
    if (wire === 0) value = readVarint();
    else if (wire === 2) {
      const length = readVarint();
      value = bytes.subarray(at, at + length);
      at += length;
    } else if (wire === 5) {
      value = new DataView(bytes.buffer, bytes.byteOffset + at, 4).getFloat32(0, true);
      at += 4;
    } else throw new Error(`wire type ${wire}`);
    fields.set(field, [...(fields.get(field) ?? []), value]);
  }
  return fields;
}

/** An ONNX ModelProto's metadata_props (field 14: key 1, value 2). */
export function readOnnxMetadata(bytes: Uint8Array): Record<string, string> {
  const text = (value: number | Uint8Array | undefined) => new TextDecoder().decode(value as Uint8Array);
  return Object.fromEntries((readProtoFields(bytes).get(14) ?? []).map((entry) => {
    const fields = readProtoFields(entry as Uint8Array);
    return [text(fields.get(1)?.[0]), text(fields.get(2)?.[0])];
  }));
}

/** A MAT-file level 5's variables (uncompressed, little-endian): doubles as row-major arrays, chars as text. */
export function readMat5(bytes: Uint8Array): Map<string, ReadArray | string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(bytes[126], bytes[127]) !== 'IM') throw new Error('not a little-endian MAT-file');
  if (view.getUint16(124, true) !== 0x0100) throw new Error('not version 0x0100');
  const variables = new Map<string, ReadArray | string>();
  const elements = (start: number, end: number) => {
    const found: { type: number; at: number; size: number }[] = [];
    for (let at = start; at < end; ) {
      const type = view.getUint32(at, true);
      const size = view.getUint32(at + 4, true);
      found.push({ type, at: at + 8, size });
      at += 8 + size + ((8 - (size % 8)) % 8);
    }
    return found;
  };
  for (const { type, at, size } of elements(128, bytes.length)) {
    if (type !== 14) throw new Error(`top-level element of type ${type}`);
    const [flags, dims, name, real] = elements(at, at + size);
    const classCode = view.getUint32(flags.at, true) & 0xff;
    const shape = Array.from({ length: dims.size / 4 }, (_, i) => view.getInt32(dims.at + 4 * i, true));
    const variable = new TextDecoder().decode(bytes.subarray(name.at, name.at + name.size));
    if (classCode === 4 && real.type === 4) {
      variables.set(variable, String.fromCharCode(...Array.from({ length: real.size / 2 }, (_, i) => view.getUint16(real.at + 2 * i, true))));
    } else if (classCode === 6 && real.type === 9) {
      const [rows, cols] = shape;
      const data = new Float64Array(rows * cols);
      for (let c = 0; c < cols; c++) for (let r = 0; r < rows; r++) data[r * cols + c] = view.getFloat64(real.at + 8 * (c * rows + r), true);
      variables.set(variable, { shape, data });
    } else throw new Error(`${variable}: class ${classCode}, data type ${real.type}`);
  }
  return variables;
}
