/**
 * What every end-to-end test shares: a page that fails the test on any console error or warning or on any
 * request that leaves the app's own origin, a record of the commands the page sends to the trainer worker,
 * and a few readers for what the workbench shows.
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { HISTORY_CAPACITY } from '../../src-shared/model/epoch-history';
import { examples, galleryExamples } from '../../src-shared/data/examples';
import { serializeModel } from '../../src-shared/model/serialize';

export { expect };

export interface ShownPattern {
  target: number[];
  output: number[];
}

/** Schemes that never leave the machine: inline data, the page's own blobs, empty frames. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/** Whether a request to `url` stays on the machine: the app's own origin, or a local scheme. */
export function isLocalRequest(url: string, origin: string): boolean {
  const parsed = new URL(url);
  return LOCAL_SCHEMES.has(parsed.protocol) || parsed.origin === origin;
}

/**
 * Records the address of every request in `context` that leaves `origin`: its pages' and their frames',
 * and their workers' and service workers' (Chromium reports those to the context too). The list fills as
 * requests start, whether or not they succeed.
 */
export function recordRemoteRequests(context: BrowserContext, origin: string): string[] {
  const remote: string[] = [];
  context.on('request', (request) => {
    if (!isLocalRequest(request.url(), origin)) remote.push(request.url());
  });
  return remote;
}

export const test = base.extend<{ consoleGuard: void; offlineGuard: void }>({
  consoleGuard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      // Record every command posted to a worker, before the app's own scripts run; and whether the trainer
      // owes a result: it says where a run stopped (status) just before the result carrying its state.
      await page.addInitScript(() => {
        const sent: unknown[] = [];
        const page = window as unknown as { sentCommands: unknown[]; trainerOwesResult: boolean };
        page.sentCommands = sent;
        page.trainerOwesResult = false;
        const post = Worker.prototype.postMessage as (this: Worker, ...args: unknown[]) => void;
        Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
          sent.push(structuredClone(message));
          post.call(this, message, ...rest);
        } as Worker['postMessage'];
        const NativeWorker = window.Worker;
        window.Worker = class extends NativeWorker {
          constructor(...args: ConstructorParameters<typeof Worker>) {
            super(...args);
            this.addEventListener('message', (event: MessageEvent) => {
              const data = event.data as { type?: string; status?: string } | null;
              if (data?.type === 'status' && data.status !== 'training') page.trainerOwesResult = true;
              if (data?.type === 'result') page.trainerOwesResult = false;
            });
          }
        };
      });
      await use();
      expect(problems, 'console errors and warnings').toEqual([]);
    },
    { auto: true },
  ],
  // Offline by construction: no telemetry, update check, remote font or asset, from the page or a worker.
  offlineGuard: [
    async ({ context, baseURL }, use) => {
      if (!baseURL) throw new Error('The offline guard needs the configuration’s baseURL: the app’s own origin.');
      const remote = recordRemoteRequests(context, new URL(baseURL).origin);
      await use();
      expect(remote, 'requests that left the app’s origin').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Opens an example from the gallery and waits until the trainer has loaded it. The small lecture examples
 * open in slow motion, for a room to watch; tests run them at full speed (the Display's "Every epoch")
 * unless they ask for the example's own pace.
 */
export async function openExample(page: Page, title: string, { pace = 'full' }: { pace?: 'full' | 'example' } = {}): Promise<void> {
  await page.goto('/');
  const hidden = galleryExamples.some((example) => example.title === title) ? undefined : examples.find((example) => example.title === title);
  if (hidden) {
    // A built-in example the gallery no longer shows (the chain approximation of Rumelhart's network):
    // dropped onto the window as a file, which leaves the page's file access as each test set it.
    const data = await page.evaluateHandle(({ content, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], name, { type: 'application/json' }));
      return transfer;
    }, { content: serializeModel(hidden.build()), name: `${hidden.id}.bplab` });
    await page.locator('main').dispatchEvent('dragenter', { dataTransfer: data });
    await page.locator('main').dispatchEvent('drop', { dataTransfer: data });
  } else {
    await page.getByRole('button', { name: title, exact: true }).click();
  }
  // On the Train tab the readouts say so; an example that opens on another tab (the learning dynamics) says
  // it in the run summary.
  await expect(page.getByTestId('status').or(page.getByTestId('run-summary'))).toHaveText(/^Ready$|· ready$/);
  const display = page.getByLabel('Display');
  if (pace === 'full' && (await display.inputValue()) !== 'live') await display.selectOption('live');
}

export async function shownNumber(page: Page, testId: 'epoch' | 'tss'): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  const value = Number(text.trim());
  expect(Number.isFinite(value), `${testId} shows a number, not "${text}"`).toBe(true);
  return value;
}

