/**
 * Tensors as a safetensors file (huggingface/safetensors): an 8-byte little-endian header length, a JSON
 * header giving each tensor's dtype, shape and data_offsets (into the data that follows) and a
 * `__metadata__` map of strings, padded with spaces to a multiple of 8 bytes, then every tensor's raw
 * little-endian row-major data, back to back in header order with no gaps (the reader checks both).
 */
import type { NamedArray } from '../model-arrays';

const ALIGNMENT = 8;

export function safetensorsBytes(tensors: readonly NamedArray[], metadata: Record<string, string> = {}): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const { name, shape, data } of tensors) {
    if (name === '__metadata__' || Object.hasOwn(header, name)) throw new Error(`a tensor cannot be named ${name} twice or __metadata__`);
    header[name] = { dtype: 'F64', shape, data_offsets: [offset, offset + 8 * data.length] };
    offset += 8 * data.length;
  }
  let json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(json.length / ALIGNMENT) * ALIGNMENT;
  if (padded !== json.length) {
    const spaced = new Uint8Array(padded).fill(0x20);
    spaced.set(json);
    json = spaced;
  }
  const bytes = new Uint8Array(8 + json.length + offset);
  const view = new DataView(bytes.buffer);
  view.setBigUint64(0, BigInt(json.length), true);
  bytes.set(json, 8);
  let at = 8 + json.length;
  for (const { data } of tensors) {
    for (let i = 0; i < data.length; i++, at += 8) view.setFloat64(at, data[i], true);
  }
  return bytes;
}
