/**
 * Which URLs are the app itself: the app:// origin, and in development the electron-vite dev server.
 * Compared by scheme and host, because a custom scheme's WHATWG origin is the opaque "null".
 */
import { APP_HOST, APP_SCHEME } from './app-protocol';

export type AppUrlCheck = (url: string) => boolean;

export function appUrlCheck(devServerUrl?: string): AppUrlCheck {
  const allowed = [`${APP_SCHEME}://${APP_HOST}`];
  if (devServerUrl) allowed.push(schemeAndHost(devServerUrl) ?? '');
  return (url) => {
    const candidate = schemeAndHost(url);
    return candidate !== null && allowed.includes(candidate);
  };
}

function schemeAndHost(url: string): string | null {
  try {
    const { protocol, host } = new URL(url);
    return host === '' ? null : `${protocol}//${host}`;
  } catch {
    return null;
  }
}

/**
 * Which URLs are the app's index page itself, the only page that may ask main for anything: index.html on
 * app://, or the dev server's root or index.html. Another page on the app's origin (a help page) may be
 * shown, but asks nothing. A fragment is allowed (it does not change the page); a query is not.
 */
export function appPageCheck(devServerUrl?: string): AppUrlCheck {
  const pages = [`${APP_SCHEME}://${APP_HOST}/index.html`];
  const dev = devServerUrl ? schemeAndHost(devServerUrl) : null;
  if (dev !== null) pages.push(`${dev}/`, `${dev}/index.html`);
  return (url) => {
    try {
      const { protocol, host, pathname, search } = new URL(url);
      return search === '' && pages.includes(`${protocol}//${host}${pathname}`);
    } catch {
      return false;
    }
  };
}
