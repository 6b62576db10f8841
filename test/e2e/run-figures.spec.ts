/**
 * One figure for one thing: the tss summed during an epoch's updates and the exact tss after it are named
 * apart wherever they are shown, the stop message names the one the criterion uses, and "epoch N" means
 * N epochs completed on every screen.
 */
import { expect, openExample, setSetting, shownNumber, test } from './app';

test('the stop message, the readouts and the chart name the tss during the epoch and the tss after it apart', async ({ page }) => {
  await openExample(page, 'XOR');
  await setSetting(page, 'Error criterion', '0.3');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Stopped');

  const message = (await page.getByTestId('stop-message').textContent()) ?? '';
  const found = /tss during epoch ([\d.]+) fell below the error criterion 0\.3 \(tss after epoch ([\d.]+)\)/.exec(message);
  expect(found, `stop message: ${message}`).not.toBeNull();
  // Once stopped, the readout shows the exact figure after the epoch (a test pass), and says which it is.
  await expect(page.locator('#tss-label')).toHaveText('tss after epoch');
  expect(Math.abs((await shownNumber(page, 'tss')) - Number(found![2]))).toBeLessThan(5e-4);
  // The curve is the tss summed during each epoch: its legend says so.
  await expect(page.getByRole('list', { name: 'Lines' })).toContainText('tss during epoch');
});

test('"epoch N" is N epochs completed everywhere: Step through says which epoch the pattern it shows belongs to', async ({ page }) => {
  await openExample(page, 'XOR');
  await page.getByRole('button', { name: 'Step epoch', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText('1');
  await page.getByRole('button', { name: 'Step pattern', exact: true }).click();
  await expect(page.getByTestId('stop-message')).toHaveText('Presented pattern 1 of 4 (00) of epoch 2, under way (1 completed).');
  await expect(page.getByTestId('epoch')).toHaveText('1');

  await page.getByRole('tab', { name: 'Step through' }).click();
  await expect(page.getByTestId('run-summary')).toContainText('epoch 1 ·');
  await expect(page.getByTestId('step-heading')).toHaveText('Pattern 1 of 4 (00) · epoch 2, under way (1 completed)');
});
