/**
 * The Weights tab: a Hinton diagram per projection whose squares are exactly the model's weights (counted,
 * signs checked against the engine's own initial state), live while training, a unit's weights listed on
 * a click, and each figure exported as a standalone SVG.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { findExample } from '../../src-shared/data/examples';
import { Simulation } from '../../src-shared/engine/simulation';
import type { NetworkState } from '../../src-shared/model/schema';
import { createModel } from '../../src-shared/model/create';
import { expect, openExample, openThroughPicker, setSetting, test, withoutFileAccess } from './app';

const SHOTS = process.env.WEIGHTS_SHOTS;

function initialState(id: string): NetworkState {
  return new Simulation(findExample(id)!.build()).state();
}

async function openWeights(page: Page, title: string): Promise<void> {
  await openExample(page, title);
  await page.getByRole('tab', { name: 'Weights' }).click();
  await expect(page.getByTestId('hinton').first()).toBeVisible();
}

const projection = (page: Page, j: number) => page.locator(`[data-testid="hinton"][data-projection="${j}"]`);

/** Each drawn square's sign and side, in order (row by row, each row's bias last). */
async function squares(page: Page, j: number): Promise<Array<{ sign: string; side: number }>> {
  return projection(page, j)
    .locator('rect.w')
    .evaluateAll((rects) => rects.map((rect) => ({ sign: rect.getAttribute('data-sign') ?? '', side: Number(rect.getAttribute('width')) })));
}

/** The weights of projection j, row by row with each row's bias last: the order the squares are drawn. */
function drawnOrder(state: NetworkState, j: number, hasBias: boolean): number[] {
  return state.weights[j].flatMap((row, i) => (hasBias ? [...row, state.biases[j][i]] : row));
}

async function expectSquaresMatch(page: Page, id: string): Promise<void> {
  const model = findExample(id)!.build();
  const state = initialState(id);
  await expect(page.getByTestId('hinton')).toHaveCount(model.layers.length - 1);
  for (let j = 0; j < model.layers.length - 1; j++) {
    const values = drawnOrder(state, j, model.layers[j + 1].bias);
    const drawn = await squares(page, j);
    expect(drawn, `projection ${j}: one square per weight and bias`).toHaveLength(model.layers[j + 1].units * model.layers[j].units + (model.layers[j + 1].bias ? model.layers[j + 1].units : 0));
    expect(drawn.filter((s) => s.sign === 'positive')).toHaveLength(values.filter((v) => v > 0).length);
    expect(drawn.filter((s) => s.sign === 'negative')).toHaveLength(values.filter((v) => v < 0).length);
    // Each square is its own weight: signs in order, and the largest |w| draws the largest square.
    expect(drawn.map((s) => s.sign)).toEqual(values.map((v) => (v > 0 ? 'positive' : v < 0 ? 'negative' : 'zero')));
    const largest = values.reduce((best, v, i) => (Math.abs(v) > Math.abs(values[best]) ? i : best), 0);
    expect(Math.max(...drawn.map((s) => s.side))).toBe(drawn[largest].side);
  }
}

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const viewport of [{ width: 1280, height: 860 }, { width: 1366, height: 768 }]) {
      await page.setViewportSize(viewport);
      await page.screenshot({ path: `${SHOTS}/${name}-${colorScheme}-${viewport.width}.png`, fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 860 });
}

test('XOR: one square per weight and bias, filled positive and outlined negative, as in the seed’s state', async ({ page }) => {
  await openWeights(page, 'XOR');
  await expect(page.getByTestId('weights-source')).toContainText('Not trained yet — these are the seed’s initial weights');
  await expectSquaresMatch(page, 'xor');
  await expect(projection(page, 0).getByRole('img')).toHaveAttribute('aria-label', /Hinton diagram of the weights from input/);
  await expect(projection(page, 0).getByTestId('hinton-scale')).toHaveText(/^largest square = \|w\| \d/);
  await shoot(page, 'xor');
});

