import { describe, expect, it } from 'vitest';
import { helpWindowOptions, mainWindowOptions, secureWebPreferences } from '../../../src-main/main/window-options';

describe('the main window', () => {
  it('isolates the page: sandboxed, context-isolated, no Node, web security on', () => {
    const preferences = secureWebPreferences('/app/out/preload/index.cjs');
    expect(preferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('uses those preferences and waits to be shown until the page is ready', () => {
    const options = mainWindowOptions('/p.cjs');
    expect(options.webPreferences).toEqual(secureWebPreferences('/p.cjs'));
    expect(options.show).toBe(false);
  });
});

describe('the help window', () => {
  it('is isolated like the main window but has no preload, so its pages get no verbs', () => {
    const { webPreferences, show } = helpWindowOptions();
    expect(webPreferences).not.toHaveProperty('preload');
    const { preload: _preload, ...withoutPreload } = secureWebPreferences('/p.cjs');
    expect(webPreferences).toEqual(withoutPreload);
    expect(webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(show).toBe(false);
  });
});
