/**
 * Graph networks in the app, the finishing touches: the header says what the graph is; the Weights tab's
 * diagram draws its projections; a projection dropped where it cannot go says why; the Test tab keeps each
 * output layer's values apart and Step through shows every output layer's targets; the Representations tab
 * analyses a graph's layers. Screenshots at 1366×768 go to the test's output folder.
 */
import type { Page } from '@playwright/test';
import { findExample } from '../../src-shared/data/examples';
import { checkConsistency } from '../../src-shared/model/consistency';
import type { ModelDocument } from '../../src-shared/model/schema';
import { serializeModel } from '../../src-shared/model/serialize';
import { expect, openExample, openThroughPicker, test, withoutFileAccess } from './app';

async function openModel(page: Page, model: ModelDocument): Promise<void> {
  await withoutFileAccess(page);
  await page.goto('/');
  await openThroughPicker(page, { name: 'graph.bplab', mimeType: 'application/json', buffer: Buffer.from(serializeModel(model)) });
  await expect(page.getByTestId('status')).toHaveText('Ready');
}

/** XOR and AND of two inputs from one hidden layer: two output layers, each a block of the target. */
function twoOutputs(): ModelDocument {
  const xor = findExample('xor')!.build();
  const and = (input: readonly number[]) => (input[0] === 1 && input[1] === 1 ? 1 : 0);
  const model: ModelDocument = {
    ...xor,
    name: 'XOR and AND',
    layers: [
      { ...xor.layers[0], name: 'input' },
      { ...xor.layers[1], name: 'hidden', units: 3 },
      { ...xor.layers[2], name: 'xor' },
      { ...xor.layers[2], name: 'and' },
    ],
    projections: [{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 1, to: 3 }],
    patterns: xor.patterns.map((p) => ({ ...p, target: [p.target[0], and(p.input as number[])] })),
  };
  expect(checkConsistency(model)).toEqual([]);
  return model;
}

/** A layer's card by the layer's name (its label reads "Layer 1: hidden, hidden, 1 unit, logistic"). */
const card = (page: Page, name: string) => page.locator(`[data-testid="layer-card"][aria-label*=": ${name}, "]`);

test('the header, the builder and the gallery say what a graph is; the shape stays whole at 1366×768', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Rumelhart network: living things', exact: true }).locator('xpath=..').locator('.shape')).toHaveText('8→8; 8+4→15→26 network');
  await page.getByRole('button', { name: 'Rumelhart network: living things', exact: true }).click();
  const shape = page.getByTestId('network-shape');
  await expect(shape).toHaveText('8→8; 8+4→15→26');
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('title', 'Rumelhart network: living things item 8 → representation 8; representation, relation 4 → hidden 15 → attributes 26');
  await page.getByRole('tab', { name: 'Network' }).click();
  await expect(page.getByTestId('builder-shape')).toHaveText('item 8 → representation 8; representation, relation 4 → hidden 15 → attributes 26');
  // Edited (the unsaved marker takes room too): the name shortens, never the shape.
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Rumelhart network: living things, as Rogers and McClelland describe it');
  await page.getByRole('textbox', { name: 'Name', exact: true }).press('Tab');
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();
  const clipped = await shape.evaluate((element) => {
    const heading = element.closest('h1')!.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    return box.right > heading.right + 0.5 || element.scrollWidth > element.clientWidth + 0.5;
  });
  expect(clipped).toBe(false);
  await page.screenshot({ path: testInfo.outputPath('header-rumelhart-1366.png') });
});

test('the Weights tab’s network diagram draws a graph’s projections, the 2-1-1 XOR’s skip curving past the hidden unit', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openModel(page, findExample('xor-2-1-1')!.build());
  await page.getByRole('tab', { name: 'Weights' }).click();
  const diagram = page.locator('.weights aside svg').first();
  await expect(diagram).toHaveAttribute('aria-label', /Projections: input → hidden; input → output; hidden → output\./);
  await expect(diagram.locator('path.skip[data-from="0"][data-to="2"]')).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath('weights-xor-2-1-1-1366.png') });
});

