/**
 * What every web page in the app is refused: leaving the app by navigation, opening windows, embedding
 * webviews, and any browser permission (camera, notifications, clipboard reading, ...). A link to one of
 * the help pages (help-links.ts) opens in the help window, or for the problem report in the system
 * browser; any other link goes nowhere.
 */
import type { Session, WebContents } from 'electron';
import type { AppUrlCheck } from './app-origin';
import { isHelpLink } from './help-links';

export function guardNavigation(contents: WebContents, isAppUrl: AppUrlCheck, openHelpLink: (url: string) => void = () => undefined): void {
  const stayInApp = (event: { url: string; preventDefault(): void }) => {
    // A help page opens where help belongs (the help window, or the browser), never in place of the app,
    // even though the app's own help pages are app:// addresses too.
    if (isHelpLink(event.url)) {
      event.preventDefault();
      openHelpLink(event.url);
      return;
    }
    if (isAppUrl(event.url)) return;
    event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isHelpLink(url)) openHelpLink(url);
    return { action: 'deny' };
  });
}

export function denyPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
