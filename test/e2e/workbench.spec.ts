/** The workbench's everyday keys and looks: Space and → drive training, the theme follows the system or the user. */
import { expect, lastRecordedEpoch, openExample, sentCommands, test } from './app';

test('Space trains and pauses, → steps one epoch, but not while typing', async ({ page }) => {
  await openExample(page, '8-3-8 encoder');
  await page.getByRole('tab', { name: 'Train' }).focus();
  await page.locator('main').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('epoch')).toHaveText('1');
  expect(await sentCommands(page, 'step')).toEqual([{ type: 'step', epochs: 1 }]);

  // In a text field the keys are the field's own.
  const rate = page.getByLabel('Learning rate λ', { exact: true });
  await rate.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  expect(await sentCommands(page, 'train')).toEqual([]);

  await page.locator('main').click({ position: { x: 5, y: 5 } });
  await page.getByLabel('Max epochs').fill('1000000');
  await page.getByLabel('Max epochs').press('Enter');
  await page.getByLabel('Error criterion').fill('0');
  await page.getByLabel('Error criterion').press('Enter');
  await page.locator('main').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  await expect(page.getByTestId('status')).toHaveText('Training…');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('status')).toHaveText('Paused');
});

test('the theme follows the system until the user picks one, and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const dark = await background();
  await page.getByLabel('Theme').selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await background()).not.toBe(dark);
  await page.reload();
  await expect(page.getByLabel('Theme')).toHaveValue('light');
  await page.getByLabel('Theme').selectOption('system');
  expect(await background()).toBe(dark);
});

test('the other tabs say where the run stands', async ({ page }) => {
  await openExample(page, 'XOR');
  await page.getByRole('tab', { name: 'Network' }).click();
  await page.getByRole('button', { name: 'Step epoch', exact: true }).click();
  await expect(page.getByText(/epoch 1 · tss/)).toBeVisible();
});

test('an edit that reloads the trainer during a run pauses it first and loses no epoch', async ({ page }) => {
  await openExample(page, '8-3-8 encoder');
  await page.getByLabel('Learning rate λ', { exact: true }).fill('0,001');
  await page.getByLabel('Learning rate λ', { exact: true }).press('Enter');
  await page.getByLabel('Max epochs').fill('1000000000');
  await page.getByLabel('Max epochs').press('Enter');
  // No error criterion either: a fast engine would reach it before the edit below.
  await page.getByLabel('Error criterion', { exact: true }).fill('0');
  await page.getByLabel('Error criterion', { exact: true }).press('Enter');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Training…');
  await expect.poll(async () => Number(await page.getByTestId('epoch').textContent())).toBeGreaterThan(50);

  // A pattern's name is part of what the trainer holds: it must be given the model again.
  await page.getByRole('tab', { name: 'Patterns' }).click();
  const name = page.getByRole('textbox', { name: 'Name of pattern 1', exact: true });
  await name.fill('first');
  await name.press('Enter');
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByTestId('status')).toHaveText('Paused');
  const loads = await sentCommands(page, 'load');
  expect(loads).toHaveLength(2);
  const state = (loads[1].model as { state: { epoch: number; historyStride?: number } }).state;
  // The trainer continues from the paused run's last state, shown as the epoch reached.
  await expect(page.getByTestId('epoch')).toHaveText(String(state.epoch));
  expect(state.epoch).toBeGreaterThan(50);
  await expect(page.getByTestId('tss-chart')).toHaveAttribute('data-epochs', String(lastRecordedEpoch(state)));
});
