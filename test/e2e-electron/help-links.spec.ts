/**
 * Help without leaving the machine open to the page (issue 6): the app's own help pages open in its help
 * window, and shell.openExternal — stubbed here to record instead of starting the browser — is reached only
 * for the allow-listed problem report, whether the page asks by topic or through a link it opens.
 */
import { expect, test, type ElectronApplication } from '@playwright/test';
import { HELP_LINKS } from '../../src-main/main/help-links';
import { freshUserData, launchApp, quitApp, skipWithoutElectron } from './electron-app';

skipWithoutElectron('help links');

let app: ElectronApplication | undefined;
test.afterEach(async () => {
  await quitApp(app);
  app = undefined;
});

type HelpApi = { backpropLab: { openHelp(topic: string): Promise<unknown> } };

test('only the problem report goes to the browser, through shell.openExternal; the guide opens in the help window', async () => {
  app = await launchApp(freshUserData());
  const page = await app.firstWindow();
  await page.getByRole('button', { name: 'XOR', exact: true }).waitFor();
  await app.evaluate(({ shell }) => {
    const opened: string[] = [];
    (globalThis as unknown as { openedExternally: string[] }).openedExternally = opened;
    shell.openExternal = async (url: string) => void opened.push(url);
  });
  const openedExternally = () => app!.evaluate(() => (globalThis as unknown as { openedExternally: string[] }).openedExternally);

  // By topic, as the page's help links and the Help menu ask.
  await page.evaluate(() => (window as unknown as HelpApi).backpropLab.openHelp('report-a-problem'));
  await expect.poll(openedExternally).toEqual([HELP_LINKS['report-a-problem']]);

  // Links the page opens itself: the allow-listed one goes to the browser, anything else nowhere.
  const popups = await page.evaluate((report) => [window.open('https://example.com/') === null, window.open(report) === null], HELP_LINKS['report-a-problem']);
  expect(popups).toEqual([true, true]);
  await expect.poll(openedExternally).toEqual([HELP_LINKS['report-a-problem'], HELP_LINKS['report-a-problem']]);

  // The user guide is the app's own page, in the help window, not the browser.
  const helpWindow = app.waitForEvent('window');
  await page.evaluate(() => (window as unknown as HelpApi).backpropLab.openHelp('user-guide'));
  await expect(await helpWindow).toHaveURL(HELP_LINKS['user-guide']);
  // A page asking for a topic that is not one is refused before anything opens.
  const refused = await page.evaluate(() =>
    (window as unknown as HelpApi).backpropLab.openHelp('https://example.com/').then(() => 'opened', (error: Error) => error.message),
  );
  expect(refused).toMatch(/Refused a malformed "openHelp" request/);
  expect(await openedExternally()).toEqual([HELP_LINKS['report-a-problem'], HELP_LINKS['report-a-problem']]);
});
