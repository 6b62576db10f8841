/** How numbers read on screen: few digits, aligned, the same everywhere. */

/** tss and pss: four significant digits, so a criterion like 0.04 is visibly crossed. */
export function formatError(value: number): string {
  return value.toPrecision(4);
}

/** Activations and targets: integers as they are, the rest to `decimals` places; a don't-care target is *. */
export function formatActivity(value: number | null, decimals = 3): string {
  if (value === null) return '*';
  return Number.isInteger(value) ? String(value) : value.toFixed(decimals);
}
