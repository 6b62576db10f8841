/**
 * Whether the page the preload runs in is the app's index page, the only page that gets its verbs and the
 * trainer's port (main checks every request's sender the same way: appPageCheck in main/app-origin.ts).
 * The preload is bundled alone and may not import main's modules, so the scheme and host are repeated
 * here; a test holds them equal to main's.
 */
export const APP_PAGE_SCHEME = 'app';
export const APP_PAGE_HOST = 'backprop-lab';

/** The parts of the page's location this looks at. */
export interface PageLocation {
  protocol: string;
  host: string;
  hostname: string;
  pathname: string;
  search: string;
}

/** index.html on app://, or in development the dev server's root or index.html on this machine. */
export function isAppIndexPage(location: PageLocation): boolean {
  if (location.search !== '') return false;
  if (location.protocol === `${APP_PAGE_SCHEME}:`) return location.host === APP_PAGE_HOST && location.pathname === '/index.html';
  // electron-vite's dev server; main refuses navigation to any other http page.
  const local = location.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname);
  return local && (location.pathname === '/' || location.pathname === '/index.html');
}
