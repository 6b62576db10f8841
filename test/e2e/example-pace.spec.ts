/** The small lecture examples open at a pace a room can watch: XOR's run to its criterion takes 5–20 s on screen. */
import { expect, openExample, test } from './app';

test('XOR opens in slow motion: from Train to Stopped takes 5–20 seconds on screen', async ({ page }) => {
  await openExample(page, 'XOR', { pace: 'example' });
  await expect(page.getByLabel('Display')).toHaveValue(/^slow-/);
  const started = Date.now();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Training…');
  await expect(page.getByTestId('status')).toHaveText('Stopped', { timeout: 30_000 });
  const seconds = (Date.now() - started) / 1000;
  expect(seconds).toBeGreaterThanOrEqual(5);
  expect(seconds).toBeLessThanOrEqual(20);
});

test('a model that is not an example opens at the Display choice remembered on this machine', async ({ page }) => {
  await openExample(page, 'XOR', { pace: 'example' });
  await expect(page.getByLabel('Display')).toHaveValue(/^slow-/);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page.getByLabel('Display')).toHaveValue('live');
});
