/**
 * The user guide's walk-through, run as a test: each step's picture in the guide is taken here (written
 * into the guide by `npm run screenshots` only), so docs/user-guide.md never shows an app that no longer exists.
 */
import type { Page, TestInfo } from '@playwright/test';
import { expect, openThroughPicker, saveByDownload, shownNumber, test, withoutFileAccess } from './app';
import { screenshotPath } from './screenshots';

test.use({ viewport: { width: 1366, height: 768 } });

async function picture(page: Page, name: string, testInfo: TestInfo): Promise<void> {
  // No hover highlight, and every chart's last frame drawn.
  await page.mouse.move(0, 0);
  await page.evaluate(() => new Promise((done) => { requestAnimationFrame(done); setTimeout(done, 1000); }));
  await page.screenshot({ path: screenshotPath(`guide-${name}.png`, testInfo) });
}

test('build XOR from scratch, train it, step through a pattern, read the weights, save it and open it again', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await withoutFileAccess(page);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'XOR', exact: true })).toBeVisible();
  await picture(page, '1-gallery', testInfo);

  // 1. A new model: an input layer and an output layer.
  await page.getByRole('button', { name: 'New model' }).click();
  await page.getByRole('tab', { name: 'Network' }).click();
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await name.fill('My XOR');
  await name.press('Enter');
  const cards = page.getByTestId('layer-card');
  await expect(cards).toHaveCount(2);

  // 2. A hidden layer, dragged from the palette between them.
  await page.getByRole('button', { name: 'Hidden layer' }).dragTo(cards.nth(1), { targetPosition: { x: 200, y: 8 } });
  await expect(page.locator('#layers-heading .shape')).toHaveText('2-2-1');
  await cards.nth(1).click({ position: { x: 300, y: 10 } });
  await picture(page, '2-builder', testInfo);

  // 3. The four patterns of XOR, pasted from a spreadsheet over the first row.
  await page.getByRole('tab', { name: 'Patterns' }).click();
  const first = page.getByRole('textbox', { name: 'Name of pattern 1', exact: true });
  await first.focus();
  await first.evaluate((element) => {
    const data = new DataTransfer();
    data.setData('text/plain', '00\t0\t0\t0\n01\t0\t1\t1\n10\t1\t0\t1\n11\t1\t1\t0\n');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId('grid-row')).toHaveCount(4);
  await picture(page, '3-patterns', testInfo);

  // 4. Train until tss falls below the error criterion.
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Stopped');
  expect(await shownNumber(page, 'tss')).toBeLessThan(0.04);
  await picture(page, '4-trained', testInfo);

  // 5. Step through one pattern: the lecture's phases, with the engine's own numbers.
  await page.getByRole('tab', { name: 'Step through' }).click();
  await page.getByRole('button', { name: 'Present next pattern' }).click();
  await expect(page.getByTestId('step-heading')).toContainText('Pattern 1 of 4');
  const next = page.getByRole('button', { name: 'Next phase →' });
  // Forward pass (2 layers), target, error: then the deltas flowing back from the output.
  for (let phase = 0; phase < 4; phase++) await next.click();
  await expect(page.locator('#phase-title')).toContainText('Deltas back');
  await page.locator('[data-testid="unit"][data-layer="2"]').click();
  await picture(page, '5-step-through', testInfo);

  // 6. The weights as Hinton diagrams: area for size, filled for positive, outlined for negative.
  await page.getByRole('tab', { name: 'Weights' }).click();
  await expect(page.getByTestId('hinton')).toHaveCount(2);
  await page.getByTestId('hinton').first().getByRole('button', { name: 'hidden unit 2' }).click();
  await expect(page.getByTestId('chosen-unit')).toHaveText('hidden unit 2');
  await picture(page, '6-weights', testInfo);

  // 7. Save, and open the file again in a fresh window: the same weights, the same curve.
  await page.getByRole('tab', { name: 'Train' }).click();
  const file = testInfo.outputPath('xor.bplab');
  await saveByDownload(page, file);
  const epoch = await shownNumber(page, 'epoch');
  await page.reload();
  await openThroughPicker(page, file);
  await expect(page.getByTestId('epoch')).toHaveText(String(epoch));
  // The trainer has the run again (not "Loading…"), as the guide's picture shows it.
  await expect(page.getByTestId('status')).toHaveText('Paused');
  await picture(page, '7-reopened', testInfo);

  // 8. Undo: a change of architecture asks first, and Undo brings the trained weights back.
  await page.getByRole('tab', { name: 'Network' }).click();
  await cards.nth(1).getByRole('textbox', { name: 'Units', exact: true }).fill('3');
  await cards.nth(1).getByRole('textbox', { name: 'Units', exact: true }).press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await picture(page, '8-discard-question', testInfo);
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  // 9. The dark theme, for a darkened lecture hall.
  await page.getByLabel('Theme').selectOption('dark');
  await page.getByRole('tab', { name: 'Train' }).click();
  await picture(page, '9-dark', testInfo);
  await page.getByLabel('Theme').selectOption('system');
});

test('a graph in the builder: Rumelhart’s semantic network, its cards and its diagram by depth', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Rumelhart network: living things', exact: true }).click();
  await page.getByRole('tab', { name: 'Network' }).click();
  await expect(page.locator('#layers-heading .shape')).toHaveText('item 8 → representation 8; representation, relation 4 → hidden 15 → attributes 26');
  // The hidden layer's card chosen: fed by two layers, it is where the relation joins.
  const hidden = page.locator('[data-testid="layer-card"][aria-label*=": hidden, "]');
  await hidden.click({ position: { x: 300, y: 10 } });
  await expect(hidden).toContainText('Fed by representation, relation.');
  await expect(page.locator('.drawing svg')).toHaveAttribute('aria-label', /Projections: item → representation; representation → hidden; relation → hidden; hidden → attributes\./);
  await picture(page, '2-graph-builder', testInfo);
});
