/**
 * The outputs beside their verdicts: the Train tab's Outputs table moves with the run (at the display
 * rate, like the charts and the Hinton diagrams), and an output is shown with the digits its verdict
 * depends on, so 0.8999 (✗, 0.1 short of target 1 by more than the margin) never reads as 0.900 beside
 * 0.9003 (✓).
 */
import type { Page } from '@playwright/test';
import { findExample } from '../../src-shared/data/examples';
import { Simulation } from '../../src-shared/engine/simulation';
import { serializeModel } from '../../src-shared/model/serialize';
import { expect, openExample, openThroughPicker, setSetting, test, withoutFileAccess } from './app';

const logit = (p: number) => Math.log(p / (1 - p));

/**
 * AND's 2-1 logistic network with every target 1 and weights chosen so that the outputs straddle the
 * margin's edge at 0.9: σ(b) = 0.8999 for 00 and 10, σ(b + w₂) = 0.9003 for 01 and 11.
 */
function straddlingModel(): string {
  const model = findExample('and')!.build();
  model.name = 'Straddling the margin';
  model.training = { ...model.training, margin: 0.1 };
  model.patterns = model.patterns.map((pattern) => ({ ...pattern, target: [1] }));
  const state = new Simulation(model).state();
  const b = logit(0.8999);
  state.weights = [[[0, logit(0.9003) - b]]];
  state.biases = [[b]];
  return serializeModel({ ...model, state });
}

const EXPECTED = [
  { name: '00', output: '0.8999', correct: false },
  { name: '01', output: '0.9003', correct: true },
  { name: '10', output: '0.8999', correct: false },
  { name: '11', output: '0.9003', correct: true },
];

async function openStraddling(page: Page): Promise<void> {
  await withoutFileAccess(page);
  await page.goto('/');
  await openThroughPicker(page, { name: 'straddling.bplab', mimeType: 'application/json', buffer: Buffer.from(straddlingModel()) });
  await expect(page.getByTestId('status')).toHaveText('Ready');
}

test('the Train tab’s Outputs table follows the run in slow motion, epoch by epoch', async ({ page }) => {
  await openExample(page, 'XOR');
  await setSetting(page, 'Max epochs', '1000000');
  await page.getByLabel('Display').selectOption({ label: 'Slow: 5 epochs/s' });
  const heading = page.locator('#patterns-heading');
  await expect(heading).toContainText('after epoch 0');
  const before = await page.getByTestId('pattern-output').allInnerTexts();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Training…');
  const tableEpoch = async () => Number(/after epoch (\d+)/.exec((await heading.textContent()) ?? '')?.[1]);
  await expect.poll(tableEpoch, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  // Still training: the table moved with the run, not at its end.
  await expect(page.getByTestId('status')).toHaveText('Training…');
  expect(await page.getByTestId('pattern-output').allInnerTexts()).not.toEqual(before);
  // It shows no epoch the run has not reached, and keeps up with it (a view every 200 ms at 5 epochs/s).
  const shown = await tableEpoch();
  const run = Number(await page.getByTestId('epoch').textContent());
  expect(shown).toBeLessThanOrEqual(run + 1);
  expect(shown).toBeGreaterThanOrEqual(run - 3);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Paused');
  await expect(heading).toContainText(`after epoch ${await page.getByTestId('epoch').textContent()}`);
});

test('the Train tab shows each output with the digits its verdict depends on', async ({ page }) => {
  await openStraddling(page);
  const rows = page.getByTestId('pattern-row');
  await expect(rows).toHaveCount(4);
  for (const [p, expected] of EXPECTED.entries()) {
    await expect(rows.nth(p).getByTestId('pattern-output')).toHaveText(expected.output);
    await expect(rows.nth(p).locator('td').last()).toHaveText(expected.correct ? '✓ yes' : '✗ no');
  }
});

test('the Test tab shows each output and error with the digits its verdict depends on', async ({ page }) => {
  await openStraddling(page);
  await page.getByRole('tab', { name: 'Test', exact: true }).click();
  const rows = page.getByTestId('result-row');
  await expect(rows).toHaveCount(4);
  for (const [p, expected] of EXPECTED.entries()) {
    await expect(rows.nth(p).getByTestId('result-output')).toHaveText(expected.output);
    await expect(rows.nth(p).locator('td').last()).toHaveText(expected.correct ? '✓ yes' : '✗ no');
  }
  // The presented pattern: output, and the error e = t − o beside "within 0.1".
  await page.getByLabel('Pattern', { exact: true }).selectOption({ label: '00' });
  await expect(page.getByTestId('presented-output')).toHaveText('0.8999');
  await expect(page.getByTestId('presented-unit').locator('td').nth(3)).toHaveText('0.1001');
  await expect(page.getByTestId('presented-correct')).toContainText('✗ not correct');
  await page.getByLabel('Pattern', { exact: true }).selectOption({ label: '01' });
  await expect(page.getByTestId('presented-output')).toHaveText('0.9003');
  await expect(page.getByTestId('presented-unit').locator('td').nth(3)).toHaveText('0.0997');
  await expect(page.getByTestId('presented-correct')).toContainText('✓ correct');
});
