import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, initialPlacement } from '../../../src-main/main/window-placement';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('where a new window goes', () => {
  it('is the default size, centred, the first time', () => {
    expect(initialPlacement(null, [laptop], [])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('is where the last window was, maximized if it was', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 800, maximized: true };
    expect(initialPlacement(saved, [laptop, monitor], [])).toEqual(saved);
  });

  it('is back on a screen when the one it was on is gone', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 800, maximized: false };
    expect(initialPlacement(saved, [laptop], [])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('fits a window larger than its screen, and pulls a half-visible one fully onto it', () => {
    expect(initialPlacement({ x: -300, y: 500, width: 3000, height: 800, maximized: false }, [laptop], [])).toEqual({ x: 0, y: 75, width: 1440, height: 800, maximized: false });
  });

  it('steps aside from a window already in that place', () => {
    const saved = { x: 100, y: 50, width: 1000, height: 700, maximized: false };
    expect(initialPlacement(saved, [laptop], [{ x: 100, y: 50 }, { x: 124, y: 74 }])).toMatchObject({ x: 148, y: 98 });
  });
});
