/**
 * The Test tab: a pattern or a typed input presented to the network (the engine's forward pass in the
 * trainer), outputs beside targets, and the table of every training and test pattern, live while training.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { ModelDocument } from '../../src-shared/model/schema';
import { expect, openExample, saveByDownload, sentCommands, setSetting, shownPatterns, test, withoutFileAccess } from './app';

async function openTest(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Test', exact: true }).click();
  await expect(page.getByTestId('presented')).toBeVisible();
}

/** The presented outputs at full precision (the cells' data-value), and as shown. */
async function presentedOutputs(page: Page): Promise<{ exact: number[]; shown: string[] }> {
  const cells = page.getByTestId('presented-output');
  return {
    exact: (await cells.evaluateAll((all) => all.map((cell) => Number(cell.getAttribute('data-value'))))),
    shown: (await cells.allInnerTexts()).map((text) => text.trim()),
  };
}

/** An independent forward pass: logistic layers, n = W h + b, straight from the saved weights. */
function forward(model: ModelDocument, input: number[]): number[] {
  const state = model.state!;
  let h = input;
  state.weights.forEach((w, j) => {
    h = w.map((row, i) => 1 / (1 + Math.exp(-(row.reduce((sum, wik, k) => sum + wik * h[k], 0) + state.biases[j][i]))));
  });
  return h;
}

test('a presented training pattern shows the output the Train tab shows and the saved weights give', async ({ page }, testInfo) => {
  await withoutFileAccess(page);
  await openExample(page, 'XOR');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Stopped');
  const trainTab = await shownPatterns(page);
  const file = testInfo.outputPath('xor-trained.bplab');
  await saveByDownload(page, file);
  const saved = JSON.parse(readFileSync(file, 'utf8')) as ModelDocument;

  await openTest(page);
  await page.getByLabel('Pattern', { exact: true }).selectOption({ label: '10' });
  await expect(page.getByRole('heading', { name: /Training pattern “10”/ })).toContainText(`after epoch ${saved.state!.epoch}`);
  await expect(page.getByTestId('presented-input')).toContainText('1');
  await expect(page.getByTestId('presented-target')).toHaveText('1');
  const { exact, shown } = await presentedOutputs(page);
  // Pattern "10" is the third row of the Train tab's table.
  expect(shown.map(Number)).toEqual(trainTab[2].output);
  const reference = forward(saved, [1, 0]);
  exact.forEach((value, k) => expect(value).toBeCloseTo(reference[k], 12));
  const pss = Number(await page.getByTestId('presented-pss').getAttribute('data-value'));
  expect(pss).toBeCloseTo((1 - reference[0]) ** 2, 12);
  await expect(page.getByTestId('presented-correct')).toContainText('correct');

  // The table: every training pattern, the same outputs, and tss summing their pss.
  const rows = page.getByTestId('result-row');
  await expect(rows).toHaveCount(4);
  for (const [p, pattern] of saved.patterns.entries()) {
    const out = forward(saved, pattern.input);
    await expect(rows.nth(p).getByTestId('result-output')).toHaveText(out[0].toFixed(3));
  }
  const tss = saved.patterns.reduce((sum, p) => sum + (p.target[0]! - forward(saved, p.input)[0]) ** 2, 0);
  await expect(page.getByTestId('train-tss')).toHaveText(tss.toFixed(4));
  expect(await sentCommands(page, 'inspect')).toContainEqual({ type: 'inspect', probe: { set: 'train', pattern: 2 } });
});

test('a typed input is presented like a pattern; a wrong one is refused with the reason', async ({ page }) => {
  await openExample(page, 'XOR');
  await page.getByRole('button', { name: /^Step( epoch)?$/ }).click();
  await expect(page.getByTestId('epoch')).toHaveText('1');
  await openTest(page);
  await page.getByLabel('Pattern', { exact: true }).selectOption({ label: '10' });
  await expect(page.getByRole('heading', { name: /Training pattern “10”/ })).toBeVisible();
  const asPattern = await presentedOutputs(page);

  const input = page.getByLabel(/^Input \(2 values\)/);
  await input.fill('1, 0');
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Typed input/ })).toBeVisible();
  expect(await presentedOutputs(page)).toEqual(asPattern);
  await expect(page.getByTestId('presented-target')).toHaveText('*');
  await expect(page.getByTestId('presented-correct')).toHaveCount(0);
  expect(await sentCommands(page, 'inspect')).toContainEqual({ type: 'inspect', probe: { input: [1, 0], target: null } });

  // A target with a decimal comma.
  await page.getByLabel(/^Target/).fill('0,5');
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(page.getByTestId('presented-target')).toHaveText('0.500');

  const before = (await sentCommands(page, 'inspect')).length;
  await input.fill('1 0 1');
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('The input layer has 2 units, but 3 values were given.');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await input.fill('1 x');
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Value 2: “x” is not a number.');
  expect(await sentCommands(page, 'inspect')).toHaveLength(before);
});

test('the table lists the test patterns when the model has some', async ({ page }) => {
  await openExample(page, 'XOR');
  await openTest(page);
  await expect(page.getByTestId('test-results')).toHaveCount(0);

  await page.getByRole('tab', { name: 'Patterns' }).click();
  await page.getByRole('radio', { name: /Test/ }).click();
  await page.getByRole('button', { name: 'Add pattern' }).click();
  const cell = page.getByRole('textbox', { name: 'test 1, input in 1', exact: true });
  await cell.fill('1');
  await cell.press('Enter');
  await openTest(page);

  const testRows = page.getByTestId('test-results').getByTestId('result-row');
  await expect(testRows).toHaveCount(1);
  await expect(testRows.first()).toContainText('test 1');
  await expect(page.getByTestId('train-results').getByTestId('result-row')).toHaveCount(4);
  await expect(page.getByTestId('test-tss')).toHaveText(/^\d\.\d{4}$/);

  // Presenting it from the table's name, or the list, shows the test pattern.
  await testRows.first().getByRole('button', { name: 'test 1' }).click();
  await expect(page.getByRole('heading', { name: /Test pattern “test 1”/ })).toBeVisible();
  await expect(page.getByTestId('presented-input')).toContainText('1');
  const presented = (await presentedOutputs(page)).shown;
  await expect(testRows.first().getByTestId('result-output')).toHaveText(presented.join(''));
  expect(await sentCommands(page, 'inspect')).toContainEqual({ type: 'inspect', probe: { set: 'test', pattern: 0 } });
});

test('the outputs follow the network live while it trains', async ({ page }) => {
  await openExample(page, '8-3-8 encoder');
  // Slow learning and no epoch limit: the run goes on until paused.
  await setSetting(page, 'Learning rate λ', '0,0005');
  await setSetting(page, 'Max epochs', '1000000000');
  await openTest(page);
  expect(await sentCommands(page, 'watch')).toContainEqual({ type: 'watch', intervalMs: 200 });
  const first = await page.getByTestId('result-output').first().innerText();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeEnabled();
  await expect.poll(() => page.getByTestId('result-output').first().innerText(), { timeout: 30_000 }).not.toBe(first);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  // Leaving the tab stops the live views.
  await page.getByRole('tab', { name: 'Patterns' }).click();
  await expect.poll(async () => (await sentCommands(page, 'watch')).at(-1)).toEqual({ type: 'watch', intervalMs: null });
});
