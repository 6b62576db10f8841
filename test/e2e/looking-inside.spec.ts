/**
 * Looking inside Rumelhart's graph network in the app (the user guide's chapter 11): the pinned network
 * (test/fixtures/model/rumelhart-graph-v3.bplab), trained here in Node, opened as a file; the Representations
 * tab shows the representation layer as one point per item, with the PCA scores and distances computed
 * here, and the hidden layer as one point per pattern; training on moves the figures. Its pictures are the
 * guide's (through screenshotPath, written into the guide's pictures only by `npm run screenshots`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page, TestInfo } from '@playwright/test';
import { layerRepresentation } from '../../src-shared/analysis/representations/layer-patterns';
import { principalComponents } from '../../src-shared/analysis/representations/pca';
import { dissimilarityMatrix } from '../../src-shared/analysis/representations/rdm';
import { GraphRun } from '../../src-shared/engine/graph/graph-run';
import { parseModelText } from '../../src-shared/model/parse';
import type { ModelDocument } from '../../src-shared/model/schema';
import { serializeModel } from '../../src-shared/model/serialize';
import { expect, openThroughPicker, test, withoutFileAccess } from './app';
import { screenshotPath } from './screenshots';

test.use({ viewport: { width: 1366, height: 768 } });

const ITEMS = ['pine', 'oak', 'rose', 'daisy', 'robin', 'canary', 'sunfish', 'salmon'];

function pinnedTrained(epochs: number): ModelDocument {
  const parsed = parseModelText(readFileSync(fileURLToPath(new URL('../fixtures/model/rumelhart-graph-v3.bplab', import.meta.url)), 'utf8'));
  if (!parsed.ok) throw new Error('the pinned Rumelhart network does not load');
  const run = new GraphRun(parsed.model);
  run.advance(Number.MAX_SAFE_INTEGER, epochs);
  return run.toModel();
}

async function openRepresentations(page: Page, model: ModelDocument): Promise<void> {
  await withoutFileAccess(page);
  await page.goto('/');
  await openThroughPicker(page, { name: 'rumelhart.bplab', mimeType: 'application/json', buffer: Buffer.from(serializeModel(model)) });
  // A trained file opens paused (or stopped, at its criterion), ready to go on.
  await expect(page.getByTestId('status')).toHaveText(/^(Paused|Stopped)$/);
  await page.getByRole('tab', { name: 'Representations' }).click();
  await expect(page.getByTestId('rep-source')).toHaveAttribute('data-epoch', String(model.state!.epoch));
}

async function picture(page: Page, name: string, testInfo: TestInfo): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => new Promise((done) => { requestAnimationFrame(done); setTimeout(done, 1000); }));
  await page.screenshot({ path: screenshotPath(`guide-${name}.png`, testInfo) });
}

test('the representation layer of the trained network: one point per item, the numbers computed here', async ({ page }, testInfo) => {
  const model = pinnedTrained(Number.MAX_SAFE_INTEGER);
  expect(model.state!.epoch).toBe(556);
  await openRepresentations(page, model);
  await expect(page.getByTestId('rep-layer')).toHaveValue('2');
  const representation = layerRepresentation(model, 2);
  const pca = principalComponents(representation.activations);
  const points = page.getByTestId('pca-point');
  await expect(points).toHaveCount(8);
  for (const [p, item] of ITEMS.entries()) {
    const point = page.locator(`[data-testid="pca-point"][data-label="${item}"]`);
    expect(Number(await point.getAttribute('data-pc1'))).toBeCloseTo(pca.scores[p][0], 12);
    expect(Number(await point.getAttribute('data-pc2'))).toBeCloseTo(pca.scores[p][1], 12);
  }
  await expect(page.getByText('32 patterns give this layer 8 different inputs: one point each.')).toBeVisible();
  await page.getByTestId('rep-distance').selectOption('euclidean');
  await page.getByTestId('rep-linkage').selectOption('ward');
  const rdm = dissimilarityMatrix(representation.activations, 'euclidean');
  expect(Number(await page.locator('[data-testid="rdm-cell"][data-p="0"][data-q="4"]').getAttribute('data-value'))).toBeCloseTo(rdm.values[0][4]!, 12);
  await expect(page.getByTestId('leaf')).toHaveCount(8);
  await expect(page.getByTestId('branch')).toHaveCount(3 * 7);
  await picture(page, '11-representation-trained', testInfo);
  await page.getByTestId('dendrogram').scrollIntoViewIfNeeded();
  await picture(page, '11-dendrogram', testInfo);

  // The hidden layer sees item and relation: one point per pattern.
  await page.getByTestId('rep-layer').selectOption('3');
  await expect(points).toHaveCount(32);
  // Input layers are not offered: they are the patterns themselves.
  await expect(page.getByTestId('rep-layer').locator('option')).toHaveText(['layer 2: representation', 'layer 3: hidden', 'layer 4: attributes']);
});

test('the representation layer early in training: plants and animals apart, the finer splits still to come', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const model = pinnedTrained(70);
  await openRepresentations(page, model);
  await page.getByTestId('rep-distance').selectOption('euclidean');
  await page.getByTestId('rep-linkage').selectOption('ward');
  const representation = layerRepresentation(model, 2);
  const pca = principalComponents(representation.activations);
  // The first component puts the plants on one side and the animals on the other.
  const side = (p: number) => Math.sign(pca.scores[p][0]);
  expect(new Set([0, 1, 2, 3].map(side)).size).toBe(1);
  expect(new Set([4, 5, 6, 7].map(side)).size).toBe(1);
  expect(side(0)).not.toBe(side(4));
  await expect(page.getByTestId('pca-point')).toHaveCount(8);
  await picture(page, '11-representation-early', testInfo);

  // Training on moves the figures with it: the graph's live weights reach the tab.
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(async () => Number(await page.getByTestId('rep-source').getAttribute('data-epoch')), { timeout: 60_000 }).toBeGreaterThan(100);
});
