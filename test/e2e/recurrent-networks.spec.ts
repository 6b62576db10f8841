/**
 * A simple recurrent network in the app: temporal XOR (Elman 1990) from the gallery trains in the app's
 * trainer; Test's error by position (modulo the period 3 the user sets) is lowest at the predictable phase
 * and is, number for number, the command line's `test --period 3` of the saved file (its screenshot is the
 * user guide's picture); Step through shows the copy phase before the forward pass; File → Import opens a
 * tlearn temporal-XOR project with its .reset file, grouped by position in its sequences, and a Lens
 * network script with its examples.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, openExample, saveByDownload, setSetting, test, withoutFileAccess } from './app';
import { screenshotPath } from './screenshots';

function cli(...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

// The user guide's picture, and every screen here, at the laptop size the guide is written for.
test.use({ viewport: { width: 1366, height: 768 } });

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));

/** The bars of Test's error by position: each position's mean pss and its number of events. */
async function shownBars(page: Page): Promise<{ position: number; events: number; meanPss: number }[]> {
  const bars = page.getByTestId('position-bar');
  return Promise.all((await bars.all()).map(async (bar) => ({
    position: Number(await bar.getAttribute('data-position')),
    events: Number(await bar.getAttribute('data-events')),
    meanPss: Number(await bar.getAttribute('data-mean-pss')),
  })));
}

test('temporal XOR trains in the app; its error by position is lowest at the predictable phase, as the command line computes it', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await withoutFileAccess(page);
  await openExample(page, 'Temporal XOR (simple recurrent network)');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Temporal XOR');
  // 100 passes over the 3,000 bits find the structure (BPTT(3)); Elman's 600 take longer than a test needs.
  await setSetting(page, 'Max epochs', '100');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Stopped', { timeout: 90_000 });
  await expect(page.getByTestId('epoch')).toHaveText('100');

  await page.getByRole('tab', { name: 'Test' }).click();
  const chart = page.getByTestId('error-by-position');
  await chart.scrollIntoViewIfNeeded();
  await expect(page.getByLabel('Period (events)')).toHaveValue('3');
  await expect(page.getByTestId('position-bar')).toHaveCount(3);
  const bars = await shownBars(page);
  expect(bars.map((bar) => bar.events)).toEqual([1000, 1000, 1000]);
  // Phase 1's target is the XOR of the two bits before it: predictable, so its error is at most half the others'.
  expect(bars[1].meanPss).toBeLessThanOrEqual(0.5 * Math.min(bars[0].meanPss, bars[2].meanPss));
  await page.screenshot({ path: screenshotPath('recurrent-error-by-position.png', testInfo) });

  // The saved file, tested by the command line with --period 3: the same numbers.
  const saved = testInfo.outputPath('temporal-xor-trained.bplab');
  await saveByDownload(page, saved);
  const tested = JSON.parse(cli('test', saved, '--period', '3', '--json')) as { epoch: number; byPosition: { position: number; events: number; meanPss: number }[] };
  expect(tested.epoch).toBe(100);
  expect(tested.byPosition).toEqual(bars);

  // A period the set cannot have is named; another period regroups.
  const period = page.getByLabel('Period (events)');
  await period.fill('0');
  await expect(page.getByRole('alert').filter({ hasText: 'The period must be a whole number of events' })).toBeVisible();
  await period.fill('6');
  await expect(page.getByTestId('position-bar')).toHaveCount(6);
  // Its CSV is the chart's numbers.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the error by position’s numbers as CSV' }).click();
  const csvPath = testInfo.outputPath('by-position.csv');
  await (await download).saveAs(csvPath);
  const csv = (await import('node:fs')).readFileSync(csvPath, 'utf8').trim().split('\n');
  expect(csv[0]).toBe('position mod 6,events,mean pss');
  expect(csv).toHaveLength(7);
});

test('Step through shows the copy phase (context ← hidden) before the forward pass, with the previous event’s hidden values', async ({ page }) => {
  await openExample(page, 'Temporal XOR (simple recurrent network)');
  const step = page.getByRole('button', { name: 'Step pattern', exact: true });
  await step.click();
  await expect(page.getByTestId('status')).toHaveText('Paused');
  await step.click();
  await expect(page.getByTestId('status')).toHaveText('Paused');
  await page.getByRole('tab', { name: 'Step through' }).click();
  await expect(page.getByTestId('phase-title')).toHaveText('Copy back: context ← hidden (layer 2 ← layer 1), the previous event\'s activations');
  await expect(page.getByTestId('phase-title')).toHaveAttribute('data-kind', 'copy');
  await expect(page.getByTestId('step-copy')).toHaveCount(1);
  // The context holds what the hidden layer computed at the first event: its forward phase, one pattern back.
  const context = await Promise.all([0, 1].map(async (k) => Number(await page.locator(`[data-testid="unit"][data-layer="2"][data-unit="${k}"]`).getAttribute('data-value'))));
  expect(context.every((v) => v > 0 && v < 1 && v !== 0.5)).toBe(true);
  await page.getByRole('button', { name: 'Next phase →' }).click();
  await expect(page.getByTestId('phase-title')).toHaveText('Forward pass: hidden (layer 1)');
  await page.locator('[data-testid="unit"][data-layer="1"][data-unit="0"]').click();
  await expect(page.locator('[data-testid="unit-row"][data-label="  from context"]')).toBeVisible();
});

