/**
 * One app, one document per window (issue 6): launching the app again with a model file — a double click on
 * Windows and Linux — hands the file to the running app through the single-instance lock, which opens it in
 * a new window, tells the OS it is a recent document, and the second process ends. Both launches share one
 * user-data folder, which is what the lock is scoped to.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type ElectronApplication } from '@playwright/test';
import { windowTitle } from '../../src-main/main/document-title';
import { findExample } from '../../src-shared/data/examples';
import { serializeModel } from '../../src-shared/model/serialize';
import { freshUserData, launchApp, launchSecondInstance, quitApp, skipWithoutElectron, windowTitles } from './electron-app';

skipWithoutElectron('second launch');

let app: ElectronApplication | undefined;
test.afterEach(async () => {
  await quitApp(app);
  app = undefined;
});

/** A built-in example written as a model file. */
function modelFile(folder: string, name: string, example: string): string {
  const path = join(folder, name);
  writeFileSync(path, serializeModel(findExample(example)!.build()));
  return path;
}

test('a second launch with a model file opens it in a new window of the running app, and ends', async () => {
  const userData = freshUserData();
  const folder = mkdtempSync(join(tmpdir(), 'backprop-lab-models-'));
  const first = modelFile(folder, 'first.bplab', 'xor');
  const second = modelFile(folder, 'second.bplab', 'and');

  // Started with a file, as by a double click when the app is not running.
  app = await launchApp(userData, [first]);
  const firstPage = await app.firstWindow();
  await expect(firstPage.getByRole('heading', { level: 1 })).toContainText('XOR');
  await expect(firstPage.getByTestId('document-file')).toContainText('first.bplab');
  await expect.poll(() => windowTitles(app!)).toEqual([windowTitle(first, false, process.platform)]);

  // The OS's recent documents, observed: app.addRecentDocument recorded in place of the OS's list.
  await app.evaluate(({ app }) => {
    const recorded: string[] = [];
    (globalThis as unknown as { recentDocuments: string[] }).recentDocuments = recorded;
    app.addRecentDocument = (path: string) => void recorded.push(path);
  });

  const newWindow = app.waitForEvent('window');
  expect(await launchSecondInstance(userData, [second]), 'the second launch’s exit code').toBe(0);
  const secondPage = await newWindow;
  await expect(secondPage.getByRole('heading', { level: 1 })).toContainText('AND');
  await expect(secondPage.getByTestId('document-file')).toContainText('second.bplab');
  await expect.poll(async () => (await windowTitles(app!)).sort()).toEqual(
    [windowTitle(first, false, process.platform), windowTitle(second, false, process.platform)].sort(),
  );
  // The first window keeps its own document.
  await expect(firstPage.getByTestId('document-file')).toContainText('first.bplab');
  expect(await app.evaluate(() => (globalThis as unknown as { recentDocuments: string[] }).recentDocuments)).toEqual([second]);

  // A file that is open already is not opened twice: its window comes forward instead.
  expect(await launchSecondInstance(userData, [first]), 'the third launch’s exit code').toBe(0);
  await firstPage.waitForTimeout(1_000);
  expect(await windowTitles(app)).toHaveLength(2);
  expect(app.windows()).toHaveLength(2);
});
