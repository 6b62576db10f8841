/**
 * How the Test tab writes numbers: a fixed number of decimals, so a column of outputs or pss lines up
 * and two can be compared digit by digit; a don't-care target is `*`.
 */
export const OUTPUT_DECIMALS = 3;
export const ERROR_DECIMALS = 4;

/** Outputs and activations, always with the same decimals. */
export function fixed(value: number, decimals = OUTPUT_DECIMALS): string {
  // −0.000 reads as a sign that is not there.
  const text = value.toFixed(decimals);
  return /^-0\.0*$/.test(text) ? text.slice(1) : text;
}

/** Inputs and targets: as given (whole numbers stay whole), `*` for a don't-care. */
export function given(value: number | null): string {
  if (value === null) return '*';
  return Number.isInteger(value) ? String(value) : fixed(value);
}

/** Unit labels: the layer's unit names, else "out 1", "out 2", … as the pattern grid heads them. */
export function unitLabels(unitNames: readonly string[] | undefined, count: number, stem: string): string[] {
  return Array.from({ length: count }, (_, k) => unitNames?.[k] || `${stem} ${k + 1}`);
}

/** One input or output layer's block of a pattern's values: its name and units. */
export interface LayerBlock {
  name: string;
  units: number;
}

/**
 * Values cut into the layers' blocks, each with its layer's name and where it starts. With fewer than two
 * blocks (a chain), or blocks that do not add up to the values, one block without a name.
 */
export function splitBlocks<T>(values: readonly T[], blocks: readonly LayerBlock[]): Array<{ name: string; offset: number; values: T[] }> {
  const total = blocks.reduce((sum, b) => sum + b.units, 0);
  if (blocks.length < 2 || total !== values.length) return [{ name: '', offset: 0, values: [...values] }];
  let offset = 0;
  return blocks.map((block) => {
    const part = { name: block.name, offset, values: values.slice(offset, offset + block.units) };
    offset += block.units;
    return part;
  });
}
