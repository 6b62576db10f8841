import { describe, expect, it } from 'vitest';
import { verdictDecimals, type Verdict } from '../../../src-renderer/shared/verdict-digits';

/** The engine's test for one output (src-shared/engine/losses.ts): within the margin of its target. */
const within = (output: number, target: number, margin: number) => Math.abs(target - output) <= margin;

/** A small seeded generator, so a failure names the case that failed. */
function* outputsNear(boundary: number, count: number, seed: number): Generator<number> {
  let s = seed;
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    // Within ±0.001 of the boundary, on either side: where a rounded output can cross it.
    yield boundary + ((s / 2 ** 32) * 2 - 1) * 10 ** -(3 + (i % 4));
  }
}

describe('the digits an output needs beside its verdict', () => {
  const margin: Verdict = { target: 1, margin: 0.1 };

  it('tells 0.9003 (within 0.1 of 1) from 0.8999 (not), which three decimals both show as 0.900', () => {
    expect(verdictDecimals(0.9003, margin, 3)).toBe(4);
    expect(verdictDecimals(0.8999, margin, 3)).toBe(4);
    expect((0.9003).toFixed(verdictDecimals(0.9003, margin, 3))).toBe('0.9003');
    expect((0.8999).toFixed(verdictDecimals(0.8999, margin, 3))).toBe('0.8999');
  });

  it('keeps the usual decimals away from the margin’s edges', () => {
    expect(verdictDecimals(0.95, margin, 3)).toBe(3);
    expect(verdictDecimals(0.5, margin, 3)).toBe(3);
    expect(verdictDecimals(0.123, { target: 0, margin: 0.1 }, 2)).toBe(2);
    expect(verdictDecimals(0.7, null, 3)).toBe(3);
  });

  it('adds as many digits as the edge is close: 0.89996 is 0.9000 at four decimals', () => {
    expect(verdictDecimals(0.89996, margin, 3)).toBe(5);
    expect(verdictDecimals(0.8999999, margin, 3)).toBe(7);
    // Above the target's own edge too (a linear output past target + margin), and for target 0.
    expect(verdictDecimals(1.10004, margin, 3)).toBe(5);
    expect(verdictDecimals(0.10004, { target: 0, margin: 0.1 }, 2)).toBe(5);
  });

  it('shows an output exactly on the edge as it is (within: |t − o| ≤ margin)', () => {
    expect(verdictDecimals(0.9, margin, 3)).toBe(3);
    expect(verdictDecimals(0.5, { target: 0.5, margin: 0 }, 3)).toBe(3);
  });

  it('never shows an output on the other side of an edge from the engine’s verdict, nor on the edge unless it is', () => {
    for (const [target, m, decimals] of [[1, 0.1, 3], [0, 0.1, 3], [1, 0.1, 2], [0, 0.4, 2], [-1, 0.25, 3], [0.5, 0.05, 3]] as const) {
      for (const boundary of [target - m, target + m]) {
        for (const output of outputsNear(boundary, 400, 17 + decimals)) {
          const d = verdictDecimals(output, { target, margin: m }, decimals);
          expect(d).toBeGreaterThanOrEqual(decimals);
          const shown = Number(output.toFixed(d));
          const edge = Number(boundary.toFixed(d));
          expect(within(shown, target, m), `${output} shown as ${shown} beside target ${target} ± ${m}`).toBe(within(output, target, m));
          if (output !== boundary) expect(shown === edge, `${output} shown as the edge ${edge}`).toBe(false);
        }
      }
    }
  });

  it('tells an error e = t − o from the margin the same way', () => {
    expect(verdictDecimals(0.0997, { target: 0, margin: 0.1 }, 3)).toBe(4);
    expect(verdictDecimals(-0.1001, { target: 0, margin: 0.1 }, 3)).toBe(4);
  });
});
