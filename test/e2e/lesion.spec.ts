/**
 * Lesions in the app (issue 15, point 5; the user guide's "Lesions and savings"): the pinned Rumelhart network
 * (test/fixtures/model/rumelhart-graph-v3.bplab), trained to its criterion here in Node and opened as a file;
 * half the representation units drawn from a seed in the Network tab and lesioned. The saved file holds
 * exactly the weights lesionUnits gives here and the damage record; Undo brings back the trained weights;
 * training on draws the relearning curve with the lesion marked at its epoch. And a projection, chosen in its
 * layer's card, scaled as a whole.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page, TestInfo } from '@playwright/test';
import { GraphRun } from '../../src-shared/engine/graph/graph-run';
import { scaleProjection } from '../../src-shared/engine/lesions/damage-projection';
import { lesionUnits } from '../../src-shared/engine/lesions/lesion-units';
import { unitsAtRandom } from '../../src-shared/engine/lesions/perturb-units';
import { parseModelText } from '../../src-shared/model/parse';
import type { ModelDocument } from '../../src-shared/model/schema';
import { serializeModel } from '../../src-shared/model/serialize';
import { expect, openThroughPicker, saveByDownload, test, withoutFileAccess } from './app';
import { screenshotPath } from './screenshots';

test.use({ viewport: { width: 1366, height: 768 } });

const REPRESENTATION = 2;

function pinnedTrained(): ModelDocument {
  const parsed = parseModelText(readFileSync(fileURLToPath(new URL('../fixtures/model/rumelhart-graph-v3.bplab', import.meta.url)), 'utf8'));
  if (!parsed.ok) throw new Error('the pinned Rumelhart network does not load');
  const run = new GraphRun(parsed.model);
  run.advance(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  return run.toModel();
}

async function saved(page: Page, testInfo: TestInfo, name: string): Promise<ModelDocument> {
  const path = testInfo.outputPath(name);
  await saveByDownload(page, path);
  const parsed = parseModelText(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${name} does not load: ${JSON.stringify(parsed.problems)}`);
  return parsed.model;
}

async function picture(page: Page, name: string, testInfo: TestInfo): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => new Promise((done) => { requestAnimationFrame(done); setTimeout(done, 1000); }));
  await page.screenshot({ path: screenshotPath(`guide-${name}.png`, testInfo) });
}

test('lesioning half the representation units: the engine\'s weights, recorded, undoable, and the relearning marked', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const model = pinnedTrained();
  const epoch = model.state!.epoch;
  await withoutFileAccess(page);
  await page.goto('/');
  await openThroughPicker(page, { name: 'rumelhart.bplab', mimeType: 'application/json', buffer: Buffer.from(serializeModel(model)) });
  await expect(page.getByTestId('status')).toHaveText(/^(Paused|Stopped)$/);
  await page.getByRole('tab', { name: 'Network' }).click();
  const panel = page.getByTestId('damage-panel');
  await expect(panel.getByTestId('damage-layer')).toHaveValue(String(REPRESENTATION));

  // Units chosen in the diagram: a click chooses one, Shift-click adds, Shift+Enter on a focused unit too.
  const unit = (n: number) => page.getByRole('button', { name: new RegExp(`^representation unit ${n}( |$)`) });
  await unit(2).click();
  await unit(5).click({ modifiers: ['Shift'] });
  await unit(7).focus();
  await page.keyboard.press('Shift+Enter');
  await expect(panel.getByTestId('damage-chosen')).toHaveAttribute('data-units', '1,4,6');
  await expect(panel.getByTestId('damage-units')).toHaveValue('2, 5, 7');
  await expect(unit(5)).toHaveAttribute('aria-pressed', 'true');
  // Typed numbers choose them too.
  await panel.getByTestId('damage-units').fill('1-3, 8');
  await expect(panel.getByTestId('damage-chosen')).toHaveAttribute('data-units', '0,1,2,7');

  // Half the layer drawn from seed 1, as `cli lesion --fraction 0.5 --seed 1` draws it.
  const units = unitsAtRandom(8, 0.5, 1);
  await panel.getByTestId('damage-fraction').fill('0.5');
  await panel.getByTestId('damage-draw-seed').fill('1');
  await panel.getByTestId('damage-draw').click();
  await expect(panel.getByTestId('damage-chosen')).toHaveAttribute('data-units', units.join(','));
  await panel.getByTestId('damage-lesion').scrollIntoViewIfNeeded();
  await picture(page, '11-lesion-chosen', testInfo);
  await panel.getByTestId('damage-lesion').click();
  await expect(page.getByTestId('builder-shape')).toContainText('representation (lesioned)');
  await expect(panel.getByTestId('damage-record')).toHaveText([`epoch ${epoch}: lesion 50% of representation`]);
  // The split's units stay large enough to click: the part is written "(lesioned)" beside its layer, its full name on hover.
  const lesionedUnit = page.getByRole('button', { name: /^representation \(lesioned\) unit 1( |$)/ });
  expect((await lesionedUnit.boundingBox())!.width).toBeGreaterThanOrEqual(12);
  expect((await unit(1).boundingBox())!.width).toBeGreaterThanOrEqual(12);
  const lesionedName = page.locator('text.name[data-name="representation (lesioned)"]');
  expect(await lesionedName.evaluate((text) => text.lastChild?.textContent)).toBe('(lesioned)');
  await expect(lesionedName.locator('title')).toHaveText('representation (lesioned)');
  // No question: the lesion keeps the trained state (the point is to watch it relearn).
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const lesioned = await saved(page, testInfo, 'lesioned.bplab');
  const expected = lesionUnits(model, REPRESENTATION, units);
  expect(lesioned.layers).toEqual(expected.layers);
  expect(lesioned.projections).toEqual(expected.projections);
  expect(lesioned.state!.weights).toEqual(expected.state!.weights);
  expect(lesioned.state!.biases).toEqual(expected.state!.biases);
  expect(lesioned.state!.epoch).toBe(epoch);
  expect(lesioned.damage).toEqual([{ kind: 'lesion', epoch, layer: 'representation', layerUnits: 8, units }]);

  // Undo brings back the trained network and its weights.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('builder-shape')).not.toContainText('lesioned');
  const undone = await saved(page, testInfo, 'undone.bplab');
  expect(undone.layers).toEqual(model.layers);
  expect(undone.state!.weights).toEqual(model.state!.weights);
  expect(undone.damage).toBeUndefined();

  // Redo, and train on: the relearning curve, with the lesion marked at its epoch.
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByTestId('builder-shape')).toContainText('representation (lesioned)');
  await page.getByRole('tab', { name: 'Train' }).click();
  const display = page.getByLabel('Display');
  if ((await display.inputValue()) !== 'live') await display.selectOption('live');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(async () => Number(await page.getByTestId('tss-chart').getAttribute('data-epochs')), { timeout: 60_000 }).toBeGreaterThan(epoch + 30);
  // Pause, unless the run reaches its criterion first (then Pause is disabled and the run is Stopped).
  await page.getByRole('button', { name: 'Pause', exact: true }).click({ timeout: 5_000 }).catch(() => undefined);
  await expect(page.getByTestId('status')).toHaveText(/^(Paused|Stopped)$/);
  await expect(page.getByTestId('damage-marker')).toHaveText([`epoch ${epoch}: lesion 50% of representation`]);
  await expect(page.getByTestId('damage-marker')).toHaveAttribute('data-epoch', String(epoch));
  const chart = page.locator('[data-markers]').first();
  await expect(chart).toHaveAttribute('data-markers', '1');
  // The marker's label is drawn on the chart (its box measured as drawn).
  expect(JSON.parse((await chart.getAttribute('data-marker-labels')) ?? '[]')).toHaveLength(1);
  const notice = page.getByRole('button', { name: 'Dismiss' });
  if (await notice.isVisible()) await notice.click();
  await picture(page, '11-lesion-relearning', testInfo);
  const relearned = await saved(page, testInfo, 'relearned.bplab');
  expect(relearned.state!.epoch).toBeGreaterThan(epoch);
  expect(relearned.damage).toEqual(lesioned.damage);
  // The lesioned units' outgoing projection stayed 0 and frozen.
  const frozen = relearned.projections!.findIndex((p) => p.from === REPRESENTATION + 1);
  expect(relearned.projections![frozen].learn).toBe(false);
  expect(relearned.state!.weights[frozen].flat().every((w) => w === 0)).toBe(true);

  // Reset: the seed's weights with the lesion kept (the frozen projection at 0), and the lesion's marker goes
  // with the run it marked (drawn no more on the new run's chart).
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.getByTestId('damage-marker')).toHaveCount(0);
  await expect(chart).toHaveAttribute('data-markers', '0');
  await page.getByRole('button', { name: 'Step epoch', exact: true }).click();
  await expect.poll(async () => Number(await page.getByTestId('tss-chart').getAttribute('data-epochs'))).toBe(1);
  await expect(page.getByTestId('damage-marker')).toHaveCount(0);
  const reset = await saved(page, testInfo, 'reset.bplab');
  expect(reset.state!.epoch).toBe(1);
  expect(reset.projections![frozen]).toEqual({ ...relearned.projections![frozen], init: { kind: 'uniform', range: 0 } });
  expect(reset.state!.weights[frozen].flat().every((w) => w === 0)).toBe(true);
  expect(reset.damage).toEqual(lesioned.damage);
});

test('a projection chosen in its card, scaled as a whole: the engine\'s weights and its record', async ({ page }, testInfo) => {
  const parsed = parseModelText(readFileSync(fileURLToPath(new URL('../fixtures/model/rumelhart-graph-v3.bplab', import.meta.url)), 'utf8'));
  if (!parsed.ok) throw new Error('the pinned Rumelhart network does not load');
  const run = new GraphRun(parsed.model);
  run.advance(Number.MAX_SAFE_INTEGER, 60);
  const model = run.toModel();
  await withoutFileAccess(page);
  await page.goto('/');
  await openThroughPicker(page, { name: 'rumelhart.bplab', mimeType: 'application/json', buffer: Buffer.from(serializeModel(model)) });
  await expect(page.getByTestId('status')).toHaveText(/^(Paused|Stopped)$/);
  await page.getByRole('tab', { name: 'Network' }).click();
  const card = page.locator(`[data-layer-index="${REPRESENTATION}"]`);
  await card.getByTestId('projection-chip').focus();
  const panel = page.getByTestId('damage-panel');
  await expect(panel.getByTestId('damage-projection')).toContainText('representation → hidden');
  await panel.getByTestId('damage-factor').fill('0.5');
  await panel.getByTestId('damage-scale').click();
  await expect(panel.getByTestId('damage-record')).toHaveText(['epoch 60: scale ×0.5 representation → hidden']);
  const scaled = await saved(page, testInfo, 'scaled.bplab');
  const q = model.projections!.findIndex((p) => p.from === REPRESENTATION && p.to === REPRESENTATION + 1);
  expect(scaled.state!.weights).toEqual(scaleProjection(model, q, 0.5).state!.weights);
  expect(scaled.damage).toEqual([{ kind: 'scale', epoch: 60, layer: 'representation', to: 'hidden', factor: 0.5 }]);
  // Clicking a unit in the diagram turns the panel back to units.
  await page.getByRole('button', { name: /^representation unit 1( |$)/ }).click();
  await expect(panel.getByTestId('damage-chosen')).toHaveAttribute('data-units', '0');
});