test('8-3-8: the squares match the initial weights, then change while training', async ({ page }) => {
  await openExample(page, '8-3-8 encoder');
  // Slow learning and no practical epoch limit, so the run is still going when the squares are compared.
  await setSetting(page, 'Learning rate λ', '0.02');
  await setSetting(page, 'Max epochs', '1000000000');
  await setSetting(page, 'Error criterion', '0');
  await page.getByRole('tab', { name: 'Weights' }).click();
  await expectSquaresMatch(page, 'encoder-8-3-8');
  const before = await squares(page, 1);

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('weights-source')).toContainText('updating live while training');
  const epochShown = async () => Number(await page.getByTestId('weights-source').getAttribute('data-epoch'));
  await expect.poll(epochShown).toBeGreaterThan(0);
  const first = await squares(page, 1);
  const firstEpoch = await epochShown();
  await expect.poll(epochShown, { timeout: 20_000 }).toBeGreaterThan(firstEpoch + 50);
  const second = await squares(page, 1);
  expect(second.map((s) => s.side)).not.toEqual(first.map((s) => s.side));
  expect(first.map((s) => s.side)).not.toEqual(before.map((s) => s.side));
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await expect(page.getByTestId('weights-source')).not.toContainText('updating live');
  await shoot(page, 'encoder-training');
});

