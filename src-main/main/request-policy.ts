/**
 * Offline by construction: main cancels every request that is not for the app itself, whatever makes it
 * (the page, a stylesheet, Chromium's own helpers). Allowed: the app:// origin; the renderer bundle's own
 * files, which the app:// handler reads through net.fetch (its file: requests pass through here too);
 * data: and blob: URLs the page builds itself; DevTools; and, in development only, the Vite dev server
 * with its hot-reload websocket.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WebRequest } from 'electron';
import type { AppUrlCheck } from './app-origin';

export type RequestCheck = (url: string) => boolean;

export function requestPolicy(isAppUrl: AppUrlCheck, rendererDir: string, devServerUrl?: string): RequestCheck {
  const devSocket = devServerUrl ? `ws://${new URL(devServerUrl).host}` : null;
  return (url) => {
    if (isAppUrl(url)) return true;
    const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
    if (scheme === 'data:' || scheme === 'blob:' || scheme === 'devtools:') return true;
    if (scheme === 'file:') return isInside(url, rendererDir);
    return devSocket !== null && (url === devSocket || url.startsWith(`${devSocket}/`));
  };
}

export function cancelForeignRequests(webRequest: Pick<WebRequest, 'onBeforeRequest'>, isAllowed: RequestCheck, warn: (message: string) => void = console.warn): void {
  webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowed(details.url);
    if (!allowed) warn(`Cancelled a request that would leave the app: ${details.url}`);
    callback({ cancel: !allowed });
  });
}

function isInside(fileUrl: string, folder: string): boolean {
  let file: string;
  try {
    file = fileURLToPath(fileUrl);
  } catch {
    return false;
  }
  const inside = relative(resolve(folder), resolve(file));
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}
