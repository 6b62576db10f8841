/**
 * A graph network opened as a file (Rumelhart's semantic network: item → representation; representation
 * and relation → hidden → attributes): the Weights tab draws a Hinton diagram per projection, titled
 * "from → to", whose squares are the document's weights, and lists a unit's weights over every projection
 * into its layer; the Patterns tab gives each input and output layer its own block of columns, headed by
 * the layer's name, and a block pasted from a spreadsheet lands across them. None of this needs the trainer.
 */
import type { Locator, Page } from '@playwright/test';
import { findExample } from '../../src-shared/data/examples';
import { GraphRun } from '../../src-shared/engine/graph/graph-run';
import type { ModelDocument } from '../../src-shared/model/schema';
import { serializeModel } from '../../src-shared/model/serialize';
import { expect, openThroughPicker, test, withoutFileAccess } from './app';

const SHOTS = process.env.GRAPH_VIEWS_SHOTS;

/** The Rumelhart graph trained a little, so every weight has moved from its seed's value. */
function trainedRumelhart(): ModelDocument {
  const run = new GraphRun(findExample('rumelhart-graph')!.build());
  run.advance(Number.MAX_SAFE_INTEGER, 20);
  return run.toModel();
}

async function openGraph(page: Page, model: ModelDocument): Promise<void> {
  await withoutFileAccess(page);
  await page.goto('/');
  await openThroughPicker(page, { name: 'rumelhart.bplab', mimeType: 'application/json', buffer: Buffer.from(serializeModel(model)) });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Rumelhart');
}

const projection = (page: Page, q: number) => page.locator(`[data-testid="hinton"][data-projection="${q}"]`);

async function signs(diagram: Locator): Promise<string[]> {
  return diagram.locator('rect.w').evaluateAll((rects) => rects.map((rect) => rect.getAttribute('data-sign') ?? ''));
}

const signOf = (v: number) => (v > 0 ? 'positive' : v < 0 ? 'negative' : 'zero');

test('the Weights tab draws each projection of a graph, titled from → to, with the saved numbers', async ({ page }) => {
  const model = trainedRumelhart();
  const { weights, biases } = model.state!;
  await openGraph(page, model);
  await page.getByRole('tab', { name: 'Weights' }).click();
  await expect(page.getByTestId('weights-source')).toHaveText(/^Epoch 20\b/);
  await expect(page.getByTestId('hinton')).toHaveCount(4);
  await expect(page.getByTestId('hinton').locator('h3')).toHaveText(['item → representation', 'representation → hidden', 'relation → hidden', 'hidden → attributes']);
  // The bias of a layer fed by two projections is drawn once, beside the first of them.
  const biasOf = [0, 1, null, 2];
  for (let q = 0; q < 4; q++) {
    const b = biasOf[q];
    const expected = weights[q].flatMap((row, i) => (b === null ? row : [...row, biases[b][i]])).map(signOf);
    expect(await signs(projection(page, q)), `projection ${q}`).toEqual(expected);
  }
  // Hidden unit 3 (a row of relation → hidden) receives from the representation and the relation layers.
  await projection(page, 2).getByRole('button', { name: 'hidden unit 3', exact: true }).click();
  const incoming = page.getByTestId('unit-incoming');
  await expect(incoming.locator('caption')).toHaveText('Incoming, from representation and relation');
  const rows = incoming.getByTestId('unit-weight');
  await expect(rows).toHaveCount(8 + 4);
  await expect(rows.nth(8).locator('th')).toHaveText(`relation ${model.layers[1].unitNames![0]}`);
  expect(Number(await rows.nth(8).getAttribute('data-value'))).toBe(weights[2][2][0]);
  expect(Number(await rows.nth(0).getAttribute('data-value'))).toBe(weights[1][2][0]);
  expect(Number(await incoming.getByTestId('unit-bias').getAttribute('data-value'))).toBe(biases[1][2]);
  await expect(page.getByTestId('unit-outgoing').locator('caption')).toHaveText('Outgoing, to attributes');
  if (SHOTS) {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: `${SHOTS}/graph-weights-1366.png`, fullPage: true });
  }
});

test('the Patterns tab gives each input and output layer a block of columns, and a pasted block spans them', async ({ page }) => {
  const model = findExample('rumelhart-graph')!.build();
  await openGraph(page, model);
  await page.getByRole('tab', { name: 'Patterns' }).click();
  await expect(page.getByTestId('layer-block')).toHaveText(['item', 'relation', '→ attributes']);
  const [item, relation] = [model.layers[0].unitNames!, model.layers[1].unitNames!];
  const first = model.patterns[0].name;
  const cell = (name: string) => page.getByRole('textbox', { name: `${first}, ${name}`, exact: true });
  await expect(cell(`input item ${item[0]}`)).toHaveValue('1');
  // A row from a spreadsheet: the last item and the third relation.
  const row = [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0];
  const target = cell(`input item ${item[0]}`);
  await target.focus();
  await target.evaluate((element, content) => {
    const data = new DataTransfer();
    data.setData('text/plain', content);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, `${row.join('\t')}\n`);
  await expect(cell(`input item ${item[7]}`)).toHaveValue('1');
  await expect(cell(`input item ${item[0]}`)).toHaveValue('0');
  await expect(cell(`input relation ${relation[2]}`)).toHaveValue('1');
  await expect(cell(`input relation ${relation[0]}`)).toHaveValue('0');
  // A bad cell is refused naming its layer and column, and nothing is pasted.
  await target.focus();
  await target.evaluate((element) => {
    const data = new DataTransfer();
    data.setData('text/plain', '1\t0\t0\t0\t0\t0\t0\t0\t0\t*\n');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId('pattern-message')).toHaveText(`Pasted row 1, cell 10 (relation ${relation[1]}): “*” (don’t care) is for targets only. Nothing was pasted.`);
  await expect(cell(`input item ${item[7]}`)).toHaveValue('1');
  if (SHOTS) {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: `${SHOTS}/graph-patterns-1366.png` });
    await page.locator('.scroll').first().evaluate((element) => (element.scrollLeft = element.scrollWidth));
    await page.screenshot({ path: `${SHOTS}/graph-patterns-attributes-1366.png` });
  }
});