test('clicking a unit lists its incoming and outgoing weights and its bias, the values of the state', async ({ page }) => {
  await openWeights(page, 'XOR');
  const state = initialState('xor');
  const format = (value: number) => value.toFixed(3);

  // A row label of W⁰: hidden unit 2 receives from both inputs.
  await projection(page, 0).getByRole('button', { name: 'hidden unit 2' }).click();
  await expect(page.getByTestId('chosen-unit')).toHaveText('hidden unit 2');
  const incoming = page.getByTestId('unit-incoming').getByTestId('unit-weight');
  await expect(incoming.locator('td')).toHaveText(state.weights[0][1].map(format));
  await expect(page.getByTestId('unit-bias').locator('td')).toHaveText(format(state.biases[0][1]));
  await expect(page.getByTestId('unit-outgoing').getByTestId('unit-weight').locator('td')).toHaveText([format(state.weights[1][0][1])]);
  // Highlighted in both diagrams: its row in W⁰ and its column in W¹.
  await expect(projection(page, 0).getByRole('button', { name: 'hidden unit 2' })).toHaveAttribute('aria-pressed', 'true');
  await expect(projection(page, 1).getByRole('button', { name: 'hidden unit 2' })).toHaveAttribute('aria-pressed', 'true');
  await expect(projection(page, 0).locator('rect.highlight')).toHaveCount(2);
  await expect(projection(page, 1).locator('rect.highlight')).toHaveCount(1);

  // By keyboard: along the axis with the arrow keys, then Enter.
  const firstInput = projection(page, 0).getByRole('button', { name: 'input unit 1' });
  await firstInput.focus();
  await page.keyboard.press('ArrowRight');
  await expect(projection(page, 0).getByRole('button', { name: 'input unit 2' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('chosen-unit')).toHaveText('input unit 2');
  await expect(page.getByTestId('unit-incoming')).toHaveCount(0);
  await expect(page.getByTestId('unit-outgoing').locator('td')).toHaveText([format(state.weights[0][0][1]), format(state.weights[0][1][1])]);

  // A unit in the network diagram: the output unit.
  const output = page.getByRole('button', { name: 'output unit 1' }).and(page.getByTestId('diagram-unit'));
  await output.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('chosen-unit')).toHaveText('output unit 1');
  await expect(page.getByTestId('unit-incoming').getByTestId('unit-weight').locator('td')).toHaveText(state.weights[1][0].map(format));
  await expect(page.getByTestId('unit-bias').locator('td')).toHaveText(format(state.biases[1][0]));
  await expect(output).toHaveAttribute('aria-pressed', 'true');
});

test('rumelhart: unit names on the axes, and every projection drawn weight by weight', async ({ page }) => {
  await openWeights(page, 'Rumelhart & Todd: living things');
  const model = findExample('rumelhart')!.build();
  await expectSquaresMatch(page, 'rumelhart');
  const names = model.layers[3].unitNames!;
  await expect(projection(page, 2).getByRole('toolbar', { name: /rows/ }).getByRole('button')).toHaveText(names);
  await page.getByRole('radio', { name: 'each diagram its own' }).check();
  await expect(projection(page, 0).getByTestId('hinton-scale')).toContainText('this diagram’s own scale');
  await page.getByRole('radio', { name: 'shared by all diagrams' }).check();
  await projection(page, 1).getByRole('button', { name: /representation unit 3/ }).first().click();
  await shoot(page, 'rumelhart');
});

test('Export SVG downloads each Hinton diagram and the network as standalone SVG files', async ({ page }, testInfo) => {
  await openWeights(page, '8-3-8 encoder');
  const state = initialState('encoder-8-3-8');
  const values = drawnOrder(state, 0, true);

  const download = page.waitForEvent('download');
  await projection(page, 0).getByRole('button', { name: /^Export SVG/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('input-code-w0-hinton.svg');
  const path = testInfo.outputPath('hinton.svg');
  await file.saveAs(path);
  const text = await readFile(path, 'utf8');
  expect(text).toMatch(/^<\?xml[^>]*\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(text).not.toContain('var(--');
  expect(text.match(/<rect class="w /g)).toHaveLength(3 * 8 + 3);
  expect(text.match(/<rect class="w negative"/g) ?? []).toHaveLength(values.filter((v) => v < 0).length);
  expect(text.match(/<rect class="w positive"/g) ?? []).toHaveLength(values.filter((v) => v > 0).length);

  const networkDownload = page.waitForEvent('download');
  await page.getByRole('complementary').getByRole('button', { name: 'Export SVG' }).click();
  const network = await networkDownload;
  expect(network.suggestedFilename()).toBe('8-3-8-encoder-network.svg');
  const networkPath = testInfo.outputPath('network.svg');
  await network.saveAs(networkPath);
  const networkText = await readFile(networkPath, 'utf8');
  expect(networkText.match(/<circle /g)).toHaveLength(8 + 3 + 8);
  expect(networkText).not.toContain('class="block"');
});

test('a projection over 64 units a side is painted on a canvas, and its export still holds every weight', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const layer = (kind: 'input' | 'hidden' | 'output', name: string, units: number) =>
    ({ kind, name, units, activation: kind === 'input' ? 'linear' : 'logistic', bias: kind !== 'input' }) as const;
  const model = createModel({
    name: 'Wide',
    description: 'A retina wider than 64 units.',
    layers: [layer('input', 'retina', 300), layer('hidden', 'features', 40), layer('output', 'labels', 4)],
    patterns: Array.from({ length: 4 }, (_, p) => ({
      name: `p${p}`,
      input: Array.from({ length: 300 }, (_, k) => (k % 4 === p ? 1 : 0)),
      target: Array.from({ length: 4 }, (_, k) => (k === p ? 1 : 0)),
    })),
  });
  await withoutFileAccess(page);
  await page.goto('/');
  await openThroughPicker(page, { name: 'wide.bplab', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
  await page.getByRole('tab', { name: 'Weights' }).click();

  await expect(projection(page, 0).getByTestId('hinton-canvas')).toHaveAttribute('aria-label', /from retina \(300 units/);
  await expect(projection(page, 0)).toContainText('Drawn on a canvas: 12000 weights');
  await expect(projection(page, 0)).toContainText('Each square stands for a block of 1 × 3 weights');
  await expect(projection(page, 0).locator('rect.w')).toHaveCount(0);
  // The small projection beside it is still drawn square by square.
  await expect(projection(page, 1).locator('rect.w')).toHaveCount(4 * 40 + 4);
  const painted = await projection(page, 0)
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let opaque = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) opaque++;
      return opaque / (data.length / 4);
    });
  expect(painted).toBeGreaterThan(0.5);

  const download = page.waitForEvent('download');
  await projection(page, 0).getByRole('button', { name: /^Export SVG/ }).click();
  const path = testInfo.outputPath('wide.svg');
  await (await download).saveAs(path);
  expect((await readFile(path, 'utf8')).match(/<rect class="w /g)).toHaveLength(40 * 300 + 40);
  await shoot(page, 'wide');
});
