/** Files in the web build: save, reopen, bad files, drag and drop, recovery, and the unsaved-work prompts. */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
  expect,
  openExample,
  openThroughPicker,
  saveByDownload,
  setSetting,
  shownCurve,
  shownNumber,
  shownPatterns,
  test,
  withoutFileAccess,
} from './app';
import { recoveryDrafts } from '../support/recovery-drafts';

test('a trained model saved, reloaded and opened again has the same weights and curve', async ({ page }, testInfo) => {
  await withoutFileAccess(page);
  await openExample(page, 'XOR');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Stopped');
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();
  const trained = { epoch: await shownNumber(page, 'epoch'), tss: await shownNumber(page, 'tss'), outputs: await shownPatterns(page), curve: await shownCurve(page) };
  expect(trained.curve.epochs).toBe(trained.epoch);

  const file = testInfo.outputPath('xor-trained.bplab');
  await saveByDownload(page, file);
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
  await expect(page).toHaveTitle('XOR.bplab — Backprop Lab');
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  expect(saved.state.epoch).toBe(trained.epoch);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Backprop Lab', level: 1 })).toBeVisible();
  await expect(page.getByTestId('recovery')).toHaveCount(0);
  await openThroughPicker(page, file);
  await expect(page.getByTestId('status')).toHaveText('Paused');
  await expect(page.getByTestId('document-file')).toContainText('xor-trained.bplab');
  expect(await shownNumber(page, 'epoch')).toBe(trained.epoch);
  expect(await shownNumber(page, 'tss')).toBe(trained.tss);
  expect(await shownPatterns(page)).toEqual(trained.outputs);
  expect(await shownCurve(page)).toEqual(trained.curve);
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
});

test('a malformed file is refused with the field path, and the open model stays', async ({ page }, testInfo) => {
  await withoutFileAccess(page);
  await openExample(page, 'XOR');
  await setSetting(page, 'Learning rate λ', '0.3');

  const model = JSON.parse(readFileSync(await saveCopy(page, testInfo.outputPath('good.bplab')), 'utf8'));
  model.layers[1].units = 'two';
  const bad = testInfo.outputPath('bad.bplab');
  writeFileSync(bad, JSON.stringify(model));
  await openThroughPicker(page, bad);
  await expect(page.getByTestId('notice')).toContainText('bad.bplab could not be opened');
  await expect(page.getByTestId('notice')).toContainText('layers[1].units');
  await expect(page.getByTestId('notice')).toContainText('The model you had open is unchanged');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('XOR');
  await expect(page.getByLabel('Learning rate λ', { exact: true })).toHaveValue('0.3');

  await openThroughPicker(page, { name: 'notes.bplab', mimeType: 'application/json', buffer: Buffer.from('not json at all') });
  await expect(page.getByTestId('notice')).toContainText('is not valid JSON');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('XOR');
});

test('a file dropped onto the window opens', async ({ page }, testInfo) => {
  await withoutFileAccess(page);
  await openExample(page, 'AND');
  const text = readFileSync(await saveCopy(page, testInfo.outputPath('and.bplab')), 'utf8').replace('"name": "AND"', '"name": "Dropped AND"');
  await page.getByRole('button', { name: '← Examples' }).click();

  const data = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'dropped.bplab', { type: 'application/json' }));
    return transfer;
  }, text);
  await page.locator('main').dispatchEvent('dragenter', { dataTransfer: data });
  await expect(page.getByText('Drop the .bplab file to open it')).toBeVisible();
  await page.locator('main').dispatchEvent('drop', { dataTransfer: data });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Dropped AND');
  await expect(page.getByTestId('document-file')).toContainText('dropped.bplab');
});

test('unsaved work is offered back after the tab is reloaded', async ({ page }) => {
  await openExample(page, 'XOR');
  await setSetting(page, 'Learning rate λ', '0,25');
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();
  await expect(page).toHaveTitle('• XOR — Backprop Lab');
  // The draft is kept within a few seconds of the change.
  await expect.poll(() => recoveryDrafts(page), { timeout: 10_000 }).toBe(1);

  // The browser asks before a tab with unsaved work goes; the user goes anyway.
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  expect(asked).toEqual(['beforeunload']);

  await expect(page.getByTestId('recovery')).toContainText('XOR');
  await page.getByRole('button', { name: 'Recover' }).click();
  await expect(page.getByLabel('Learning rate λ', { exact: true })).toHaveValue('0.25');
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();
  await expect(page.getByTestId('status')).toHaveText('Ready');
});

