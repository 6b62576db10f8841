/**
 * The Experiment tab in the web build: the built-in XOR 2/4/8 hidden-units experiment runs on the page's
 * Web Workers with its chart filling live, pauses, survives a reload and resumes, and its summary table and
 * exported results folder equal what `cli experiment run` and `experiment summary --json` give for the same
 * model (the manifest but for its times). Screenshots at 1366×768 and 1920×1080, and the user guide's.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { experimentExamples } from '../../src-shared/data/experiment-examples';
import { serializeModel } from '../../src-shared/model/serialize';
import { expect, test } from './app';
import { screenshotPath } from './screenshots';

const TITLE = 'Experiment: 2, 4 or 8 hidden units on XOR';
const EPOCHS = 20_000;

function cli(...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

async function progress(page: Page): Promise<{ done: number; total: number; phase: string }> {
  const bar = page.getByTestId('experiment-progress');
  return {
    done: Number(await bar.getAttribute('data-done')),
    total: Number(await bar.getAttribute('data-total')),
    phase: (await bar.getAttribute('data-phase')) ?? '',
  };
}

async function openExperiment(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: TITLE, exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Experiment' })).toHaveAttribute('aria-selected', 'true');
}

async function setLongerRuns(page: Page): Promise<void> {
  await page.locator('#experiment-epochs').fill(String(EPOCHS));
  await page.locator('#experiment-epochs').dispatchEvent('change');
  await expect(page.getByTestId('experiment-count')).toContainText(`90 runs of ${EPOCHS.toLocaleString('en')} epochs`);
}

test('the XOR hidden-units experiment runs live, pauses, resumes after a reload, and equals the command line', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await openExperiment(page);
  await expect(page.getByTestId('experiment-count')).toContainText('3 conditions × 30 seeds = 90 runs of 2,000 epochs');
  // Runs of 2,000 epochs take the workers a few milliseconds each: the whole experiment could end before the
  // page could pause it. Ten times as many epochs leave time to see it run, pause and resume.
  await setLongerRuns(page);
  await page.getByRole('button', { name: 'Estimate time' }).click();
  await expect(page.getByText(/Estimated time:/)).toBeVisible();

  await page.getByRole('button', { name: 'Run experiment', exact: true }).click();
  // The chart fills while runs are still to come.
  const chart = page.getByTestId('experiment-mean-chart').locator('[data-points]');
  await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 60_000 }).toBeGreaterThan(0);
  const early = await progress(page);
  expect(early.done).toBeLessThan(90);
  expect(early.phase).toBe('running');

  await page.getByRole('button', { name: 'Pause experiment', exact: true }).click();
  await expect.poll(async () => (await progress(page)).phase).toBe('paused');
  const paused = await progress(page);
  expect(paused.done).toBeGreaterThan(0);
  expect(paused.done).toBeLessThan(90);
  await page.waitForTimeout(800);
  expect((await progress(page)).done).toBe(paused.done);
  await expect(page.getByTestId('experiment-progress')).toContainText(`${paused.done} / 90 runs · paused`);

  // A reload: the finished runs are in the browser's storage, and the same experiment resumes from them.
  await page.reload();
  await openExperiment(page);
  await setLongerRuns(page);
  await expect.poll(async () => (await progress(page)).done).toBe(paused.done);
  await page.getByRole('button', { name: 'Resume experiment', exact: true }).click();
  await expect.poll(async () => (await progress(page)).phase, { timeout: 180_000 }).toBe('done');
  expect((await progress(page)).done).toBe(90);

  for (const [width, height] of [[1366, 768], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(400);
    await page.screenshot({ path: testInfo.outputPath(`experiment-${width}x${height}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: screenshotPath('guide-10-experiment.png', testInfo) });

  // The same model through the command line.
  const example = experimentExamples.find((e) => e.id === 'experiment-xor-hidden')!.build();
  const model = { ...example, experiment: { ...example.experiment!, epochs: EPOCHS } };
  const file = testInfo.outputPath('xor-hidden.bplab');
  writeFileSync(file, serializeModel(model));
  const dir = testInfo.outputPath('xor-hidden.results');
  cli('experiment', 'run', file, '--jobs', '2', '--out', dir);
  const summary = JSON.parse(cli('experiment', 'summary', dir, '--json')) as Array<Record<string, unknown>>;
  const rows = page.getByTestId('condition-summary').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  const shown = await rows.evaluateAll((all) => all.map((row) => {
    const d = (row as HTMLElement).dataset;
    const number = (text: string | undefined) => (text === undefined || text === '' ? null : Number(text));
    return { condition: Number(d.condition), n: Number(d.n), meanFinalTss: number(d.mean), sdFinalTss: number(d.sd), medianEpochsToCriterion: number(d.median), reached: Number(d.reached), neverReached: Number(d.never), diverged: Number(d.diverged), failed: Number(d.failed) };
  }));
  expect(shown).toEqual(summary.map(({ condition, n, meanFinalTss, sdFinalTss, medianEpochsToCriterion, reached, neverReached, diverged, failed }) => ({ condition, n, meanFinalTss, sdFinalTss, medianEpochsToCriterion, reached, neverReached, diverged, failed })));

  // Export results: the command line's files, byte for byte, the manifest but for its times.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export results' }).click();
  const zipPath = testInfo.outputPath('exported.zip');
  await (await download).saveAs(zipPath);
  const zipped = unzipSync(new Uint8Array(readFileSync(zipPath)));
  const decoder = new TextDecoder();
  const exported = new Map(Object.entries(zipped).map(([path, bytes]) => [path.replace(/^[^/]+\//, ''), decoder.decode(bytes)]));
  const names = ['experiment.json', 'curves.csv', 'runs.csv', ...readdirSync(join(dir, 'runs')).map((n) => `runs/${n}`)];
  expect([...exported.keys()].sort()).toEqual([...names, 'manifest.json'].sort());
  for (const name of names) expect(exported.get(name), name).toBe(readFileSync(join(dir, name), 'utf8'));
  // The engine fingerprint is Node's too: its fixed training's Gaussian initialisation and feedback alignment
  // take their logarithms and cosines, and its logistic units their exponentials, from the fdlibm ports
  // (src-shared/engine/fdlibm), not from Chromium's Math. Only the times may differ.
  const withoutTimes = (text: string) => ({ ...JSON.parse(text), started: null, ended: null });
  expect(JSON.parse(exported.get('manifest.json')!).engineFingerprint).toMatch(/^[0-9a-f]{16}$/);
  expect(withoutTimes(exported.get('manifest.json')!)).toEqual(withoutTimes(readFileSync(join(dir, 'manifest.json'), 'utf8')));

  // A run opened alone is re-created from its seed: trained in the workbench, it ends where the run file says.
  const run4 = JSON.parse(readFileSync(join(dir, 'runs', 'run-00004.json'), 'utf8')) as { final: { tss: number } };
  await page.getByText('Open one run in the workbench').click();
  await page.getByRole('button', { name: 'Run 4', exact: true }).click();
  // The epochs per run were edited: leaving asks first.
  await page.getByRole('dialog').getByRole('button', { name: 'Don’t save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hidden units on XOR — run 4');
  await expect(page.getByRole('tab', { name: 'Train', exact: true })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Stopped', { timeout: 60_000 });
  await expect(page.getByTestId('epoch')).toHaveText(String(EPOCHS));
  // The readout's tss once stopped is the after-epoch one, the run file's final tss.
  await expect(page.getByTestId('tss')).toHaveText(run4.final.tss.toPrecision(4));
});

test('factors are undoable edits of the experiment section, and a refused level is shown, not committed', async ({ page }) => {
  await openExperiment(page);
  const levels = page.getByRole('textbox', { name: 'Factor 1 levels' });
  await expect(levels).toHaveValue('2, 4, 8');
  await levels.fill('2, 4');
  await levels.press('Tab');
  await expect(page.getByTestId('experiment-count')).toContainText('2 conditions × 30 seeds = 60 runs');
  await levels.fill('2, zero');
  await levels.press('Tab');
  await expect(page.getByRole('alert').filter({ hasText: 'level 2, “zero”, is not a number' })).toBeVisible();
  await expect(page.getByTestId('experiment-count')).toContainText('60 runs');
  await page.getByRole('button', { name: 'Add factor' }).click();
  await expect(page.getByRole('combobox', { name: 'Factor 2 setting' })).toHaveValue('learningRate');
  await page.getByRole('textbox', { name: 'Factor 2 levels' }).fill('0.25, 0.5');
  await page.getByRole('textbox', { name: 'Factor 2 levels' }).press('Tab');
  await expect(page.getByTestId('experiment-count')).toContainText('4 conditions × 30 seeds = 120 runs');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('experiment-count')).toContainText('2 conditions × 30 seeds = 60 runs');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('experiment-count')).toContainText('3 conditions × 30 seeds = 90 runs');
});

test('Cancel stops an experiment and discards its stored runs', async ({ page }) => {
  await openExperiment(page);
  await page.getByLabel('Seeds per condition').fill('2');
  await page.getByLabel('Seeds per condition').press('Tab');
  await page.getByLabel('Epochs per run').fill('200');
  await page.getByLabel('Epochs per run').press('Tab');
  await expect(page.getByTestId('experiment-count')).toContainText('3 conditions × 2 seeds = 6 runs of 200 epochs');
  await page.getByRole('button', { name: 'Run experiment', exact: true }).click();
  await expect.poll(async () => (await progress(page)).phase, { timeout: 60_000 }).toBe('done');
  await expect(page.getByTestId('condition-summary').locator('tbody tr').first()).toHaveAttribute('data-n', '2');
  // The tab with results passes axe's WCAG A/AA checks (accessibility.spec.ts checks it without an experiment).
  await page.getByText('Open one run in the workbench').click();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);
  await page.getByRole('button', { name: 'Cancel experiment', exact: true }).click();
  await expect.poll(async () => (await progress(page)).done).toBe(0);
  await expect(page.getByTestId('condition-summary').locator('tbody tr').first()).toHaveAttribute('data-n', '0');
  // Nothing of it comes back after a reload.
  await page.reload();
  await page.getByRole('button', { name: TITLE, exact: true }).click();
  await page.getByLabel('Seeds per condition').fill('2');
  await page.getByLabel('Seeds per condition').press('Tab');
  await page.getByLabel('Epochs per run').fill('200');
  await page.getByLabel('Epochs per run').press('Tab');
  await expect(page.getByTestId('experiment-count')).toContainText('6 runs of 200 epochs');
  await page.waitForTimeout(500);
  expect((await progress(page)).done).toBe(0);
  await expect(page.getByRole('button', { name: 'Run experiment', exact: true })).toBeEnabled();
});

test('clicking a run’s line in the chart opens that run alone', async ({ page }) => {
  await openExperiment(page);
  await page.getByLabel('Seeds per condition').fill('2');
  await page.getByLabel('Seeds per condition').press('Tab');
  await page.getByLabel('Epochs per run').fill('200');
  await page.getByLabel('Epochs per run').press('Tab');
  await page.getByRole('button', { name: 'Run experiment', exact: true }).click();
  await expect.poll(async () => (await progress(page)).phase, { timeout: 60_000 }).toBe('done');
  // Every run starts near tss 1 at epoch 1: going down the plot at epoch 1 in steps smaller than the reach
  // of a click, one click lands on a run (the others miss and do nothing).
  const over = page.getByTestId('experiment-mean-chart').locator('.u-over');
  await page.getByRole('checkbox', { name: 'Log scale (geometric mean)' }).uncheck();
  await page.waitForTimeout(400);
  const box = (await over.boundingBox())!;
  const dialog = page.getByRole('dialog');
  for (let y = 2; y < box.height && (await dialog.count()) === 0; y += 4) await over.click({ position: { x: box.width / 200, y } });
  // The experiment's seeds and epochs were edited: leaving asks first.
  await dialog.getByRole('button', { name: 'Don’t save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Hidden units on XOR — run \d/);
  await expect(page.getByRole('tab', { name: 'Train', exact: true })).toHaveAttribute('aria-selected', 'true');
});

test('“Delete stored results” removes every experiment’s runs from the browser, after asking', async ({ page }) => {
  await openExperiment(page);
  await expect(page.getByText('This browser keeps the results of the 5 experiments that ran most recently')).toBeVisible();
  await page.getByLabel('Seeds per condition').fill('2');
  await page.getByLabel('Seeds per condition').press('Tab');
  await page.getByLabel('Epochs per run').fill('200');
  await page.getByLabel('Epochs per run').press('Tab');
  await page.getByRole('button', { name: 'Run experiment', exact: true }).click();
  await expect.poll(async () => (await progress(page)).phase, { timeout: 60_000 }).toBe('done');
  // Declined: nothing goes.
  await page.getByRole('button', { name: 'Delete stored results' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Keep them' }).click();
  expect((await progress(page)).done).toBe(6);
  await page.getByRole('button', { name: 'Delete stored results' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete stored results' }).click();
  await expect.poll(async () => (await progress(page)).done).toBe(0);
  const stored = await page.evaluate(() => new Promise<number>((resolve, reject) => {
    const request = indexedDB.open('backprop-lab-experiments');
    request.onsuccess = () => {
      const count = request.result.transaction('runs').objectStore('runs').count();
      count.onsuccess = () => resolve(count.result);
      count.onerror = () => reject(count.error);
    };
    request.onerror = () => reject(request.error);
  }));
  expect(stored).toBe(0);
});
