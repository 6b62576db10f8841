/**
 * A graph network (several input or output layers, projections that skip layers) imported from tlearn
 * files: File → Import still says graph networks are shown from the next version, and keeps whatever was
 * open. (A graph's model file opens: graph-views.spec.ts shows its weights and patterns.)
 */
import { fileURLToPath } from 'node:url';
import { expect, openExample, test } from './app';

test('tlearn\'s 2-1-1 XOR imported through File → Import is announced as a graph, and the open model stays', async ({ page }) => {
  await openExample(page, 'XOR');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…', exact: true }).click();
  const paths = ['xor-211.cf', 'xor-211.data', 'xor-211.teach'].map((name) => fileURLToPath(new URL(`../fixtures/tlearn/${name}`, import.meta.url)));
  await (await chooser).setFiles(paths);
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('graph networks are shown in the app from the next version');
  await expect(notice).toContainText('The model you had open is unchanged');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('XOR');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2-2-1');
});
