/**
 * Nothing lost to a crash, Electron's side (issue 6): the trainer's utility process killed mid-training is
 * noticed by main, which starts a new one and hands the window a new port; the page says so once, reloads
 * the model with its last snapshot, and continuing gives exactly the run that would have followed that
 * snapshot. The same as test/e2e/trainer-crash.spec.ts checks for the web build's Worker, with the real
 * process, supervisor and MessagePorts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type ElectronApplication } from '@playwright/test';
import { Simulation } from '../../src-shared/engine/simulation';
import type { ModelDocument } from '../../src-shared/model/schema';
import { parseModelText } from '../../src-shared/model/parse';
import {
  answerSaveDialogs,
  consoleErrorsOf,
  freshUserData,
  launchApp,
  openExample,
  quitApp,
  setSetting,
  shownEpoch,
  skipWithoutElectron,
  trainerProcessIds,
} from './electron-app';

skipWithoutElectron('trainer restart');

let app: ElectronApplication | undefined;
test.afterEach(async () => {
  await quitApp(app);
  app = undefined;
});

/** The model file at `path`, as the app reads one. */
function savedModel(path: string): ModelDocument {
  const parsed = parseModelText(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path} is not a model the app would open: ${JSON.stringify(parsed.problems)}`);
  return parsed.model;
}

test('a trainer process killed mid-training is replaced and the run continues from its last snapshot', async () => {
  app = await launchApp(freshUserData());
  // Main's own console: the supervisor says when it notices the trainer's exit.
  const mainWarnings: string[] = [];
  app.on('console', (message) => void (message.type() === 'warning' && mainWarnings.push(message.text())));
  const page = await app.firstWindow();
  const consoleErrors = consoleErrorsOf(page);
  await openExample(page, '8-3-8 encoder');
  await setSetting(page, 'Learning rate λ', '0,01');
  await setSetting(page, 'Max epochs', '1000000000');
  await setSetting(page, 'Error criterion', '0');
  const stopWhenCorrect = page.getByLabel('Stop once every pattern is correct');
  if (await stopWhenCorrect.isChecked()) await stopWhenCorrect.uncheck();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Training…');
  await expect.poll(() => shownEpoch(page)).toBeGreaterThan(0);
  // The trainer checkpoints its full state every 3 s: let the first one reach the document.
  await page.waitForTimeout(4_000);

  // The window's one trainer, killed from outside as the OS kills a process: no goodbye, only its exit.
  await expect.poll(() => trainerProcessIds(app!)).toHaveLength(1);
  const [killed] = await trainerProcessIds(app);
  process.kill(killed!, 'SIGKILL');

  const problems = page.getByRole('alert').filter({ hasText: 'The trainer stopped unexpectedly' });
  await expect(problems).toHaveCount(1);
  await expect(problems).toContainText('was restarted');
  await expect(problems).toContainText('continues from its last snapshot');
  await expect(page.getByTestId('status')).toHaveText('Paused');
  await expect.poll(() => mainWarnings.filter((warning) => warning.startsWith('The trainer died ('))).toHaveLength(1);
  // Main started a new trainer process for the window, and only one.
  await expect.poll(async () => (await trainerProcessIds(app!)).filter((pid) => pid !== killed)).toHaveLength(1);
  expect(await trainerProcessIds(app)).not.toContain(killed);

  // The snapshot as the page holds it (and loaded into the new trainer), saved through main's Save dialog.
  const file = test.info().outputPath('after-restart.bplab');
  await answerSaveDialogs(app, file);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('document-file')).toContainText('after-restart.bplab');
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
  await expect.poll(() => existsSync(file)).toBe(true);
  const snapshot = savedModel(file);
  // The page went back to its last snapshot, not to epoch 0, and shows where that snapshot stands.
  const snapshotEpoch = snapshot.state?.epoch ?? 0;
  expect(snapshotEpoch).toBeGreaterThan(0);
  await expect(page.getByTestId('epoch')).toHaveText(String(snapshotEpoch));

  // Continuing gives exactly the run that would have followed the snapshot.
  await page.getByRole('button', { name: 'Step epoch', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText(String(snapshotEpoch + 1));
  // The document takes the step's state from the result after its metrics, when the tss readout says it
  // comes from a test pass (as in the web test) and the saved document is edited again. Saved again, to the
  // file the window now holds.
  await expect(page.getByText('a test pass', { exact: true })).toBeVisible();
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => savedModel(file).state?.epoch).toBe(snapshotEpoch + 1);
  const continued = JSON.parse(readFileSync(file, 'utf8')) as ModelDocument;
  const reference = new Simulation(snapshot);
  reference.advance(Number.MAX_SAFE_INTEGER, snapshotEpoch + 1);
  expect(continued.state!.weights).toEqual(reference.state().weights);
  expect(continued.state!.tssHistory).toEqual(reference.state().tssHistory);
  expect(consoleErrors, 'console errors in the page').toEqual([]);
});
