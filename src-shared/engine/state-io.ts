/** Converting between the engine's flat Float64Arrays and the document's nested number arrays. */

export function toRows(values: Float64Array, rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) out.push(Array.from(values.subarray(r * cols, (r + 1) * cols)));
  return out;
}

export function fromRows(rows: readonly (readonly number[])[], into: Float64Array): void {
  let offset = 0;
  for (const row of rows) {
    into.set(row, offset);
    offset += row.length;
  }
}
