/**
 * The Representations tab: on the four-item network's initial weights, the PCA points, the dissimilarity
 * matrix's cells and the dendrogram's merges are the analyses computed here in Node; it follows training
 * live; screenshots at 1366×768 and 1920×1080.
 */
import { hierarchicalClustering } from '../../src-shared/analysis/representations/clustering';
import { principalComponents } from '../../src-shared/analysis/representations/pca';
import { dissimilarityMatrix } from '../../src-shared/analysis/representations/rdm';
import { findExample } from '../../src-shared/data/examples';
import { Simulation } from '../../src-shared/engine/simulation';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, openExample, test, withoutFileAccess } from './app';
import { screenshotPath } from './screenshots';

test('Representations: PCA, RDM and dendrogram of the hidden layer are the engine’s numbers, live', async ({ page }, testInfo) => {
  const example = findExample('semantic')!;
  const model = example.build();
  const hidden = new Simulation(model).activationsForAllPatterns()[1];
  const pca = principalComponents(hidden);
  const rdm = dissimilarityMatrix(hidden, 'correlation');
  const merges = hierarchicalClustering(rdm.values, 'average', 'correlation');

  await withoutFileAccess(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openExample(page, example.title);
  await page.getByRole('tab', { name: 'Representations' }).click();
  // The semantic example opens on the learning dynamics: the layer's view is the tab's other one.
  await page.getByTestId('view-layer').click();
  await expect(page.getByTestId('rep-source')).toHaveAttribute('data-epoch', '0');
  const points = page.getByTestId('pca-point');
  await expect(points).toHaveCount(4);
  for (const [p, pattern] of model.patterns.entries()) {
    const point = page.locator(`[data-testid="pca-point"][data-label="${pattern.name}"]`);
    expect(Number(await point.getAttribute('data-pc1'))).toBeCloseTo(pca.scores[p][0], 12);
    expect(Number(await point.getAttribute('data-pc2'))).toBeCloseTo(pca.scores[p][1], 12);
  }
  const cells = page.getByTestId('rdm-cell');
  await expect(cells).toHaveCount(16);
  for (let p = 0; p < 4; p++) {
    for (let q = 0; q < 4; q++) {
      const cell = page.locator(`[data-testid="rdm-cell"][data-p="${p}"][data-q="${q}"]`);
      expect(Number(await cell.getAttribute('data-value'))).toBeCloseTo(rdm.values[p][q]!, 12);
    }
  }
  await expect(page.getByTestId('branch')).toHaveCount(3 * merges.length);
  await expect(page.getByTestId('leaf')).toHaveCount(4);

  // Each figure exports: the RDM's numbers as CSV, the figure as a standalone SVG and as a PNG.
  const csv = await readFile(await downloaded(page, 'Export the dissimilarity matrix’s numbers as CSV', testInfo.outputPath('rdm.csv')), 'utf8');
  const csvRows = csv.trim().split('\n');
  expect(csvRows[0]).toBe('pattern_a,pattern_b,dissimilarity');
  expect(csvRows).toHaveLength(17);
  expect(Number(csvRows[2].split(',')[2])).toBeCloseTo(rdm.values[0][1]!, 12);
  const svg = await readFile(await downloaded(page, 'Export the dissimilarity matrix as SVG', testInfo.outputPath('rdm.svg')), 'utf8');
  expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg.match(/<rect/g)).toHaveLength(16);
  const png = await readFile(await downloaded(page, 'Export the dendrogram as PNG', testInfo.outputPath('tree.png')));
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

  // Ward on correlation distances is refused with a reason, not drawn.
  await page.getByTestId('rep-linkage').selectOption('ward');
  await expect(page.getByTestId('no-dendrogram')).toContainText('Ward’s linkage needs Euclidean distances');
  await page.getByTestId('rep-distance').selectOption('euclidean');
  await expect(page.getByTestId('branch')).toHaveCount(9);

  // Live: training moves the figures with it.
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(async () => Number(await page.getByTestId('rep-source').getAttribute('data-epoch')), { timeout: 20_000 }).toBeGreaterThan(150);
  // Paused, or stopped at its criterion: either way the figures come to show the epoch the run stands at.
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  // The run (about a second at full speed) may reach its criterion between the check and the click: a
  // forced click on the then-disabled button does nothing, and the next lines check the figures either way.
  if (await pause.isEnabled()) await pause.click({ force: true });
  const runEpoch = async () => Number((await page.locator('p.summary strong').first().textContent()) ?? '');
  await expect.poll(async () => (await page.getByTestId('rep-source').getAttribute('data-epoch')) === String(await runEpoch())).toBe(true);
  await page.screenshot({ path: screenshotPath('representations-1366.png', testInfo) });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: screenshotPath('representations-1920.png', testInfo) });
});

async function downloaded(page: Page, button: string, path: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  await (await download).saveAs(path);
  return path;
}
