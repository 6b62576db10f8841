/**
 * A window whose renderer process crashed is loaded again by main (renderer-recovery.ts) and offers the
 * document it autosaved (issue 6). Playwright gives up on a page whose renderer crashed, so after the crash
 * the test reads and clicks the reloaded page through main's webContents.executeJavaScript.
 */
import { expect, test, type ElectronApplication } from '@playwright/test';
import { windowTitle } from '../../src-main/main/document-title';
import { freshUserData, launchApp, openExample, quitApp, setSetting, skipWithoutElectron } from './electron-app';
import { recoveryDrafts } from '../support/recovery-drafts';

skipWithoutElectron('renderer crash');

let app: ElectronApplication | undefined;
test.afterEach(async () => {
  await quitApp(app);
  app = undefined;
});

/**
 * Runs `script` in the window's page (its main world) from main; resolves with its value, or with null
 * while the page cannot answer (still loading: executeJavaScript waits for the load, so not longer than 2 s).
 */
function inWindow<T>(app: ElectronApplication, script: string): Promise<T | null> {
  return app
    .evaluate(
      ({ BrowserWindow }, script) =>
        Promise.race([
          BrowserWindow.getAllWindows()[0]!.webContents.executeJavaScript(script) as Promise<unknown>,
          new Promise<null>((resolve) => setTimeout(() => resolve(null), 2_000)),
        ]),
      script,
    )
    .then((value) => value as T | null, () => null);
}

/** The value of the setting field labelled `label`, in the window's page. */
const settingValue = (label: string) =>
  `(() => { const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === ${JSON.stringify(label)});
     const field = label && document.getElementById(label.htmlFor); return field ? field.value : null; })()`;

test('a crashed window is reloaded and offers the autosaved document back', async () => {
  app = await launchApp(freshUserData());
  const page = await app.firstWindow();
  await openExample(page, 'XOR');
  await setSetting(page, 'Learning rate λ', '0,25');
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();
  // The draft is kept within a few seconds of the change.
  await expect.poll(() => recoveryDrafts(page), { timeout: 10_000 }).toBe(1);

  const crashed = page.waitForEvent('crash');
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer());
  await crashed;

  // The same window, its page loaded again in a new renderer, offering the draft.
  await expect.poll(() => inWindow<string>(app!, `document.querySelector('[data-testid="recovery"]')?.textContent ?? ''`), { timeout: 30_000 }).toContain('XOR');
  const window = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((window) => ({ url: window.webContents.getURL(), crashed: window.webContents.isCrashed() })),
  );
  expect(window).toEqual([{ url: 'app://backprop-lab/index.html', crashed: false }]);
  expect(await inWindow<string>(app, `document.querySelector('[data-testid="recovery"] h2')?.textContent.trim() ?? ''`)).toBe('Unsaved work was found');

  // Recovering brings the unsaved change back, still unsaved.
  const clicked = await inWindow<boolean>(
    app,
    `(() => { const button = [...document.querySelectorAll('[data-testid="recovery"] button')].find((b) => b.textContent.trim() === 'Recover');
       button?.click(); return button !== undefined; })()`,
  );
  expect(clicked).toBe(true);
  await expect.poll(() => inWindow<string>(app!, settingValue('Learning rate λ'))).toBe('0.25');
  await expect.poll(() => inWindow<boolean>(app!, `document.querySelector('[data-testid="unsaved-marker"]') !== null`)).toBe(true);
  await expect.poll(() => inWindow<string>(app!, `document.querySelector('[data-testid="status"]')?.textContent.trim() ?? ''`)).toBe('Ready');
  // Main knows the window holds unsaved changes again: the title's marker (macOS: the close button's dot).
  await expect.poll(() => app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getTitle())).toBe(windowTitle(null, true, process.platform, 'XOR'));
  if (process.platform === 'darwin') expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isDocumentEdited())).toBe(true);
});
