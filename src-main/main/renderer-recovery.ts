/**
 * A page whose renderer process crashed (or was killed, or ran out of memory) is loaded again; on start
 * the page offers the document it autosaved. A page that crashes again and again is left alone after a
 * few tries rather than reloaded in a loop.
 */
import type { RenderProcessGoneDetails, WebContents } from 'electron';

export const MAX_RELOADS = 3;
export const RELOAD_WINDOW_MS = 60_000;

/** Whether to reload after a renderer died for `reason`, given the times of earlier reloads. */
export function shouldReload(reason: RenderProcessGoneDetails['reason'], reloadTimes: readonly number[], now: number): boolean {
  if (reason === 'clean-exit') return false;
  return reloadTimes.filter((time) => now - time < RELOAD_WINDOW_MS).length < MAX_RELOADS;
}

export function reloadAfterRendererCrash(
  contents: Pick<WebContents, 'on' | 'reload' | 'isDestroyed'>,
  now: () => number = Date.now,
  warn: (message: string) => void = console.warn,
): void {
  let reloads: number[] = [];
  contents.on('render-process-gone', (_event, details) => {
    const time = now();
    if (!shouldReload(details.reason, reloads, time)) {
      if (details.reason !== 'clean-exit') warn(`The window's page stopped (${details.reason}) too often to reload it again.`);
      return;
    }
    reloads = [...reloads.filter((t) => time - t < RELOAD_WINDOW_MS), time];
    warn(`The window's page stopped (${details.reason}, exit code ${details.exitCode}); reloading it.`);
    if (!contents.isDestroyed()) contents.reload();
  });
}
