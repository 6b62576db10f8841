/**
 * The protocol-buffer wire format, as much of it as an ONNX model needs: varints (wire type 0), 32-bit
 * floats (5) and length-delimited fields (2: strings, bytes, nested messages). A message is built as a
 * list of fields and encoded once; repeated fields are written one by one (never packed), which every
 * proto2 and proto3 parser reads.
 */

export class ProtoMessage {
  private readonly parts: Uint8Array[] = [];

  /** An integer field (int32, int64 or enum); non-negative, below 2^53. */
  int(field: number, value: number): this {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`protobuf field ${field}: ${value} is not a non-negative integer`);
    this.parts.push(varint(key(field, 0)), varint(value));
    return this;
  }

  float(field: number, value: number): this {
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    this.parts.push(varint(key(field, 5)), bytes);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  bytes(field: number, value: Uint8Array): this {
    this.parts.push(varint(key(field, 2)), varint(value.length), value);
    return this;
  }

  message(field: number, value: ProtoMessage): this {
    return this.bytes(field, value.encode());
  }

  encode(): Uint8Array {
    const out = new Uint8Array(this.parts.reduce((n, part) => n + part.length, 0));
    let offset = 0;
    for (const part of this.parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }
}

const key = (field: number, wireType: number) => field * 8 + wireType;

/** Base-128, least significant group first; plain arithmetic, since values pass 2^32. */
export function varint(value: number): Uint8Array {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Uint8Array.from(bytes);
}
