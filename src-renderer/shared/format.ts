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

/**
 * Which epoch a pattern just presented belongs to: "epoch N" on every screen means N epochs completed, so
 * the pattern belongs to epoch N + 1 — still under way, unless it was that epoch's last pattern.
 */
export function epochOfPattern(completedBefore: number, lastOfEpoch: boolean): string {
  if (lastOfEpoch) return `epoch ${completedBefore + 1}, which it completed`;
  return `epoch ${completedBefore + 1}, under way (${completedBefore} completed)`;
}