test('opening another model asks first when there is unsaved work', async ({ page }) => {
  await openExample(page, 'XOR');
  await setSetting(page, 'Momentum α', '0.5');
  await page.getByRole('button', { name: 'New', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Save your changes?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Momentum α', { exact: true })).toHaveValue('0.5');

  await page.getByRole('button', { name: '← Examples' }).click();
  await dialog.getByRole('button', { name: 'Don’t save' }).click();
  await expect(page.getByRole('button', { name: 'XOR', exact: true })).toBeVisible();
});

test('undo and redo: one step per edit, back to the saved marker, and text fields keep their own undo', async ({ page }) => {
  await openExample(page, 'XOR');
  const rate = page.getByLabel('Learning rate λ', { exact: true });
  await setSetting(page, 'Learning rate λ', '0.3');
  await setSetting(page, 'Momentum α', '0.1');
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();

  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Momentum α', { exact: true })).toHaveValue('0.9');
  await expect(rate).toHaveValue('0.3');
  await page.keyboard.press('Control+z');
  await expect(rate).toHaveValue('0.2');
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
  await expect(page).toHaveTitle('XOR — Backprop Lab');
  await page.keyboard.press('Control+Shift+z');
  await expect(rate).toHaveValue('0.3');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByLabel('Momentum α', { exact: true })).toHaveValue('0.1');

  // In a text field, Ctrl+Z is the field's: the document's history is left alone.
  await rate.fill('0.7');
  await rate.press('Control+z');
  await expect(page.getByLabel('Momentum α', { exact: true })).toHaveValue('0.1');
  const configured = await page.evaluate(() => (window as unknown as { sentCommands: Array<{ type: string }> }).sentCommands.filter((c) => c.type === 'configure'));
  expect(configured).toEqual([
    { type: 'configure', training: { learningRate: 0.3 } },
    { type: 'configure', training: { momentum: 0.1 } },
    { type: 'configure', training: { momentum: 0.9 } },
    { type: 'configure', training: { learningRate: 0.2 } },
    { type: 'configure', training: { learningRate: 0.3 } },
    { type: 'configure', training: { momentum: 0.1 } },
  ]);
});

test('with the File System Access API, Save writes back to the same file, which Recent files opens again', async ({ page }) => {
  await useOriginPrivateFiles(page);
  await openExample(page, 'XOR');
  await page.getByRole('button', { name: 'Step epoch', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText('1');
  await expect(page.getByTestId('status')).toHaveText('Paused');

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('notice')).toHaveText(/Saved to XOR\.bplab\./);
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
  await setSetting(page, 'Learning rate λ', '0.125');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { savePickerCalls: number }).savePickerCalls)).toBe(1);
  const written = JSON.parse(await privateFileText(page, 'XOR.bplab'));
  expect(written.training.learningRate).toBe(0.125);
  expect(written.state.epoch).toBe(1);

  await page.reload();
  await page.getByRole('button', { name: 'XOR.bplab' }).click();
  await expect(page.getByTestId('status')).toHaveText('Paused');
  await expect(page.getByTestId('epoch')).toHaveText('1');
  await expect(page.getByLabel('Learning rate λ', { exact: true })).toHaveValue('0.125');
  await expect(page.getByTestId('document-file')).toContainText('XOR.bplab');
});

/**
 * Stands in for the browser's file pickers (which a headless browser cannot show) with files in the
 * origin's private file system: real file handles, writable and storable, without a dialog.
 */
async function useOriginPrivateFiles(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counters = window as unknown as { savePickerCalls: number };
    counters.savePickerCalls = 0;
    const pickers = window as unknown as Record<string, unknown>;
    pickers.showSaveFilePicker = async (options: { suggestedName: string }) => {
      counters.savePickerCalls++;
      const root = await navigator.storage.getDirectory();
      return root.getFileHandle(options.suggestedName, { create: true });
    };
    pickers.showOpenFilePicker = async () => {
      throw new DOMException('No file chosen in this test.', 'AbortError');
    };
  });
}

function privateFileText(page: Page, name: string): Promise<string> {
  return page.evaluate(async (fileName) => {
    const root = await navigator.storage.getDirectory();
    return (await (await root.getFileHandle(fileName)).getFile()).text();
  }, name);
}

/** Saves the open model through a download and returns where it was kept. */
async function saveCopy(page: Page, path: string): Promise<string> {
  await saveByDownload(page, path);
  return path;
}

test('a save right after Step holds the step’s weights, even when the trainer’s result is slow to come', async ({ page }, testInfo) => {
  // Once asked to, hold back the trainer's results by 800 ms: after Step the page then shows "Paused" at
  // epoch 1 well before the state of that epoch arrives, and a Save must wait for it rather than write the
  // state from before the step.
  await page.addInitScript(() => {
    const page = window as unknown as { holdResults: boolean };
    page.holdResults = false;
    const Base = window.Worker;
    window.Worker = class extends Base {
      constructor(...args: ConstructorParameters<typeof Worker>) {
        super(...args);
        const resent = new WeakSet<Event>();
        this.addEventListener('message', (event: MessageEvent) => {
          if (!page.holdResults || resent.has(event) || (event.data as { type?: string } | null)?.type !== 'result') return;
          event.stopImmediatePropagation();
          setTimeout(() => {
            const again = new MessageEvent('message', { data: event.data });
            resent.add(again);
            this.dispatchEvent(again);
          }, 800);
        });
      }
    };
  });
  await withoutFileAccess(page);
  await openExample(page, 'XOR');
  await page.evaluate(() => ((window as unknown as { holdResults: boolean }).holdResults = true));
  await page.getByRole('button', { name: 'Step epoch', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText('1');
  await expect(page.getByTestId('status')).toHaveText('Paused');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const file = testInfo.outputPath('stepped.bplab');
  await (await download).saveAs(file);
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  expect(saved.state.epoch).toBe(1);
  expect(saved.state.tssHistory).toHaveLength(1);
});
