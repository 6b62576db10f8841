/**
 * How many decimals an output needs beside its verdict. A pattern is correct when every output is within
 * the margin of its target (|t − o| ≤ margin, src-shared/engine/losses.ts), so an output rounded onto or
 * past an edge of that band contradicts the ✓ or ✗ beside it: 0.8999 and 0.9003 both read 0.900 against
 * target 1 ± 0.1, one wrong and one right. More decimals are shown only where the rounding would mislead.
 */

/** The band an output is judged against; null for a don't-care target, which nothing is judged on. */
export type Verdict = { target: number; margin: number } | null;

/** Past this the decimal expansion shows a double's every difference that matters on screen. */
const MOST_DECIMALS = 17;

/**
 * The fewest decimals, at least `decimals`, with which `value` rounds to the same side of each edge of
 * target ± margin as it is, and onto an edge only when it is on it.
 */
export function verdictDecimals(value: number, verdict: Verdict, decimals: number): number {
  if (verdict === null || !Number.isFinite(value)) return decimals;
  const edges = [verdict.target - verdict.margin, verdict.target + verdict.margin];
  for (let d = decimals; d < MOST_DECIMALS; d++) {
    const shown = Number(value.toFixed(d));
    if (edges.every((edge) => Math.sign(shown - edge) === Math.sign(value - edge))) return d;
  }
  return MOST_DECIMALS;
}
