/**
 * Saves at the edges, in the web build: autosave that cannot keep a draft says so in the page (and throws
 * nothing), and the largest network the format allows — momentum, feedback matrices, a full history —
 * opens, trains, saves, opens again, and is kept by autosave for recovery.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { HISTORY_CAPACITY } from '../../src-shared/model/epoch-history';
import { parseModelText } from '../../src-shared/model/parse';
import { serializeModel } from '../../src-shared/model/serialize';
import { expect, openExample, openThroughPicker, saveByDownload, setSetting, shownNumber, test, withoutFileAccess } from './app';
import { largestTrainedModel } from '../support/largest-model';
import { recoveryDrafts } from '../support/recovery-drafts';

test('autosave that the browser’s storage refuses tells the user, and keeps trying', async ({ page }, testInfo) => {
  // Storage full: every draft the page tries to keep is refused, as a browser out of quota refuses it.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'recovery' && (window as unknown as { storageFull?: boolean }).storageFull !== false) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    } as IDBObjectStore['put'];
  });
  await openExample(page, 'XOR');
  await setSetting(page, 'Learning rate λ', '0.3');
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('Autosave: the browser’s storage is full', { timeout: 10_000 });
  await expect(notice).toContainText('Save it to a file');
  for (const [width, height] of [[1366, 768], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: testInfo.outputPath(`autosave-full-${width}.png`) });
  }
  expect(await recoveryDrafts(page)).toBe(0);

  // Space again: the next draft is kept and the notice goes.
  await page.evaluate(() => ((window as unknown as { storageFull: boolean }).storageFull = false));
  await setSetting(page, 'Learning rate λ', '0.4');
  await expect.poll(() => recoveryDrafts(page), { timeout: 10_000 }).toBe(1);
  await expect(notice).toHaveCount(0);
});

test('the largest network opens, trains, saves, opens again, and autosave keeps it', async ({ page }, testInfo) => {
  test.setTimeout(600_000);
  await withoutFileAccess(page);
  const file = testInfo.outputPath('largest.bplab');
  writeFileSync(file, serializeModel(largestTrainedModel()));
  await page.goto('/');
  await openThroughPicker(page, file);
  await expect(page.getByTestId('status')).toHaveText('Paused', { timeout: 180_000 });
  expect(await shownNumber(page, 'epoch')).toBe(HISTORY_CAPACITY - 1);

  await page.getByRole('button', { name: 'Step epoch', exact: true }).click();
  await expect.poll(() => shownNumber(page, 'epoch'), { timeout: 180_000 }).toBe(HISTORY_CAPACITY);
  const saved = testInfo.outputPath('largest-saved.bplab');
  await saveByDownload(page, saved, 'Save', 180_000);
  await expect(page.getByTestId('notice')).toContainText('Saved', { timeout: 180_000 });
  const reading = parseModelText(readFileSync(saved, 'utf8'));
  if (!reading.ok) throw new Error(JSON.stringify(reading.problems.slice(0, 3)));
  expect(reading.model.state!.epoch).toBe(HISTORY_CAPACITY);
  expect(reading.model.state!.historyStride).toBe(2);
  expect(reading.model.state!.feedback![1]).toHaveLength(1024);

  await page.reload();
  await openThroughPicker(page, saved);
  await expect(page.getByTestId('status')).toHaveText('Paused', { timeout: 180_000 });
  expect(await shownNumber(page, 'epoch')).toBe(HISTORY_CAPACITY);

  // An edit makes it unsaved: autosave keeps the whole network as a draft, with no notice against it.
  await setSetting(page, 'Learning rate λ', '0.04');
  await expect.poll(() => recoveryDrafts(page), { timeout: 180_000 }).toBe(1);
  await expect(page.getByTestId('notice')).toHaveCount(0);

  // The tab goes; the next start offers the draft back, whole.
  page.on('dialog', (dialog) => void dialog.accept());
  await page.reload();
  await expect(page.getByTestId('recovery')).toContainText('largest-saved.bplab', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Recover' }).click();
  await expect(page.getByTestId('status')).toHaveText('Paused', { timeout: 180_000 });
  expect(await shownNumber(page, 'epoch')).toBe(HISTORY_CAPACITY);
  await expect(page.getByLabel('Learning rate λ', { exact: true })).toHaveValue('0.04');
});