test('File → Import opens a tlearn temporal-XOR project with its .reset file, and Test groups by place in each sequence', async ({ page }) => {
  await page.goto('/');
  const folder = 'tlearn/temporal-xor';
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…', exact: true }).click();
  await (await chooser).setFiles(['txor.cf', 'txor.data', 'txor.teach', 'txor.reset'].map((name) => fixture(`${folder}/${name}`)));
  await expect(page.getByTestId('status')).toHaveText('Ready');
  await expect(page.getByTestId('notice')).toContainText('A simple recurrent network: a context layer holds a copy of the previous event');
  await page.getByRole('tab', { name: 'Test' }).click();
  await expect(page.getByLabel('Period (events)')).toHaveValue('');
  await expect(page.getByTestId('position-bar').first()).toHaveAttribute('data-position', '0');
});

test('File → Import opens a Lens network script with its examples as the simple recurrent network it builds; a script needing Tcl is refused with its line', async ({ page }) => {
  await page.goto('/');
  const pick = async (names: string[]) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import…', exact: true }).click();
    await (await chooser).setFiles(names.map((name) => fixture(`lens/srn/${name}`)));
  };
  await pick(['loops.in', 'txor.ex']);
  await expect(page.getByTestId('notice')).toContainText('loops.in, line 4, column 1: `set` sets a Tcl variable: Backprop Lab reads only literal Lens commands');
  await pick(['txor.in', 'txor.ex']);
  await expect(page.getByTestId('status')).toHaveText('Ready');
  await expect(page.getByTestId('notice')).toContainText('Imported the Lens network 1-2-2-1 from txor.in, with 24 events from txor.ex. A simple recurrent network: context holds a copy of the previous event');
  await page.getByRole('tab', { name: 'Patterns' }).click();
  await expect(page.getByTestId('sequence-cell')).toHaveCount(24);
  await expect(page.getByTestId('sequence-cell').nth(3)).toHaveAttribute('data-sequence', '2');
});

test('the builder attaches a context layer to a hidden layer (keyboard) and to an output layer (dragged); Train sets the gradient; the file is Elman’s and Jordan’s network', async ({ page }, testInfo) => {
  await withoutFileAccess(page);
  await openExample(page, 'XOR');
  await page.getByRole('tab', { name: 'Network' }).click();
  // Keyboard: the hidden card selected, the palette's Context layer pressed.
  await page.locator('[data-layer-index="1"]').focus();
  await page.getByRole('button', { name: 'Context layer' }).click();
  await expect(page.locator('#layers-heading .shape')).toHaveText('input 2, context 2 → hidden 2 → output 1');
  await expect(page.getByTestId('copy-note')).toHaveText(['Copied into context for the next event.', 'Holds a copy of hidden from the previous event.']);
  await expect(page.locator('.drawing [data-testid="copy-link"]')).toHaveCount(1);
  await expect(page.getByTestId('document-problems')).toHaveCount(0);
  // The context is fed by its copy alone: no "Learns" on its card (the hidden layer keeps its own).
  await expect(page.locator('[data-layer-index="1"]').getByLabel('Learns')).toHaveCount(0);
  await expect(page.locator('[data-layer-index="2"]').getByLabel('Learns')).toHaveCount(1);
  // Mouse: the Context layer dragged onto the output card (a Jordan context).
  const item = (await page.getByRole('button', { name: 'Context layer' }).boundingBox())!;
  const output = (await page.locator('[data-layer-index="3"]').boundingBox())!;
  await page.mouse.move(item.x + item.width / 2, item.y + item.height / 2);
  await page.mouse.down();
  await page.mouse.move(output.x + output.width / 2, output.y + output.height / 2, { steps: 10 });
  await page.mouse.up();
  await expect(page.locator('.drawing [data-testid="copy-link"]')).toHaveCount(2);
  await expect(page.getByTestId('document-problems')).toHaveCount(0);

  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByTestId('status')).toHaveText('Ready');
  await page.getByLabel('Gradient', { exact: true }).selectOption('bptt');
  await expect(page.getByLabel('Depth k (events)')).toHaveValue('3');
  await setSetting(page, 'Initial value of context', '0');
  await page.getByRole('button', { name: 'Step epoch', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText('1');

  const file = testInfo.outputPath('xor-srn.bplab');
  await saveByDownload(page, file);
  const saved = JSON.parse((await import('node:fs')).readFileSync(file, 'utf8')) as { layers: { name: string }[]; links: { from: number; to: number; initial: number }[]; recurrence: unknown };
  const names = saved.layers.map((layer) => layer.name);
  expect(saved.links.map((link) => [names[link.from], names[link.to], link.initial])).toEqual([['hidden', 'context', 0], ['output', 'context 2', 0.5]]);
  expect(saved.recurrence).toEqual({ gradient: 'bptt', depth: 3 });
  // The command line trains the same file on.
  expect(cli('test', file, '--json')).toContain('"epoch": 1');
});
