/**
 * The app:// protocol that serves the built renderer. A page on its own secure origin, rather than on
 * file://, cannot read other local files, has an origin navigation checks can compare, and gets its
 * Content-Security-Policy as a real response header.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CustomScheme, Protocol } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'backprop-lab';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Registered before the app is ready: a standard, secure scheme behaves like https for the page. */
export const appScheme: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/**
 * The file under `rendererDir` that an app:// URL names, or null when the URL is for another host or
 * would leave that folder (`..`, encoded or not).
 */
export function rendererFileFor(url: string, rendererDir: string): string | null {
  let pathname: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const root = resolve(rendererDir);
  const file = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  const inside = relative(root, file);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? null : file;
}

/**
 * Serves the renderer's files on app://, each response carrying the Content-Security-Policy.
 * `fetchFile` is Electron's net.fetch, which reads file: URLs and sets the content type by extension.
 */
export function serveRenderer(
  protocol: Pick<Protocol, 'handle'>,
  fetchFile: (fileUrl: string) => Promise<Response>,
  rendererDir: string,
  policy: string,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFileFor(request.url, rendererDir);
    if (file === null) return new Response('Not found', { status: 404 });
    const response = await fetchFile(pathToFileURL(file).href);
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', policy);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  });
}