test('a projection dropped where it cannot go is not made, and the card says why', async ({ page }) => {
  await openExample(page, 'XOR with one hidden unit');
  await page.getByRole('tab', { name: 'Network' }).click();
  const drag = async (from: string, to: string) => {
    const handle = (await card(page, from).getByTestId('connect-handle').boundingBox())!;
    const target = (await card(page, to).boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 10 });
    await page.mouse.up();
  };
  await expect(card(page, 'input').getByTestId('projection-chip')).toHaveText(['hidden', 'output']);
  await drag('input', 'output');
  await expect(card(page, 'output').getByTestId('connect-refused')).toHaveText('No projection made: input already projects into output.');
  await drag('output', 'output');
  await expect(card(page, 'output').getByTestId('connect-refused')).toHaveText('No projection made: output cannot project into itself.');
  await expect(card(page, 'input').getByTestId('projection-chip')).toHaveText(['hidden', 'output']);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  // An edit clears the message.
  await page.getByRole('button', { name: 'Remove the projection from input to output' }).click();
  await expect(card(page, 'output').getByTestId('connect-refused')).toHaveText('');
});

test('two output layers: the Test table keeps their values apart, and Step through shows each layer’s targets', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const model = twoOutputs();
  await openModel(page, model);
  await page.getByRole('tab', { name: 'Test' }).click();
  const rows = page.getByTestId('train-results').getByTestId('result-row');
  await expect(rows).toHaveCount(4);
  await expect(page.getByTestId('train-results').locator('thead th').nth(2)).toHaveText(/^Target\s*xor │ and$/);
  for (let p = 0; p < 4; p++) {
    const target = rows.nth(p).getByTestId('result-target').getByTestId('result-block');
    await expect(target).toHaveCount(2);
    await expect(target.nth(0)).toHaveAttribute('title', 'xor');
    await expect(target.nth(0)).toHaveText(`xor:${model.patterns[p].target[0]}`);
    await expect(target.nth(1)).toHaveText(`and:${model.patterns[p].target[1]}`);
    await expect(rows.nth(p).getByTestId('result-output').getByTestId('result-block')).toHaveCount(2);
  }
  await page.screenshot({ path: testInfo.outputPath('test-two-outputs-1366.png') });

  await page.getByRole('tab', { name: 'Step through' }).click();
  await page.getByLabel('Look at pattern').selectOption({ label: '4: 11' });
  await page.getByTitle('Target feedback: the target t beside the output o', { exact: true }).click();
  await expect(page.getByTestId('phase-title')).toHaveAttribute('data-kind', 'target');
  const labels = page.getByTestId('target-label');
  await expect(labels).toHaveCount(2);
  await expect(page.locator('[data-testid="target-label"][data-layer="2"]')).toHaveText('t = 0');
  await expect(page.locator('[data-testid="target-label"][data-layer="3"]')).toHaveText('t = 1');
  // Each stands above its own layer's unit.
  for (const layer of [2, 3]) {
    const label = (await page.locator(`[data-testid="target-label"][data-layer="${layer}"]`).boundingBox())!;
    const unit = (await page.locator(`[data-testid="unit"][data-layer="${layer}"]`).boundingBox())!;
    expect(label.y + label.height).toBeLessThanOrEqual(unit.y + 1);
    expect(Math.abs(label.x + label.width / 2 - (unit.x + unit.width / 2))).toBeLessThan(2);
  }
  await page.getByTestId('step-diagram').screenshot({ path: testInfo.outputPath('step-two-outputs.png') });
});

test('the Representations tab analyses a graph’s layers: Rumelhart’s representation layer, one point per item', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const model = findExample('rumelhart-graph')!.build();
  await openModel(page, model);
  await page.getByRole('tab', { name: 'Representations' }).click();
  const layer = page.getByTestId('rep-layer');
  await expect(layer.locator('option')).toHaveText(['layer 2: representation', 'layer 3: hidden', 'layer 4: attributes']);
  await expect(layer).toHaveValue('2');
  await expect(page.getByTestId('rep-source')).toHaveText('Epoch 0.');
  await expect(page.getByTestId('leaf')).toHaveCount(8);
  await expect(page.getByTestId('rdm-cell')).toHaveCount(64);
  // One leaf per item, named after it (the relation plays no part in the representation layer).
  expect((await page.getByTestId('leaf').allTextContents()).sort()).toEqual([...model.layers[0].unitNames!].sort());
  await page.screenshot({ path: testInfo.outputPath('representations-rumelhart-1366.png') });
});
