/**
 * The chart of each pattern's error over the epochs: every stepped epoch recorded with exactly the engine's
 * values (a Simulation in Node, epoch by epoch), curves that grow while training and end exactly where a
 * pause left the run, cleared by Reset, and a note instead of curves for a model with more than 64
 * patterns. Screenshots in both themes go to /tmp/shots-4251/.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { findExample } from '../../src-shared/data/examples';
import { Simulation } from '../../src-shared/engine/simulation';
import type { ModelDocument } from '../../src-shared/model/schema';
import { expect, openExample, openThroughPicker, setSetting, test, withoutFileAccess } from './app';

const SHOTS = '/tmp/shots-4251';

const chart = (page: Page) => page.getByTestId('pattern-error-chart');
const lines = (page: Page) => page.getByTestId('pattern-error-line');

function example(id: string, training: Partial<ModelDocument['training']> = {}): ModelDocument {
  const model = findExample(id)!.build();
  return { ...model, training: { ...model.training, ...training } };
}
const xor = (training: Partial<ModelDocument['training']> = {}) => example('xor', training);

/** The engine's per-pattern errors of epochs 1 … last, one epoch at a time. */
function lockstep(model: ModelDocument, last: number): number[][] {
  const simulation = new Simulation(model);
  const out: number[][] = [[]];
  while (simulation.epoch < last) {
    simulation.advance(Number.MAX_SAFE_INTEGER, simulation.epoch + 1);
    out.push([...simulation.epochPatternErrors]);
  }
  return out;
}

async function shownErrors(page: Page): Promise<number[]> {
  return Promise.all((await lines(page).all()).map(async (line) => Number(await line.getAttribute('data-pss'))));
}

async function showPatternErrors(page: Page): Promise<void> {
  await page.getByRole('radio', { name: 'Error per pattern' }).check();
  await expect(chart(page)).toBeVisible();
}

test('Step epoch three times: three points per pattern, each the engine’s pss of that epoch; Reset clears them', async ({ page }) => {
  await openExample(page, 'XOR');
  await showPatternErrors(page);
  await expect(lines(page)).toHaveCount(4);
  await expect(chart(page)).toHaveAttribute('data-epochs', '0');
  await expect(page.getByTestId('epoch-chart')).toHaveAttribute('data-lines', '4');
  const reference = lockstep(xor(), 3);
  for (let epoch = 1; epoch <= 3; epoch++) {
    await page.getByRole('button', { name: 'Step epoch', exact: true }).click();
    await expect(chart(page)).toHaveAttribute('data-last-epoch', String(epoch));
    await expect(chart(page)).toHaveAttribute('data-epochs', String(epoch));
    // Bit for bit: the values the trainer recorded are the engine's for that epoch.
    expect(await shownErrors(page)).toEqual(reference[epoch]);
  }
  await expect(page.getByTestId('epoch-chart')).toHaveAttribute('data-points', '3');
  await expect(page.getByTestId('epoch-chart')).toHaveAttribute('data-lines', '4');

  mkdirSync(SHOTS, { recursive: true });
  await page.getByTestId('tss-chart').screenshot({ path: `${SHOTS}/stepped-light.png` });
  // WCAG AA over the chart's controls, legend and notes, in both themes.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).include('[data-testid="pattern-error-chart"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.passes.map(({ id }) => id)).toContain('color-contrast');
    expect(results.violations.map(({ id, nodes }) => `${colorScheme}: ${id} ${nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
  await page.getByTestId('tss-chart').screenshot({ path: `${SHOTS}/stepped-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(chart(page)).toHaveAttribute('data-epochs', '0');
  await expect(page.getByTestId('epoch-chart')).toHaveAttribute('data-points', '0');
  await expect(lines(page).first()).toHaveAttribute('data-pss', '');
});

test('while training the curves grow, and after Pause they end at the paused epoch with its exact values', async ({ page }) => {
  // Rumelhart & Todd's 32 patterns train a few thousand epochs a second: a run the page follows easily.
  await openExample(page, findExample('rumelhart')!.title);
  await setSetting(page, 'Error criterion', '0');
  await setSetting(page, 'Max epochs', '1000000000');
  await page.getByLabel('Stop once every pattern is correct').uncheck();
  await showPatternErrors(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText(/Training/);
  await expect.poll(async () => Number(await chart(page).getAttribute('data-epochs'))).toBeGreaterThan(0);
  const first = Number(await chart(page).getAttribute('data-last-epoch'));
  await expect.poll(async () => Number(await chart(page).getAttribute('data-last-epoch'))).toBeGreaterThan(first);
  await page.getByTestId('tss-chart').screenshot({ path: `${SHOTS}/training-light.png` });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Paused');

  const epoch = Number(await page.getByTestId('epoch').textContent());
  await expect(chart(page)).toHaveAttribute('data-last-epoch', String(epoch));
  const reference = lockstep(example('rumelhart'), epoch);
  expect(await shownErrors(page)).toEqual(reference[epoch]);
  // Fast runs are sampled, never more points than epochs.
  expect(Number(await chart(page).getAttribute('data-epochs'))).toBeLessThanOrEqual(epoch);

  await page.getByLabel('Log scale').check();
  await expect(chart(page).getByTestId('epoch-chart')).toHaveAttribute('data-log-scale', 'true');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('tss-chart').screenshot({ path: `${SHOTS}/paused-log-dark.png` });
});

test('a model with more than 64 patterns gets a note instead of curves', async ({ page }) => {
  const model = xor();
  model.patterns = Array.from({ length: 65 }, (_, i) => ({ ...model.patterns[i % 4], name: `p${i + 1}` }));
  await withoutFileAccess(page);
  await page.goto('/');
  await openThroughPicker(page, { name: 'many.bplab', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
  await expect(page.getByTestId('status')).toHaveText('Ready');
  await showPatternErrors(page);
  await expect(page.getByTestId('pattern-error-too-many')).toContainText('65 training patterns');
  await expect(lines(page)).toHaveCount(0);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('tss-chart').screenshot({ path: `${SHOTS}/too-many-dark.png` });
});
