/** The app speaks the user's language: no field paths from the file format, one numbering of layers, no test files. */
import { expect, openExample, test } from './app';

test('a problem with the model is said in the app’s words, numbering layers as every other screen does', async ({ page }) => {
  await openExample(page, 'XOR');
  await page.getByRole('tab', { name: 'Network' }).click();
  const hidden = page.getByTestId('layer-card').nth(1);
  // The builder lists the output first: card 1 is the hidden layer, which Step through calls layer 1.
  await expect(hidden).toHaveAttribute('aria-label', /^Layer 1: hidden,/);
  await hidden.locator('select').selectOption('softmax');
  const problems = page.getByTestId('document-problems');
  await expect(problems).toContainText('Layer 1 (hidden), activation: softmax normalizes a whole layer');
  await expect(problems).toContainText('(Network tab)');
  await expect(problems).not.toContainText('layers[');
  await expect(problems).not.toContainText('layer 2');

  await page.keyboard.press('Control+z');
  await page.getByTestId('layer-card').nth(0).locator('label.field select').selectOption('softmax');
  // The fix is a setting: named by its label on the Train tab, not by its key in the file.
  await expect(problems).toContainText('Layer 2 (output), activation: softmax outputs need the cross-entropy loss: set Loss to Cross-entropy');
  await expect(problems).not.toContainText('training.loss');
});

test('Help’s introduction speaks to the user, not of the test suite', async ({ page, context }) => {
  await page.goto('/');
  const [guide] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'Help' }).click()]);
  await expect(guide.getByRole('heading', { level: 1 })).toHaveText('Backprop Lab user guide');
  await expect(guide.locator('main')).not.toContainText(/\.spec\.ts|test\/e2e|end-to-end test/);
});
