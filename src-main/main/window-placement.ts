/**
 * Where a new window goes: where the last one was, if that is still on a screen (a laptop undocked from
 * its monitor must not open windows off-screen), a little offset from any window already there, else
 * centred at the default size.
 */
import type { Rectangle } from 'electron';
import type { WindowPlacement } from './preferences';

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 900, height: 600 };
/** How much of a window must lie on a screen for its remembered place to be used. */
const MIN_VISIBLE = { width: 200, height: 100 };
const CASCADE = 24;

export type InitialPlacement = { x?: number; y?: number; width: number; height: number; maximized: boolean };

export function initialPlacement(saved: WindowPlacement | null, workAreas: readonly Rectangle[], occupied: readonly { x: number; y: number }[]): InitialPlacement {
  const area = saved ? workAreas.find((a) => overlap(saved, a).width >= MIN_VISIBLE.width && overlap(saved, a).height >= MIN_VISIBLE.height) : undefined;
  if (!saved || !area) return { ...DEFAULT_SIZE, maximized: false };
  const width = Math.min(Math.max(saved.width, MIN_SIZE.width), area.width);
  const height = Math.min(Math.max(saved.height, MIN_SIZE.height), area.height);
  let x = saved.x;
  let y = saved.y;
  while (occupied.some((o) => o.x === x && o.y === y)) {
    x += CASCADE;
    y += CASCADE;
  }
  // Keep the whole window (its title bar above all) inside the screen it was on.
  x = Math.min(Math.max(x, area.x), area.x + area.width - width);
  y = Math.min(Math.max(y, area.y), area.y + area.height - height);
  return { x, y, width, height, maximized: saved.maximized };
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}
