/**
 * The window opens where the user left it (issue 6): its place and size are saved in preferences.json in
 * the user-data folder as it closes, and the next launch with the same folder opens it there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type ElectronApplication } from '@playwright/test';
import { freshUserData, launchApp, quitApp, skipWithoutElectron } from './electron-app';

skipWithoutElectron('window placement');

let app: ElectronApplication | undefined;
test.afterEach(async () => {
  await quitApp(app);
  app = undefined;
});

const normalBounds = (app: ElectronApplication) =>
  app.evaluate(({ BrowserWindow }) => {
    const [window] = BrowserWindow.getAllWindows();
    return window ? { ...window.getNormalBounds(), maximized: window.isMaximized() } : null;
  });

test('the window opens at the place and size it had when the app last quit', async () => {
  const userData = freshUserData();
  app = await launchApp(userData);
  await (await app.firstWindow()).getByRole('button', { name: 'XOR', exact: true }).waitFor();
  // Shown on 'ready-to-show' (desktop-app.ts): moved once it is on screen.
  await expect.poll(() => app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible() ?? false)).toBe(true);

  // Moved and resized as a user would, well inside the primary screen and above the smallest window size.
  const wanted = await app.evaluate(({ BrowserWindow, screen }) => {
    const area = screen.getPrimaryDisplay().workArea;
    const bounds = { x: area.x + 37, y: area.y + 29, width: Math.min(1000, area.width - 37), height: Math.min(680, area.height - 29) };
    BrowserWindow.getAllWindows()[0]!.setBounds(bounds);
    return bounds;
  });
  expect(wanted.width, 'the screen has room for the window').toBeGreaterThanOrEqual(900);
  expect(wanted.height, 'the screen has room for the window').toBeGreaterThanOrEqual(600);
  // A window manager may take a moment, and may nudge the place; the size is the user's.
  await expect.poll(async () => {
    const bounds = await normalBounds(app!);
    return bounds && { width: bounds.width, height: bounds.height };
  }).toEqual({ width: wanted.width, height: wanted.height });
  const placed = (await normalBounds(app))!;
  expect(placed.maximized).toBe(false);

  await quitApp(app);
  app = undefined;
  const remembered = JSON.parse(readFileSync(join(userData, 'preferences.json'), 'utf8')) as { window: unknown };
  expect(remembered.window).toEqual(placed);

  app = await launchApp(userData);
  await app.firstWindow();
  await expect.poll(() => normalBounds(app!)).toEqual(placed);
});
