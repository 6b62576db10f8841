/**
 * Compare rules in the web build, on the 8-3-8 encoder: backprop and feedback alignment from identical
 * initial weights on the page's workers, both curves drawn, their exported values equal to `cli train` of
 * the same two settings (the rule changed, --seed), the feedback-alignment angles drawn, and the document
 * left as it was (nothing to undo, no experiment added). On AND (one weight layer) the view says the rules
 * are the same updates and draws one curve. Screenshots at 1366×768, the guide's among them.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { examples } from '../../src-shared/data/examples';
import type { LearningRule } from '../../src-shared/model/schema';
import { serializeModel } from '../../src-shared/model/serialize';
import { expect, openExample, test } from './app';
import { screenshotPath } from './screenshots';

test.use({ viewport: { width: 1366, height: 768 } });

const EPOCHS = 1500;

function cli(...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** CSV text as rows of cells (no quoted commas in these files but the header's, which are handled). */
function table(text: string): { header: string[]; rows: string[][] } {
  const split = (line: string) => (line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).slice(0, -1).map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, '').replaceAll('""', '"'));
  const [head, ...rest] = text.trimEnd().split('\n');
  return { header: split(head), rows: rest.map(split) };
}

async function runComparison(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run comparison' }).click();
  const progress = page.getByTestId('compare-progress');
  await expect(progress).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
}

test('backprop and feedback alignment from identical weights: both curves, equal to the command line, and the angles', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openExample(page, '8-3-8 encoder');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await page.getByRole('button', { name: 'Compare rules…' }).click();
  const dialog = page.getByTestId('compare-rules');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: 'backprop' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'feedback alignment' })).toBeChecked();
  // The delta rule needs one weight layer: offered, not available here.
  await expect(dialog.getByRole('checkbox', { name: /delta rule/ })).toBeDisabled();
  await page.locator('#compare-epochs').fill(String(EPOCHS));
  await expect(dialog).toContainText('from the same initial weights (seed 1)');
  await runComparison(page);
  await expect(page.getByTestId('compare-progress')).toContainText('2 / 2 runs · done');

  // Both curves are drawn, and named.
  const chart = page.getByTestId('compare-tss-chart');
  await expect.poll(async () => Number(await chart.locator('[data-points]').getAttribute('data-points'))).toBe(2 * EPOCHS);
  await expect(chart.locator('.legend li')).toHaveText(['backprop', 'feedback alignment']);
  // The angles: near 90° at the start, lower after training.
  const angles = page.getByTestId('compare-angle');
  await expect(angles).toHaveCount(2);
  for (const item of await angles.all()) {
    const start = Number(await item.getAttribute('data-start'));
    const end = Number(await item.getAttribute('data-end'));
    expect(start).toBeGreaterThan(75);
    expect(end).toBeLessThan(start - 15);
  }
  await expect(page.getByTestId('condition-summary').locator('tbody tr')).toHaveCount(2);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(600);
  await page.screenshot({ path: screenshotPath('guide-10-compare-rules.png', testInfo) });

  const axe = await new AxeBuilder({ page }).include('[data-testid="compare-rules"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);

  // The curves' data, against `cli train` of the same model with the rule changed, from --seed 1.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the rules’ curves’ data as CSV' }).click();
  const csvPath = testInfo.outputPath('compare.csv');
  await (await download).saveAs(csvPath);
  const shown = table(readFileSync(csvPath, 'utf8'));
  expect(shown.header).toEqual(['epoch', 'backprop, seed 1: tss', 'feedback alignment, seed 1: tss']);
  expect(shown.rows).toHaveLength(EPOCHS);
  const base = examples.find((e) => e.id === 'encoder-8-3-8')!.build();
  (['backprop', 'feedback-alignment'] as LearningRule[]).forEach((rule, k) => {
    // The same settings, trained for the comparison's epochs (no stopping rule of its own, as the comparison's runs).
    const file = testInfo.outputPath(`${rule}.bplab`);
    writeFileSync(file, serializeModel({ ...base, training: { ...base.training, rule, errorCriterion: 0, stopWhenAllCorrect: false, maxEpochs: EPOCHS } }));
    const log = testInfo.outputPath(`${rule}.csv`);
    cli('train', file, '--seed', '1', '--log', log);
    const command = table(readFileSync(log, 'utf8'));
    expect(command.header.slice(0, 2)).toEqual(['epoch', 'tss']);
    expect(shown.rows.map((row) => [row[0], row[k + 1]]), rule).toEqual(command.rows.map((row) => [row[0], row[1]]));
  });

  // The angles as a picture and as numbers, as every chart exports.
  const svgDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the angles as SVG' }).click();
  const svgPath = testInfo.outputPath('angles.svg');
  await (await svgDownload).saveAs(svgPath);
  const svg = readFileSync(svgPath, 'utf8');
  expect(svg).toContain('signal angle, W1 (code → output)');
  expect(svg).toContain('weight angle, W1 (code → output)');
  const pngDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the angles as PNG' }).click();
  expect((await pngDownload).suggestedFilename()).toBe('8-3-8-encoder-compare-rules-angles.png');
  const anglesCsv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the angles’ data as CSV' }).click();
  const anglesPath = testInfo.outputPath('angles.csv');
  await (await anglesCsv).saveAs(anglesPath);
  const angleTable = table(readFileSync(anglesPath, 'utf8'));
  expect(angleTable.header).toEqual(['epoch', 'signal angle, W1 (code → output) (degrees)', 'weight angle, W1 (code → output) (degrees)']);
  expect(angleTable.rows[0][0]).toBe('0');
  expect(angleTable.rows.at(-1)![0]).toBe(String(EPOCHS));

  // A view, not an edit: nothing to undo, no experiment in the document.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await page.getByRole('tab', { name: 'Experiment' }).click();
  await expect(page.getByRole('button', { name: 'Add an experiment' })).toBeVisible();
});

test('on one weight layer the rules are the same updates: one curve, and the view says why', async ({ page }, testInfo) => {
  await openExample(page, 'AND');
  await page.getByRole('button', { name: 'Compare rules…' }).click();
  const dialog = page.getByTestId('compare-rules');
  await dialog.getByRole('checkbox', { name: 'feedback alignment' }).check();
  await page.locator('#compare-epochs').fill('500');
  await expect(page.getByTestId('compare-same-updates')).toContainText('same weight changes, bit for bit');
  await runComparison(page);
  await expect(page.getByTestId('compare-progress')).toContainText('1 / 1 runs');
  const chart = page.getByTestId('compare-tss-chart');
  await expect(chart.locator('.legend li')).toHaveText(['backprop = feedback alignment = delta rule']);
  await expect.poll(async () => Number(await chart.locator('[data-points]').getAttribute('data-points'))).toBe(500);
  await expect(page.getByTestId('compare-angle-chart')).toHaveCount(0);
  await page.waitForTimeout(400);
  await page.screenshot({ path: testInfo.outputPath('compare-rules-one-layer.png') });
});
