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
