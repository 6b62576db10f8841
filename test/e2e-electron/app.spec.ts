/**
 * The app as users get it: the built bundles in Electron, the trainer in a utility process, the page
 * talking to it over the port main handed out. Runs where the Electron binary exists; skips elsewhere.
 */
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { freshUserData, launchApp, quitApp, skipWithoutElectron } from './electron-app';

skipWithoutElectron('app');
// One app for all the tests, in this order: the last one provokes a policy violation on purpose.
test.describe.configure({ mode: 'serial' });

let app: ElectronApplication;
let page: Page;
const consoleErrors: string[] = [];
/** Offline by construction, as in every web e2e test (test/e2e/app.ts): requests that leave the app. */
const remoteRequests: string[] = [];

/** The app's own origin (a custom scheme's WHATWG origin is "null", so compared by prefix) or a local scheme. */
function staysInApp(url: string): boolean {
  return url.startsWith('app://backprop-lab/') || ['data:', 'blob:', 'about:', 'devtools:'].some((scheme) => url.startsWith(scheme));
}

test.beforeAll(async () => {
  app = await launchApp(freshUserData());
  // Every request of the app's pages and workers, recorded as it starts, whether or not main cancels it.
  app.context().on('request', (request) => {
    if (!staysInApp(request.url())) remoteRequests.push(request.url());
  });
  page = await app.firstWindow();
  page.on('console', (message) => {
    // Chromium's own favicon probe is not the app's doing.
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
});

test.afterAll(async () => {
  // Trained XOR is unsaved: the close prompt is answered Don't Save rather than left open.
  await quitApp(app);
  expect(remoteRequests, 'requests that left the app').toEqual([]);
});

test('the window shows the app from its own origin, with the preload’s verbs only', async () => {
  await expect(page).toHaveTitle(/Backprop Lab/);
  await expect(page).toHaveURL('app://backprop-lab/index.html');
  const exposed = await page.evaluate(() => {
    const api = (window as unknown as { backpropLab?: object }).backpropLab;
    return {
      verbs: api ? Object.keys(api).sort() : null,
      node: typeof (globalThis as { process?: unknown; require?: unknown }).require,
      popup: window.open('https://example.com/') === null,
    };
  });
  expect(exposed).toEqual({
    verbs: [
      'exportFile', 'importFile', 'onMenuCommand', 'openDocument', 'openHelp', 'openRecentDocument', 'platform', 'recentDocuments',
      'requestTrainerPort', 'saveDocument', 'saveDocumentAs', 'setDocumentEdited', 'takePendingDocument',
    ],
    node: 'undefined',
    popup: true,
  });
});

test('the application menu has the platform’s menus, and the title names the document', async () => {
  const labels = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label.replace(/&/g, '')) ?? []);
  expect(labels.slice(-5)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())).toMatch(/Backprop Lab/);
});

test('main refuses a malformed request with an error the page can show', async () => {
  const answer = await page.evaluate(() =>
    (window as unknown as { backpropLab: { exportFile(content: unknown, format: string, name: string): Promise<unknown> } }).backpropLab
      .exportFile(42, 'exe', '../../evil')
      .then(() => 'accepted', (error: Error) => error.message),
  );
  expect(answer).toMatch(/Refused a malformed "exportFile" request/);
});

test('XOR trains in the trainer process and the epoch advances', async () => {
  await page.getByRole('button', { name: 'XOR', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Ready');
  await expect(page.getByTestId('epoch')).toHaveText('0');
  // XOR opens in slow motion (about 15 s to its criterion): this test wants the trainer, not the pace.
  await page.getByLabel('Display', { exact: true }).selectOption('live');

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(async () => Number(await page.getByTestId('epoch').textContent())).toBeGreaterThan(0);
  await expect(page.getByTestId('status')).toHaveText('Stopped');
  expect(consoleErrors, 'console errors in the page').toEqual([]);
});

test('the Content-Security-Policy arrives as a header and stops code built from strings', async () => {
  const header = await page.evaluate(() => fetch(location.href).then((response) => response.headers.get('content-security-policy')));
  expect(header).toContain("script-src 'self'");
  expect(header).not.toContain('unsafe-eval');
  // Code the page itself builds from a string (eval run from the test would be exempt, as DevTools' is).
  const outcome = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(`refused by ${event.violatedDirective}`), { once: true });
        (window.setTimeout as unknown as (code: string) => void)('window.name = "ran"');
        window.setTimeout(() => resolve(`ran: ${window.name}`), 500);
      }),
  );
  expect(outcome).toBe('refused by script-src');
});
