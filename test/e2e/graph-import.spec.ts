/**
 * A graph network (projections that skip layers) imported from tlearn files through File → Import opens as
 * the graph it is: tlearn's 2-1-1 XOR, whose inputs also project straight to the output.
 */
import { fileURLToPath } from 'node:url';
import { expect, openExample, test } from './app';

test('tlearn\'s 2-1-1 XOR imported through File → Import opens as a graph with its skip projection', async ({ page }) => {
  await openExample(page, 'XOR');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…', exact: true }).click();
  const paths = ['xor-211.cf', 'xor-211.data', 'xor-211.teach'].map((name) => fileURLToPath(new URL(`../fixtures/tlearn/${name}`, import.meta.url)));
  await (await chooser).setFiles(paths);
  // The header says the graph's shape: input 2 → hidden 1; hidden and input → output 1.
  await expect(page.getByTestId('network-shape')).toHaveText('2→1; 1+2→1');
  await expect(page.getByTestId('status')).toContainText('Ready');
  await page.getByRole('tab', { name: 'Weights' }).click();
  // One Hinton diagram per projection, the skip among them.
  await expect(page.getByRole('heading', { name: /input → output/ })).toBeVisible();
});
