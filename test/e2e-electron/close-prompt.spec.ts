/**
 * Unsaved changes in the desktop app (issue 6): the window's title carries the unsaved marker (on macOS, the
 * close button's dot: documentEdited), and closing the window asks Save / Don't Save / Cancel in a native
 * message box, which the test answers through a stub of main's dialog.showMessageBox.
 */
import { expect, test, type ElectronApplication } from '@playwright/test';
import { closePrompt } from '../../src-main/main/close-prompt';
import { windowTitle } from '../../src-main/main/document-title';
import { answerMessageBoxes, freshUserData, launchApp, openExample, quitApp, setSetting, shownMessageBoxes, skipWithoutElectron } from './electron-app';

skipWithoutElectron('close prompt');

let app: ElectronApplication | undefined;
test.afterEach(async () => {
  await quitApp(app);
  app = undefined;
});

const isMac = process.platform === 'darwin';

test('closing a window with unsaved changes asks first: Cancel keeps it open, Don’t Save closes it', async () => {
  app = await launchApp(freshUserData());
  const page = await app.firstWindow();
  const mainWindow = () => app!.evaluate(({ BrowserWindow }) => {
    const [window] = BrowserWindow.getAllWindows();
    // documentEdited is macOS's alone.
    const edited = process.platform === 'darwin' ? window?.isDocumentEdited() : null;
    return window ? { title: window.getTitle(), edited, count: BrowserWindow.getAllWindows().length } : null;
  });

  await openExample(page, 'XOR');
  await expect.poll(async () => (await mainWindow())?.title).toBe(windowTitle(null, false, process.platform, 'XOR'));
  if (isMac) expect((await mainWindow())?.edited).toBe(false);

  await setSetting(page, 'Learning rate λ', '0,25');
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();
  // "• XOR — Backprop Lab" (the example's name until it is saved); on macOS the title stays plain and the close button shows the dot.
  await expect.poll(async () => (await mainWindow())?.title).toBe(windowTitle(null, true, process.platform, 'XOR'));
  if (isMac) expect((await mainWindow())?.edited).toBe(true);

  // Closed as by its close button: main asks, the user presses Cancel, and the window stays.
  await answerMessageBoxes(app, 'Cancel');
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
  await expect.poll(async () => (await shownMessageBoxes(app!)).length).toBe(1);
  const { options } = closePrompt('XOR', process.platform);
  expect(await shownMessageBoxes(app)).toEqual([{ message: options.message, buttons: options.buttons, pressed: 'Cancel' }]);
  expect(options.message).toBe('Do you want to save the changes you made to XOR?');
  expect(options.buttons!.map((label) => label.replace('’', "'")).sort()).toEqual(['Cancel', "Don't Save", 'Save']);
  // Give a wrongly closing window time to go.
  await page.waitForTimeout(1_000);
  expect(page.isClosed()).toBe(false);
  expect(await mainWindow()).toMatchObject({ count: 1, title: windowTitle(null, true, process.platform, 'XOR') });
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();

  // Closed again, and this time Don't Save: the window goes, without a second question.
  await answerMessageBoxes(app, "Don't Save");
  const closed = page.waitForEvent('close');
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
  await closed;
  const shown = await shownMessageBoxes(app).catch(() => null);
  // On Windows and Linux the app quits with its last window, taking the record with it; macOS keeps running.
  if (shown !== null) expect(shown.map((box) => box.pressed)).toEqual(['Cancel', isMac ? 'Don’t Save' : "Don't Save"]);
});

test('quitting with unsaved changes asks too: Cancel keeps the app running, Don’t Save lets it quit', async () => {
  app = await launchApp(freshUserData());
  const page = await app.firstWindow();
  await openExample(page, 'XOR');
  await setSetting(page, 'Momentum α', '0.5');
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();

  // Quit as from the menu (File → Exit, or the app menu's Quit on macOS): the window asks before it goes.
  await answerMessageBoxes(app, 'Cancel');
  await app.evaluate(({ app }) => app.quit());
  await expect.poll(async () => (await shownMessageBoxes(app!)).length).toBe(1);
  expect((await shownMessageBoxes(app))[0]!.message).toBe('Do you want to save the changes you made to XOR?');
  await page.waitForTimeout(1_000);
  expect(page.isClosed()).toBe(false);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);

  // Quitting again asks again; Don't Save, and the app ends.
  await answerMessageBoxes(app, "Don't Save");
  const ended = app.waitForEvent('close');
  await app.evaluate(({ app }) => app.quit());
  await ended;
});
