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
