/**
 * What the `_electron` tests share: the built app started with a user-data folder of its own (the
 * preferences, the recovery drafts in IndexedDB and the single-instance lock all live there, so each test
 * starts from nothing and cannot meet a Backprop Lab the user has open), a second launch of it, native
 * message boxes answered from the test, and a few page helpers mirroring test/e2e/app.ts.
 *
 * The folder is set with Electron's own app.setPath('userData') by user-data.cjs, which Electron's default
 * app preloads (`-r`) before the app's main script: no test hook in the app.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { MessageBoxOptions } from 'electron';
import { electronBinary, MISSING_ELECTRON } from './electron-binary';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const MAIN_BUNDLE = fileURLToPath(new URL('../../out/main/index.js', import.meta.url));
const USER_DATA_MODULE = fileURLToPath(new URL('./user-data.cjs', import.meta.url));
const USER_DATA_VARIABLE = 'BACKPROP_LAB_TEST_USER_DATA';
/** The trainer's utility process, by the serviceName main forks it with (src-main/main/desktop-app.ts). */
export const TRAINER_SERVICE = 'Backprop Lab trainer';

export const binary = electronBinary();

/** At the top of a spec file: skips all its tests, saying why, where the Electron binary is missing. */
export function skipWithoutElectron(what: string): void {
  if (!binary) console.log(`Skipping the Electron ${what} test: ${MISSING_ELECTRON}.`);
  test.skip(!binary, MISSING_ELECTRON);
}

/** A new, empty user-data folder. */
export function freshUserData(): string {
  return mkdtempSync(join(tmpdir(), 'backprop-lab-e2e-'));
}

function appEnvironment(userData: string): Record<string, string> {
  const env = { ...process.env } as Record<string, string>;
  // A dev server URL left in the environment would make main load that instead of the built page.
  delete env['ELECTRON_RENDERER_URL'];
  env[USER_DATA_VARIABLE] = userData;
  return env;
}

/** The app's command line after the executable: the user-data module, the main bundle, the model files to open. */
function appArguments(documents: readonly string[]): string[] {
  return ['-r', USER_DATA_MODULE, MAIN_BUNDLE, ...documents];
}

/** Starts the built app with `userData` as its user-data folder, opening `documents` as a double click would. */
export async function launchApp(userData: string, documents: readonly string[] = []): Promise<ElectronApplication> {
  expect(existsSync(MAIN_BUNDLE), 'the app is built: run `npm run build` first').toBe(true);
  return _electron.launch({ executablePath: binary!, args: appArguments(documents), cwd: ROOT, env: appEnvironment(userData) });
}

/**
 * Starts the app again as a user would, with the same user-data folder (so the single-instance lock
 * applies), and resolves with its exit code once it has ended. Not through Playwright: a second instance
 * hands its command line to the first and quits before it could be driven.
 */
export function launchSecondInstance(userData: string, documents: readonly string[], timeoutMs = 30_000): Promise<number | null> {
  // As Playwright starts the first on Linux: the CI runners' kernels refuse Chromium's sandbox to an unpacked Electron.
  const args = [...(process.platform === 'linux' ? ['--no-sandbox'] : []), ...appArguments(documents)];
  const child = spawn(binary!, args, { cwd: ROOT, env: appEnvironment(userData), stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`The second launch was still running after ${timeoutMs} ms.`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** A native message box main showed, and the label of the button the test pressed. */
export interface ShownMessageBox {
  message: string;
  buttons: string[];
  pressed: string | null;
}

/**
 * From now on, main's message boxes are answered by the test instead of a person: the first with the button
 * labelled `labels[0]`, the next with `labels[1]`, and so on; past the last label, with the last. Labels
 * match with either apostrophe (macOS says Don’t Save). Each box is recorded (see shownMessageBoxes).
 */
export async function answerMessageBoxes(app: ElectronApplication, ...labels: string[]): Promise<void> {
  await app.evaluate(({ dialog }, labels) => {
    const record = globalThis as unknown as { shownMessageBoxes?: ShownMessageBox[] };
    const shown = (record.shownMessageBoxes ??= []);
    const queue = [...labels];
    const plain = (label: string) => label.replace(/’/g, "'");
    // dialog.showMessageBox(window, options) or dialog.showMessageBox(options): the options come last.
    const answer = async (...args: unknown[]) => {
      const options = args[args.length - 1] as MessageBoxOptions;
      const buttons = options.buttons ?? [];
      const label = (queue.length > 1 ? queue.shift() : queue[0]) ?? '';
      const index = buttons.findIndex((button) => plain(button) === plain(label));
      shown.push({ message: options.message, buttons, pressed: index === -1 ? null : buttons[index]! });
      // A label the box lacks is taken as closing the box, which main reads as Cancel.
      return { response: index === -1 ? (options.cancelId ?? buttons.length) : index, checkboxChecked: false };
    };
    dialog.showMessageBox = answer as typeof dialog.showMessageBox;
  }, labels);
}

export function shownMessageBoxes(app: ElectronApplication): Promise<ShownMessageBox[]> {
  return app.evaluate(() => (globalThis as unknown as { shownMessageBoxes?: ShownMessageBox[] }).shownMessageBoxes ?? []);
}

/** Main's Save dialog answers `path` from now on, as if the user had chosen it. */
export async function answerSaveDialogs(app: ElectronApplication, path: string): Promise<void> {
  await app.evaluate(({ dialog }, filePath) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
  }, path);
}

/**
 * Quits the app, answering Don't Save for any window with unsaved changes (a native prompt left open
 * would keep the app, and the test, waiting for a person). Also when the app has already ended.
 */
export async function quitApp(app: ElectronApplication | undefined): Promise<void> {
  if (!app) return;
  await answerMessageBoxes(app, "Don't Save").catch(() => undefined);
  await app.close();
}

/** Every window's title, as main set it (the page's own <title> is not shown). */
export function windowTitles(app: ElectronApplication): Promise<string[]> {
  return app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((window) => window.getTitle()));
}

/** The process ids of the trainers' utility processes (one per window). */
export function trainerProcessIds(app: ElectronApplication): Promise<number[]> {
  return app.evaluate(
    ({ app }, service) => app.getAppMetrics().filter((process) => process.type === 'Utility' && process.name === service).map((process) => process.pid),
    TRAINER_SERVICE,
  );
}

/** Console errors and uncaught exceptions of `page`, from now on. */
export function consoleErrorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    // Chromium's own favicon probe is not the app's doing.
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

/**
 * Opens an example from the start page's gallery and waits until the trainer has loaded it; at full speed
 * (the Display's "Every epoch"), though the small lecture examples open in slow motion.
 */
export async function openExample(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: title, exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Ready');
  const display = page.getByLabel('Display', { exact: true });
  if ((await display.inputValue()) !== 'live') await display.selectOption('live');
}

/** Commits a numeric setting as a user does: type, then Enter. */
export async function setSetting(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

export async function shownEpoch(page: Page): Promise<number> {
  const text = (await page.getByTestId('epoch').textContent()) ?? '';
  const epoch = Number(text.trim());
  expect(Number.isInteger(epoch), `the epoch shows a whole number, not "${text}"`).toBe(true);
  return epoch;
}
