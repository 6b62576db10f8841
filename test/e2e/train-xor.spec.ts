/** The walking skeleton end to end: pick an example, train it, and drive the run from the controls. */
import { expect, openExample, sentCommands, shownNumber, shownPatterns, test } from './app';
import { screenshotPath } from './screenshots';

test('XOR trains until every pattern is correct', async ({ page }, testInfo) => {
  await openExample(page, 'XOR');
  await page.getByRole('button', { name: 'Train', exact: true }).click();

  await expect(page.getByTestId('status')).toHaveText('Stopped');
  await expect(page.getByTestId('stop-message')).toContainText('every output of every pattern was within 0.1 of its target');
  expect(await shownNumber(page, 'tss')).toBeLessThan(0.04);
  expect(await shownNumber(page, 'epoch')).toBeGreaterThan(0);

  const patterns = await shownPatterns(page);
  expect(patterns).toHaveLength(4);
  for (const { target, output } of patterns) {
    expect(output).toHaveLength(target.length);
    output.forEach((value, k) => expect(Math.abs(value - target[k])).toBeLessThan(0.2));
  }
  await expect(page.getByTestId('trainer-error')).toHaveCount(0);
  // No hover highlight in the README's picture, and the chart's last frame drawn.
  await page.mouse.move(0, 0);
  await page.evaluate(() => new Promise((done) => { requestAnimationFrame(done); setTimeout(done, 1000); }));
  await page.screenshot({ path: screenshotPath('xor-trained.png', testInfo) });
});

test('Step trains exactly one epoch', async ({ page }) => {
  await openExample(page, 'XOR');
  await expect(page.getByTestId('epoch')).toHaveText('0');
  const step = page.getByRole('button', { name: 'Step epoch', exact: true });

  await step.click();
  await expect(page.getByTestId('status')).toHaveText('Paused');
  await expect(page.getByTestId('epoch')).toHaveText('1');

  await step.click();
  await expect(page.getByTestId('epoch')).toHaveText('2');
  expect(await sentCommands(page, 'step')).toEqual([{ type: 'step', epochs: 1 }, { type: 'step', epochs: 1 }]);
});

test('Pause stops a long run', async ({ page }) => {
  await openExample(page, '8-3-8 encoder');
  // A tiny learning rate, no practical epoch limit and no error criterion: the run would go on for hours
  // (with the criterion, a fast engine reached it within seconds, before Pause).
  await page.getByLabel('Learning rate').fill('0,001');
  await page.getByLabel('Learning rate').press('Enter');
  await page.getByLabel('Max epochs').fill('1000000000');
  await page.getByLabel('Max epochs').press('Enter');
  await page.getByLabel('Error criterion', { exact: true }).fill('0');
  await page.getByLabel('Error criterion', { exact: true }).press('Enter');
  expect(await sentCommands(page, 'configure')).toEqual([
    { type: 'configure', training: { learningRate: 0.001 } },
    { type: 'configure', training: { maxEpochs: 1_000_000_000 } },
    { type: 'configure', training: { errorCriterion: 0 } },
  ]);

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Training…');
  await expect.poll(() => shownNumber(page, 'epoch')).toBeGreaterThan(100);

  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Paused');
  const pausedAt = await shownNumber(page, 'epoch');
  await page.waitForTimeout(750);
  expect(await shownNumber(page, 'epoch')).toBe(pausedAt);
  await expect(page.getByTestId('stop-message')).toHaveText(`Paused at epoch ${pausedAt}.`);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
});

test('Reset returns to epoch 0 and the outputs right after loading', async ({ page }) => {
  await openExample(page, 'XOR');
  const initial = await shownPatterns(page);
  expect(initial).toHaveLength(4);

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Stopped');
  expect(await shownPatterns(page)).not.toEqual(initial);

  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Ready');
  await expect(page.getByTestId('epoch')).toHaveText('0');
  expect(await shownPatterns(page)).toEqual(initial);
});

test('an invalid learning rate is refused with the reason and not sent', async ({ page }) => {
  await openExample(page, 'XOR');
  const learningRate = page.getByLabel('Learning rate');

  await learningRate.fill('-1');
  await learningRate.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Must be zero or more');
  await expect(learningRate).toHaveAttribute('aria-invalid', 'true');

  await learningRate.fill('abc');
  await learningRate.press('Enter');
  await expect(page.getByRole('alert')).toContainText('“abc” is not a number');
  expect(await sentCommands(page, 'configure')).toEqual([]);

  // A decimal comma is a decimal point.
  await learningRate.fill('0,1');
  await learningRate.press('Enter');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(learningRate).toHaveValue('0.1');
  expect(await sentCommands(page, 'configure')).toEqual([{ type: 'configure', training: { learningRate: 0.1 } }]);
});

test('the way back leads to the examples', async ({ page }) => {
  await openExample(page, 'XOR');
  await page.getByRole('button', { name: '← Examples' }).click();
  await expect(page.getByRole('button', { name: '8-3-8 encoder', exact: true })).toBeVisible();
  await openExample(page, '8-3-8 encoder');
  expect(await shownPatterns(page)).toHaveLength(8);
});

test('the curve can be read on a log scale', async ({ page }) => {
  await openExample(page, '8-3-8 encoder');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Stopped');
  await page.getByLabel('Log scale').check();
  await expect(page.locator('.uplot')).toHaveCount(1);
  await page.getByLabel('Log scale').uncheck();
  await expect(page.locator('.uplot')).toHaveCount(1);
});
