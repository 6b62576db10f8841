/**
 * The builder draws graphs: a projection dragged from one card's ⇡ handle onto another (real mouse events),
 * or chosen with the keyboard from "Connect to…"; removed with Delete or its ✕; undone. The 2-1-1 XOR built
 * from the XOR example is saved, and the file reads back as the built-in 2-1-1 example's network.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { findExample } from '../../src-shared/data/examples';
import { parseModelText } from '../../src-shared/model/parse';
import type { ModelDocument } from '../../src-shared/model/schema';
import { expect, openExample, saveByDownload, test, withoutFileAccess } from './app';

/** A layer's card by the layer's name (its label reads "Layer 1: hidden, hidden, 2 units, logistic"). */
const card = (page: Page, name: string) => page.locator(`[data-testid="layer-card"][aria-label*=": ${name}, "]`);
const diagram = (page: Page) => page.locator('.drawing svg');
const skipLabel = /Projections: input → hidden; hidden → output; input → output\./;

/** The XOR example's hidden layer cut to one unit: a 2-1-1 chain, waiting for its skip projection. */
async function xorWithOneHiddenUnit(page: Page): Promise<void> {
  await openExample(page, 'XOR');
  await page.getByRole('tab', { name: 'Network' }).click();
  const units = card(page, 'hidden').getByLabel('Units');
  await units.fill('1');
  await units.press('Enter');
  await expect(page.locator('#layers-heading .shape')).toHaveText('2-1-1');
  await expect(diagram(page)).not.toHaveAttribute('aria-label', /Projections:/);
}

/** The saved file's network: layer kinds and sizes, and its projections as a set. */
function topology(model: ModelDocument): { layers: string[]; projections: string[] } {
  return {
    layers: model.layers.map((l) => `${l.kind} ${l.units}`),
    projections: (model.projections ?? []).map((p) => `${model.layers[p.from].kind}>${model.layers[p.to].kind}`).sort(),
  };
}

test('the 2-1-1 XOR built by dragging a projection with the mouse is saved as the built-in example\'s network; Undo removes it', async ({ page }, testInfo) => {
  await withoutFileAccess(page);
  await xorWithOneHiddenUnit(page);
  // Press on the input card's ⇡ handle, move onto the output card in steps, release. On a loaded machine the
  // cards can still be moving when they are measured: a drag that missed is made again from fresh boxes.
  await expect(async () => {
    const handle = (await card(page, 'input').getByTestId('connect-handle').boundingBox())!;
    const output = (await card(page, 'output').boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(output.x + output.width / 2, output.y + output.height / 2, { steps: 10 });
    await page.mouse.up();
    await expect(diagram(page)).toHaveAttribute('aria-label', skipLabel, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(card(page, 'input').getByTestId('projection-chip')).toHaveText(['hidden', 'output']);
  await expect(card(page, 'output')).toContainText('Fed by hidden, input.');
  // The skip is drawn as curves (one per input unit), passing the hidden unit.
  await expect(diagram(page).locator('path.skip[data-from="0"][data-to="2"]')).toHaveCount(2);
  await expect(page.getByTestId('document-problems')).toHaveCount(0);

  const file = testInfo.outputPath('xor-2-1-1.bplab');
  await saveByDownload(page, file);
  const read = parseModelText(readFileSync(file, 'utf8'));
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  expect(topology(read.model)).toEqual(topology(findExample('xor-2-1-1')!.build()));
  expect(read.model.state).toBeNull();

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(diagram(page)).not.toHaveAttribute('aria-label', /Projections:/);
  await expect(card(page, 'input').getByTestId('projection-chip')).toHaveText(['hidden']);
  await expect(diagram(page).locator('path.skip')).toHaveCount(0);
});

test('the same with the keyboard: "Connect to…" and Enter; a chosen projection removed with Delete, then by its button', async ({ page }) => {
  await xorWithOneHiddenUnit(page);
  const connect = card(page, 'input').getByTestId('connect-to');
  await connect.focus();
  await page.keyboard.press('ArrowDown');
  await expect(connect).toHaveValue('2');
  await page.keyboard.press('Enter');
  await expect(diagram(page)).toHaveAttribute('aria-label', skipLabel);
  // Every target taken: the list is gone.
  await expect(connect).toHaveCount(0);

  // Choose the skip's chip (it is marked in the diagram), Delete removes it.
  const skip = card(page, 'input').getByTestId('projection-chip').filter({ hasText: 'output' });
  await skip.focus();
  await expect(diagram(page).locator('path.skip.chosen')).toHaveCount(2);
  await page.keyboard.press('Delete');
  await expect(diagram(page)).not.toHaveAttribute('aria-label', /Projections:/);
  await expect(page.getByTestId('layer-card')).toHaveCount(3);

  // Ctrl+Z brings it back; its ✕ removes it again, and cutting hidden → output leaves two loose layers, named.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(diagram(page)).toHaveAttribute('aria-label', skipLabel);
  await page.getByRole('button', { name: 'Remove the projection from input to output' }).click();
  await page.getByRole('button', { name: 'Remove the projection from hidden to output' }).click();
  const problems = page.getByTestId('document-problems');
  await expect(problems).toContainText('Layer 1 (hidden): this layer feeds no other layer');
  await expect(problems).toContainText('Layer 2 (output): nothing feeds this layer');
  await expect(card(page, 'hidden').getByTestId('inline-problem')).toContainText('this layer feeds no other layer');
});

test('a projection back into a lower layer is named as a cycle where the builder shows its problems', async ({ page }) => {
  await openExample(page, 'XOR');
  await page.getByRole('tab', { name: 'Network' }).click();
  const connect = card(page, 'output').getByTestId('connect-to');
  await connect.selectOption({ label: 'hidden' });
  await card(page, 'output').getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.locator('.layers > [data-testid="inline-problem"]')).toContainText('form a cycle, hidden → output → hidden: remove one of its projections');
  await expect(page.getByTestId('document-problems')).toContainText('The projections: form a cycle');
});

test('the gallery offers both graphs; the builder draws each at 1366×768 with no label over another label or a unit', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  for (const [title, file, layers] of [
    ['Rumelhart network: living things', 'rumelhart-graph', 5],
    ['XOR with one hidden unit', 'xor-2-1-1', 3],
  ] as const) {
    await page.goto('/');
    await page.getByRole('button', { name: title, exact: true }).click();
    await page.getByRole('tab', { name: 'Network' }).click();
    await expect(page.getByTestId('layer-card')).toHaveCount(layers);
    const boxes = await diagram(page).evaluate((svg) => {
      const box = (e: Element) => e.getBoundingClientRect();
      return {
        labels: Array.from(svg.querySelectorAll('text.name, text.detail')).map((t) => ({ text: t.textContent, ...box(t).toJSON() })),
        units: Array.from(svg.querySelectorAll('circle, rect.block')).map((c) => box(c).toJSON()),
      };
    });
    type Box = { left: number; right: number; top: number; bottom: number };
    const overlap = (a: Box, b: Box) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    boxes.labels.forEach((a, i) => {
      for (const b of boxes.labels.slice(i + 1)) expect(overlap(a, b), `${a.text} over ${b.text}`).toBe(false);
      for (const unit of boxes.units) expect(overlap(a, unit), `${a.text} over a unit`).toBe(false);
    });
    await page.screenshot({ path: testInfo.outputPath(`builder-${file}-1366.png`) });
  }
});