export async function shownPatterns(page: Page): Promise<ShownPattern[]> {
  const rows = page.getByTestId('pattern-row');
  const numbers = (cell: string) =>
    cell
      .trim()
      .split(/\s+/)
      .map((value) => Number(value));
  const shown: ShownPattern[] = [];
  for (const row of await rows.all()) {
    shown.push({
      target: numbers(await row.getByTestId('pattern-target').innerText()),
      output: numbers(await row.getByTestId('pattern-output').innerText()),
    });
  }
  return shown;
}

/** The trainer commands the page has posted so far, of one type. */
export async function sentCommands(page: Page, type: string): Promise<Array<Record<string, unknown>>> {
  const all = await page.evaluate(() => (window as unknown as { sentCommands: Array<{ type: string }> }).sentCommands);
  return all.filter((command) => command.type === type);
}

/** Takes the File System Access API away, so the page falls back to a file input and a download. */
export async function withoutFileAccess(page: Page): Promise<void> {
  await page.addInitScript(() => {
    delete (window as unknown as Record<string, unknown>).showOpenFilePicker;
    delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
  });
}

/**
 * Clicks Save (or another button that downloads) and keeps the downloaded file at `path`, once the trainer
 * has delivered the state of its last step or pause.
 */
export async function saveByDownload(page: Page, path: string, button = 'Save', resultTimeout = 15_000): Promise<void> {
  // A save right after a step must hold the step's state: wait for the result that brings it (a network at
  // the size bound takes long to send its state on a busy machine: such a test gives a longer wait).
  await expect.poll(() => page.evaluate(() => (window as unknown as { trainerOwesResult: boolean }).trainerOwesResult), { timeout: resultTimeout }).toBe(false);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  await (await download).saveAs(path);
}

/** Clicks Open… and picks `path` in the file chooser. */
export async function openThroughPicker(page: Page, path: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…', exact: true }).first().click();
  await (await chooser).setFiles(path);
}

/** What the curve shows: how many epochs, and the last tss. */
export async function shownCurve(page: Page): Promise<{ epochs: number; lastTss: number }> {
  const chart = page.getByTestId('tss-chart');
  return { epochs: Number(await chart.getAttribute('data-epochs')), lastTss: Number(await chart.getAttribute('data-last-tss')) };
}

/** Commits a numeric setting as a user does: type, then Enter. */
export async function setSetting(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

/**
 * The last epoch a state's history holds, where the curve ends: the state's epoch, or — past 65,536 epochs,
 * when the history keeps every stride-th epoch (model/epoch-history.ts) — the last multiple of the stride.
 */
export function lastRecordedEpoch(state: { epoch: number; historyStride?: number }): number {
  const stride = state.historyStride ?? 1;
  return Math.floor(state.epoch / stride) * stride;
}

/** The stride of the history of a run trained from epoch 0 to `epoch`: it doubles each time the history fills. */
export function strideAfter(epoch: number): number {
  let stride = 1;
  while (epoch >= HISTORY_CAPACITY * stride) stride *= 2;
  return stride;
}
