import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { appUrlCheck } from '../../../src-main/main/app-origin';
import { HELP_LINKS } from '../../../src-main/main/help-links';
import { denyPermissions, guardNavigation } from '../../../src-main/main/security';

class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  /** Emits like Electron: an event object with the target URL that a listener may cancel. */
  attempt(eventName: string, url: string): boolean {
    let prevented = false;
    this.emit(eventName, { url, preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

const opened: string[] = [];
function guarded(devServerUrl?: string) {
  const contents = new FakeWebContents();
  opened.length = 0;
  guardNavigation(contents as unknown as WebContents, appUrlCheck(devServerUrl), (url) => opened.push(url));
  return contents;
}

describe('navigation', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s away from the app is refused', (eventName) => {
    const contents = guarded();
    expect(contents.attempt(eventName, 'https://example.com/')).toBe(true);
    expect(contents.attempt(eventName, 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt(eventName, 'app://elsewhere/index.html')).toBe(true);
    expect(contents.attempt(eventName, 'not a url')).toBe(true);
  });

  it('within the app is allowed', () => {
    const contents = guarded();
    expect(contents.attempt('will-navigate', 'app://backprop-lab/index.html#/train')).toBe(false);
  });

  it('to the dev server is allowed only when the app runs from it', () => {
    expect(guarded().attempt('will-navigate', 'http://localhost:5173/')).toBe(true);
    expect(guarded('http://localhost:5173').attempt('will-navigate', 'http://localhost:5173/')).toBe(false);
    expect(guarded('http://localhost:5173').attempt('will-navigate', 'http://localhost:5174/')).toBe(true);
  });

  it('never opens new windows or webviews', () => {
    const contents = guarded();
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://backprop-lab/index.html' })).toEqual({ action: 'deny' });
    expect(contents.attempt('will-attach-webview', 'app://backprop-lab/index.html')).toBe(true);
  });
});

describe('links to help pages', () => {
  it('open where help opens, whether followed or opened as a new window; others nowhere', () => {
    const contents = guarded();
    expect(contents.attempt('will-navigate', HELP_LINKS['user-guide'])).toBe(true);
    expect(contents.openHandler?.({ url: HELP_LINKS['how-to-cite'] })).toEqual({ action: 'deny' });
    expect(contents.attempt('will-navigate', HELP_LINKS['report-a-problem'])).toBe(true);
    contents.attempt('will-navigate', 'https://example.com/');
    contents.openHandler?.({ url: 'https://example.com/' });
    expect(opened).toEqual([HELP_LINKS['user-guide'], HELP_LINKS['how-to-cite'], HELP_LINKS['report-a-problem']]);
  });

  it('never replace the app in its own window, though the app’s help pages are app:// addresses', () => {
    const contents = guarded();
    expect(HELP_LINKS['user-guide']).toMatch(/^app:\/\/backprop-lab\//);
    expect(contents.attempt('will-navigate', HELP_LINKS['user-guide']), 'prevented').toBe(true);
    expect(contents.attempt('will-navigate', 'app://backprop-lab/index.html'), 'the app itself').toBe(false);
  });
});

describe('permissions', () => {
  it('are all refused, whether requested or checked', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let check: ((...args: unknown[]) => boolean) | null = null;
    const session = {
      setPermissionRequestHandler: (handler: typeof request) => (request = handler),
      setPermissionCheckHandler: (handler: typeof check) => (check = handler),
    };
    denyPermissions(session as unknown as Session);

    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      let granted: boolean | null = null;
      request!({}, permission, (answer) => (granted = answer));
      expect(granted, permission).toBe(false);
      expect(check!({}, permission, 'app://backprop-lab', {}), permission).toBe(false);
    }
  });
});
