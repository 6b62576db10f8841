/** The copy-back curve of a recurrent network's diagram: from the copied layer's last unit to its context's, bulging right. */
import { describe, expect, it } from 'vitest';
import { copyPaths } from '../../../src-renderer/network/copy-links';

describe('copy-back curves', () => {
  it('join the rightmost units of the copied and the context layer, right of both, with the label at the bulge', () => {
    const rows: Record<number, { x: number; y: number }[]> = {
      1: [{ x: 100, y: 50 }, { x: 140, y: 50 }],
      2: [{ x: 120, y: 150 }, { x: 160, y: 150 }],
    };
    const [path] = copyPaths([{ from: 1, to: 2 }], (g) => rows[g] ?? null, 10);
    // From (150, 50) to (170, 150); the control points at 160 + 10 + 18 = 188.
    expect(path).toEqual({ from: 1, to: 2, d: 'M150 50 C188 50 188 150 170 150', labelX: 0.25 * 170 + 0.75 * 188 + 4, labelY: 104 });
    expect(path.labelX).toBeGreaterThan(170);
  });

  it('draws nothing for a link whose layer is not drawn', () => {
    expect(copyPaths([{ from: 1, to: 5 }], (g) => (g === 1 ? [{ x: 0, y: 0 }] : null), 10)).toEqual([]);
  });
});
