/**
 * The Representations tab over training (issue 15, point 2; the user guide's chapter 11): the pinned Rumelhart
 * network (test/fixtures/model/rumelhart-graph-v3.bplab), trained here in Node to its criterion with a
 * snapshot every 20 epochs (as `cli train --snapshots 20` does), opened as a file. The PCA trajectories are one
 * path per item through every snapshot, on the final epoch's basis, with Node's coordinates; the RSA curve's
 * values are Node's at every snapshot; a layer with other points and a wrong-shaped model RDM file are refused
 * with a reason; MDS places the points as classicalMds does. Its pictures are the guide's (screenshotPath).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page, TestInfo } from '@playwright/test';
import { layerRepresentation } from '../../src-shared/analysis/representations/layer-patterns';
import { classicalMds } from '../../src-shared/analysis/representations/mds';
import { framesOf, framesToShow } from '../../src-shared/analysis/representations/over-training';
import { principalComponents } from '../../src-shared/analysis/representations/pca';
import { dissimilarityMatrix } from '../../src-shared/analysis/representations/rdm';
import { rsaOverTraining } from '../../src-shared/analysis/representations/rsa-over-training';
import { pcaTrajectories } from '../../src-shared/analysis/representations/trajectories';
import { GraphRun } from '../../src-shared/engine/graph/graph-run';
import { parseModelText } from '../../src-shared/model/parse';
import type { ModelDocument } from '../../src-shared/model/schema';
import { serializeModel } from '../../src-shared/model/serialize';
import { expect, openThroughPicker, test, withoutFileAccess } from './app';
import { screenshotPath } from './screenshots';

test.use({ viewport: { width: 1366, height: 768 } });

const ITEMS = ['pine', 'oak', 'rose', 'daisy', 'robin', 'canary', 'sunfish', 'salmon'];
const REPRESENTATION = 2;

function pinnedWithSnapshots(every: number): ModelDocument {
  const parsed = parseModelText(readFileSync(fileURLToPath(new URL('../fixtures/model/rumelhart-graph-v3.bplab', import.meta.url)), 'utf8'));
  if (!parsed.ok) throw new Error('the pinned Rumelhart network does not load');
  const run = new GraphRun(parsed.model);
  run.configure({ snapshots: { kind: 'every', epochs: every } });
  run.advance(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  return run.toModel();
}

async function picture(page: Page, name: string, testInfo: TestInfo): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => new Promise((done) => { requestAnimationFrame(done); setTimeout(done, 1000); }));
  await page.screenshot({ path: screenshotPath(`guide-${name}.png`, testInfo) });
}

async function downloaded(page: Page, button: string, path: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  await (await download).saveAs(path);
  return path;
}

test('trajectories, RSA over training and MDS of the representation layer are Node’s numbers', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const model = pinnedWithSnapshots(20);
  const state = model.state!;
  expect(state.epoch).toBe(556);
  const frames = framesOf(model, framesToShow(state.snapshots!, { epoch: state.epoch, weights: state.weights, biases: state.biases }));
  const epochs = frames.map((frame) => frame.epoch);
  expect(epochs).toHaveLength(29);

  await withoutFileAccess(page);
  await page.goto('/');
  await openThroughPicker(page, { name: 'rumelhart.bplab', mimeType: 'application/json', buffer: Buffer.from(serializeModel(model)) });
  await expect(page.getByTestId('status')).toHaveText(/^(Paused|Stopped)$/);
  await page.getByRole('tab', { name: 'Representations' }).click();
  await expect(page.getByTestId('rep-source')).toHaveAttribute('data-epoch', '556');
  await expect(page.getByTestId('rep-layer')).toHaveValue(String(REPRESENTATION));

  // Trajectories: one path per item, through every snapshot to the item's point, on epoch 556's components.
  await page.getByTestId('rep-trajectories').check();
  const paths = page.getByTestId('pca-trajectory');
  await expect(paths).toHaveCount(8);
  const basis = principalComponents(layerRepresentation(model, REPRESENTATION).activations);
  const expected = pcaTrajectories(model, frames, REPRESENTATION, basis);
  for (const [p, item] of ITEMS.entries()) {
    const path = page.locator(`[data-testid="pca-trajectory"][data-label="${item}"]`);
    await expect(path).toHaveAttribute('data-epochs', epochs.join(','));
    const shown = JSON.parse((await path.getAttribute('data-path'))!) as [number, number][];
    expect(shown).toHaveLength(29);
    shown.forEach(([a, b], f) => {
      expect(a).toBeCloseTo(expected.paths[p][f][0], 12);
      expect(b).toBeCloseTo(expected.paths[p][f][1], 12);
    });
    // Each path ends at its item's point.
    expect(shown[28][0]).toBeCloseTo(Number(await page.locator(`[data-testid="pca-point"][data-label="${item}"]`).getAttribute('data-pc1')), 12);
  }
  await expect(page.getByTestId('trajectory-caption')).toHaveText('Paths through 28 snapshots, from epoch 0 (rings) to the points at epoch 556, all on epoch 556’s components.');
  const csv = (await readFile(await downloaded(page, 'Export the trajectory plot’s numbers as CSV', testInfo.outputPath('trajectories.csv')), 'utf8')).trim().split('\n');
  expect(csv[0]).toBe('epoch,pattern,PC1,PC2');
  expect(csv).toHaveLength(1 + 29 * 8);
  expect(csv[1 + 8 + 4].split(',').slice(0, 2)).toEqual(['20', 'robin']);
  expect(Number(csv[1 + 8 + 4].split(',')[2])).toBeCloseTo(expected.paths[4][1][0], 12);
  // Euclidean distances, as the guide reads this layer (the PCA does not depend on them).
  await page.getByTestId('rep-distance').selectOption('euclidean');
  await page.getByTestId('rep-linkage').selectOption('ward');
  await page.getByRole('heading', { name: 'PCA', exact: true }).scrollIntoViewIfNeeded();
  await picture(page, '11-trajectories', testInfo);

  // RSA over training with the targets: Node's ρ at every snapshot and at epoch 556.
  await page.getByTestId('rep-rsa').check();
  const rsa = page.getByTestId('rsa-over-training');
  const nodeRsa = rsaOverTraining(model, frames, REPRESENTATION, 'euclidean', { kind: 'targets' });
  const shownRsa = async () => JSON.parse((await rsa.getAttribute('data-points'))!) as [number, number | null][];
  await expect.poll(async () => (await shownRsa()).length).toBe(29);
  (await shownRsa()).forEach(([epoch, rho], f) => {
    expect(epoch).toBe(nodeRsa[f].epoch);
    expect(rho).not.toBeNull();
    expect(rho!).toBeCloseTo(nodeRsa[f].rsa.spearman!, 12);
  });
  // The representation comes to mirror the items' attributes.
  expect(nodeRsa[28].rsa.spearman!).toBeGreaterThan(0.8);
  await expect(page.getByTestId('rsa-now')).toHaveText(nodeRsa[28].rsa.spearman!.toFixed(3));
  await expect(rsa.getByTestId('epoch-chart')).toHaveAttribute('data-points', '29');
  await page.getByTestId('rsa-over-training').scrollIntoViewIfNeeded();
  await picture(page, '11-rsa-over-training', testInfo);
  const rsaCsv = (await readFile(await downloaded(page, 'Export the RSA values as CSV', testInfo.outputPath('rsa.csv')), 'utf8')).trim().split('\n');
  expect(rsaCsv[0]).toBe('epoch,spearman_rho,undefined_because');
  expect(rsaCsv).toHaveLength(30);
  const svg = await readFile(await downloaded(page, 'Export the RSA chart as SVG', testInfo.outputPath('rsa.svg')), 'utf8');
  expect(svg).toContain('<svg');

  // Looking back at the snapshot of epoch 100 (the slider's sixth position): the paths and the curve end there.
  await page.getByTestId('timeline').getByRole('slider', { name: 'Look back at a snapshot' }).fill('5');
  await expect(page.getByTestId('rep-source')).toHaveAttribute('data-epoch', '100');
  await expect(page.locator('[data-testid="pca-trajectory"][data-label="pine"]')).toHaveAttribute('data-epochs', '0,20,40,60,80,100');
  await expect.poll(async () => (await shownRsa()).map(([epoch]) => epoch)).toEqual([0, 20, 40, 60, 80, 100]);
  (await shownRsa()).forEach(([, rho], f) => expect(rho!).toBeCloseTo(nodeRsa[f].rsa.spearman!, 12));
  await page.getByRole('button', { name: 'Back to now' }).click();
  await expect(page.getByTestId('rep-source')).toHaveAttribute('data-epoch', '556');

  // The hidden layer sees item and relation (32 points): not compared with the representation's 8, and said why.
  await page.getByTestId('rsa-reference').selectOption('layer:3');
  await expect(page.getByTestId('rsa-undefined')).toContainText('layer 2 (representation) has 8 points and layer 3 (hidden) 32');
  await expect(rsa.getByTestId('epoch-chart')).toHaveCount(0);

  // A model RDM from a file: a wrong-shaped one is refused naming where; a taxonomy gives Node's ρ.
  await page.getByTestId('rsa-reference').selectOption('model');
  const file = page.getByTestId('rsa-model-file');
  await file.setInputFiles({ name: 'short.csv', mimeType: 'text/csv', buffer: Buffer.from(',pine,oak,rose\npine,0,1,2\noak,1,0\nrose,2,2,0\n') });
  await expect(page.getByTestId('rsa-file-error')).toHaveText('short.csv, line 3, column 8: row "oak" has 2 values, expected 3 (one per column)');
  const group = (item: string) => Math.floor(ITEMS.indexOf(item) / 2);
  const distance = (a: string, b: string) => (a === b ? 0 : group(a) === group(b) ? 1 : Math.floor(group(a) / 2) === Math.floor(group(b) / 2) ? 2 : 3);
  const taxonomy = [',' + ITEMS.join(','), ...ITEMS.map((a) => [a, ...ITEMS.map((b) => distance(a, b))].join(','))].join('\n');
  await file.setInputFiles({ name: 'taxonomy.csv', mimeType: 'text/csv', buffer: Buffer.from(taxonomy) });
  await expect(page.getByTestId('rsa-file-error')).toHaveCount(0);
  const modelRdm = { file: 'taxonomy.csv', labels: ITEMS, values: ITEMS.map((a) => ITEMS.map((b) => distance(a, b))) };
  const nodeModelRsa = rsaOverTraining(model, frames, REPRESENTATION, 'euclidean', { kind: 'model', rdm: modelRdm });
  await expect.poll(async () => (await shownRsa()).map(([, rho]) => rho!.toFixed(12))).toEqual(nodeModelRsa.map((point) => point.rsa.spearman!.toFixed(12)));

  // Classical MDS instead of PCA, on the chosen (Euclidean) distances; no trajectories on its axes.
  await page.getByTestId('rep-projection').selectOption('mds');
  await expect(page.getByTestId('pca-scatter')).toHaveAttribute('data-projection', 'mds');
  await expect(paths).toHaveCount(0);
  const mds = classicalMds(dissimilarityMatrix(layerRepresentation(model, REPRESENTATION).activations, 'euclidean').values);
  for (const [p, item] of ITEMS.entries()) {
    const point = page.locator(`[data-testid="pca-point"][data-label="${item}"]`);
    expect(Number(await point.getAttribute('data-pc1'))).toBeCloseTo(mds.coordinates[p][0], 12);
    expect(Number(await point.getAttribute('data-pc2'))).toBeCloseTo(mds.coordinates[p][1], 12);
  }
  await expect(page.getByText('Trajectories follow PCA’s axes: choose PCA to see them.')).toBeVisible();
});
