/** The network builder: drag and drop with real mouse events, the keyboard alternatives, and the validator inline. */
import type { Page } from '@playwright/test';
import { expect, openExample, shownPatterns, test } from './app';

const cards = (page: Page) => page.getByTestId('layer-card');
const shape = (page: Page) => page.locator('#layers-heading .shape');
/** Layer names top to bottom (output first). */
const names = (page: Page) => cards(page).locator('.name input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));

async function openBuilder(page: Page, example = 'XOR'): Promise<void> {
  await openExample(page, example);
  await page.getByRole('tab', { name: 'Network' }).click();
}

test('a layer dragged from the palette lands where it is dropped', async ({ page }) => {
  await openBuilder(page);
  // Onto the upper half of the hidden card: between the output and the hidden layer.
  await page.getByRole('button', { name: 'Hidden layer' }).dragTo(cards(page).nth(1), { targetPosition: { x: 200, y: 10 } });
  await expect(shape(page)).toHaveText('2-2-2-1');
  expect(await names(page)).toEqual(['output', 'hidden 2', 'hidden', 'input']);
  // The builder's diagram is a group: its hidden units are buttons that choose units to damage.
  await expect(page.getByRole('group', { name: /Network diagram/ })).toHaveAttribute('aria-label', /hidden 2: 2 units, logistic/);

  // With the mouse itself: press, move in steps, release; into the lowest gap above the input.
  const source = page.getByRole('button', { name: 'Hidden layer' });
  await page.getByRole('radio', { name: 'tanh' }).check();
  await cards(page).nth(3).scrollIntoViewIfNeeded();
  const from = (await source.boundingBox())!;
  const input = (await cards(page).nth(3).boundingBox())!;
  await page.mouse.move(from.x + 20, from.y + 10);
  await page.mouse.down();
  await page.mouse.move(input.x + 100, input.y + 8, { steps: 8 });
  await page.mouse.up();
  await expect(shape(page)).toHaveText('2-2-2-2-1');
  expect(await names(page)).toEqual(['output', 'hidden 2', 'hidden', 'hidden 3', 'input']);
  await expect(cards(page).nth(3).locator('label.field select')).toHaveValue('tanh');
  await expect(page.getByTestId('document-problems')).toHaveCount(0);
});

test('hidden layers are reordered and removed by dragging', async ({ page }) => {
  await openBuilder(page, 'Rumelhart & Todd: living things');
  expect(await names(page)).toEqual(['attributes', 'hidden', 'representation', 'item + relation']);
  // Drag "representation" above "hidden".
  await cards(page).nth(2).locator('.grip').dragTo(cards(page).nth(1), { targetPosition: { x: 200, y: 5 } });
  expect(await names(page)).toEqual(['attributes', 'representation', 'hidden', 'item + relation']);
  await expect(shape(page)).toHaveText('12-15-8-26');

  // Drag it out onto the palette to remove it (near its top: the palette, with its Context layer item, can
  // be taller than the window, and a drop below the fold would first scroll the page).
  await cards(page).nth(1).locator('.grip').dragTo(page.getByRole('region', { name: 'Layer palette' }), { targetPosition: { x: 100, y: 60 } });
  expect(await names(page)).toEqual(['attributes', 'hidden', 'item + relation']);
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(await names(page)).toEqual(['attributes', 'representation', 'hidden', 'item + relation']);
});

test('every drag has a keyboard alternative', async ({ page }) => {
  await openBuilder(page);
  // Select the hidden card, then add a layer above it from the palette.
  await cards(page).nth(1).focus();
  await page.getByRole('button', { name: 'Hidden layer' }).press('Enter');
  expect(await names(page)).toEqual(['output', 'hidden 2', 'hidden', 'input']);
  await expect(cards(page).nth(1)).toBeFocused();

  await page.keyboard.press('Alt+ArrowDown');
  expect(await names(page)).toEqual(['output', 'hidden', 'hidden 2', 'input']);
  await expect(cards(page).nth(2)).toBeFocused();
  await page.keyboard.press('Delete');
  expect(await names(page)).toEqual(['output', 'hidden', 'input']);
  await page.getByRole('button', { name: 'Move hidden toward the input' }).click();
  expect(await names(page)).toEqual(['output', 'input', 'hidden']);
  // The validator says, on the cards, what is now in the wrong place; training waits.
  await expect(cards(page).nth(1).getByTestId('inline-problem')).toContainText('must be "hidden"');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  await page.keyboard.press('Control+z');
  expect(await names(page)).toEqual(['output', 'hidden', 'input']);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
});

test('the validator explains softmax and pattern sizes beside the fields they name', async ({ page }) => {
  await openBuilder(page);
  await cards(page).nth(1).locator('label.field select').selectOption('softmax');
  await expect(cards(page).nth(1).getByTestId('inline-problem')).toContainText('use it only on the output layer');
  await page.keyboard.press('Control+z');
  await cards(page).nth(0).locator('label.field select').selectOption('softmax');
  await expect(cards(page).nth(0).getByTestId('inline-problem')).toContainText('need the cross-entropy loss');
  await expect(page.getByTestId('document-problems')).toContainText('Layer 2 (output), activation:');
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByLabel('Loss').selectOption('cross-entropy');
  await expect(page.getByTestId('document-problems')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Network' }).click();

  // A new input size: keep the patterns as they are, and the validator names them.
  const units = cards(page).last().getByRole('textbox', { name: 'Units', exact: true });
  await units.fill('3');
  await units.press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Change the layer only' }).click();
  await expect(page.getByTestId('document-problems')).toContainText('Pattern 1 (00), input: has 2 values but the input layer has 3 units');
  // The field still has focus, so Ctrl+Z would undo its text: the Undo button undoes the document.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(shape(page)).toHaveText('2-2-1');
  await units.fill('3');
  await units.press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Change and resize the patterns' }).click();
  await expect(page.getByTestId('document-problems')).toHaveCount(0);
  await expect(shape(page)).toHaveText('3-2-1');
});

test('changing the architecture asks before it discards trained weights, and undo brings them back', async ({ page }) => {
  await openExample(page, 'XOR');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Stopped');
  const trained = await shownPatterns(page);
  const epoch = await page.getByTestId('epoch').textContent();

  await page.getByRole('tab', { name: 'Network' }).click();
  const units = cards(page).nth(1).getByRole('textbox', { name: 'Units', exact: true });
  await units.fill('3');
  await units.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Discard the trained weights?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(units).toHaveValue('2');
  await expect(shape(page)).toHaveText('2-2-1');

  await units.fill('3');
  await units.press('Enter');
  await dialog.getByRole('button', { name: 'Discard weights and change' }).click();
  await expect(shape(page)).toHaveText('2-3-1');
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByTestId('epoch')).toHaveText('0');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('epoch')).toHaveText(epoch!);
  await expect(page.getByTestId('status')).toHaveText('Paused');
  expect(await shownPatterns(page)).toEqual(trained);
});
