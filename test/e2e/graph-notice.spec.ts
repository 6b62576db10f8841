/**
 * A graph network (several input or output layers, projections that skip layers) opened in the app: the
 * views still assume a chain, so the app says graph networks are shown from the next version, and keeps
 * whatever was open, rather than draw the graph as a chain or crash.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { modelFromImport } from '../../src-shared/data/import/model';
import { importTlearnProject } from '../../src-shared/data/import/tlearn';
import { serializeModel } from '../../src-shared/model/serialize';
import { expect, openExample, openThroughPicker, test, withoutFileAccess } from './app';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/tlearn/${name}`, import.meta.url)), 'utf8');

/** tlearn's 2-1-1 XOR with direct input → output connections, as a model file. */
function graphModelFile(): Buffer {
  const project = importTlearnProject({ cf: fixture('xor-211.cf'), data: fixture('xor-211.data'), teach: fixture('xor-211.teach') });
  const { layers, projections, training } = project.network;
  return Buffer.from(serializeModel(modelFromImport({ name: 'XOR 2-1-1', imported: project, layers, projections, training })));
}

test('a graph network opened in the app is announced, not shown as a chain, and the open model stays', async ({ page }, testInfo) => {
  await withoutFileAccess(page);
  await openExample(page, 'XOR');
  await openThroughPicker(page, { name: 'xor-211.bplab', mimeType: 'application/json', buffer: graphModelFile() });
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('xor-211.bplab: This network is a graph');
  await expect(notice).toContainText('graph networks are shown in the app from the next version');
  await expect(notice).toContainText('The model you had open is unchanged');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('XOR');
  await expect(page.getByRole('heading', { level: 1 })).not.toContainText('2-1-1');
  for (const [width, height] of [[1366, 768], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: testInfo.outputPath(`graph-notice-${width}.png`) });
  }
});

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
