/**
 * The renderer's Content-Security-Policy, sent as a response header on top of the meta tag in
 * index.html (a page obeys both). Scripts come only from the app's own files: no inline scripts, no eval.
 */
import type { WebRequest } from 'electron';
import type { AppUrlCheck } from './app-origin';

/**
 * `devServerUrl` (electron-vite dev only) adds the dev server's websocket, over which Vite reloads modules.
 * Inline styles stay allowed: Svelte templates and uPlot write style attributes; styles cannot run code.
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const connect = ["'self'"];
  if (devServerUrl) {
    const server = new URL(devServerUrl);
    connect.push(`ws://${server.host}`, `${server.protocol}//${server.host}`);
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "worker-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Adds the policy to every response from the app's own origins (the dev server's, and app:// where the
 * session reports it), replacing any policy the server sent.
 */
export function applyContentSecurityPolicy(webRequest: Pick<WebRequest, 'onHeadersReceived'>, policy: string, isAppUrl: AppUrlCheck): void {
  webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url)) {
      callback({});
      return;
    }
    const responseHeaders = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...responseHeaders, 'Content-Security-Policy': [policy] } });
  });
}
