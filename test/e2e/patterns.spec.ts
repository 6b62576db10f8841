/** The pattern editor: cells, rows, spreadsheet paste and copy, don't-care targets, and the grid following a layer. */
import type { Locator, Page } from '@playwright/test';
import { expect, openExample, saveByDownload, test, withoutFileAccess } from './app';
import { readFileSync } from 'node:fs';

const rows = (page: Page) => page.getByTestId('grid-row');
const cell = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

async function openPatterns(page: Page, example = 'XOR'): Promise<void> {
  await openExample(page, example);
  await page.getByRole('tab', { name: 'Patterns' }).click();
}

/** Pastes text into the grid at the focused cell, as Ctrl+V with a spreadsheet's clipboard would. */
async function paste(target: Locator, text: string): Promise<void> {
  await target.focus();
  await target.evaluate((element, content) => {
    const data = new DataTransfer();
    data.setData('text/plain', content);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** What Ctrl+C would put on the clipboard from the focused cell. */
async function copy(target: Locator): Promise<string> {
  return target.evaluate((element) => {
    const data = new DataTransfer();
    element.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
    return data.getData('text/plain');
  });
}

test('cells and rows are edited, each one undo step', async ({ page }) => {
  await openPatterns(page);
  await expect(rows(page)).toHaveCount(4);
  const target = cell(page, '11, target out 1');
  await target.fill('0,5');
  await target.press('Enter');
  await expect(target).toHaveValue('0.5');
  // Enter moves down a row; from the last row it stays.
  await expect(target).toBeFocused();

  const bad = cell(page, '00, input in 1');
  await bad.fill('abc');
  await bad.press('Enter');
  await expect(page.getByTestId('pattern-message')).toContainText('“abc” is not a number. The value stays 0.');
  await expect(bad).toHaveAttribute('aria-invalid', 'true');
  await bad.fill('0');
  await bad.press('Enter');
  await expect(page.getByTestId('pattern-message')).toHaveCount(0);

  await page.getByRole('button', { name: 'Add pattern' }).click();
  await expect(rows(page)).toHaveCount(5);
  await expect(cell(page, 'Name of pattern 5')).toHaveValue('p5');
  await cell(page, '01, input in 2').click();
  await page.getByRole('button', { name: 'Duplicate' }).click();
  await expect(cell(page, 'Name of pattern 3')).toHaveValue('01 copy');
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(rows(page)).toHaveCount(5);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rows(page)).toHaveCount(6);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rows(page)).toHaveCount(4);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cell(page, '11, target out 1')).toHaveValue('0');
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
});

test('a block pasted from a spreadsheet lands at the cursor; selected cells copy out as one', async ({ page }) => {
  await openPatterns(page);
  // Two rows of name, two inputs and a target, the second past the end: a new pattern.
  await paste(cell(page, 'Name of pattern 4'), 'both\t1\t1\t0\nhalf\t0,5\t0,5\t*\n');
  await expect(rows(page)).toHaveCount(5);
  await expect(cell(page, 'Name of pattern 4')).toHaveValue('both');
  await expect(cell(page, 'half, input in 1')).toHaveValue('0.5');
  await expect(cell(page, 'half, target out 1')).toHaveValue('*');
  await expect(page.getByTestId('document-problems')).toHaveCount(0);

  // Shift+click selects a block; copying it gives the spreadsheet text back.
  await cell(page, 'Name of pattern 4').click();
  await cell(page, 'half, target out 1').click({ modifiers: ['Shift'] });
  expect(await copy(cell(page, 'half, target out 1'))).toBe('both\t1\t1\t0\nhalf\t0.5\t0.5\t*\n');

  // A block too wide for the grid is refused whole.
  await paste(cell(page, '00, target out 1'), '1\t2\t3\n');
  await expect(page.getByTestId('pattern-message')).toContainText('3 columns wide');
  await expect(cell(page, '00, target out 1')).toHaveValue('0');

  // The paste was one step.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rows(page)).toHaveCount(4);
  await expect(cell(page, 'Name of pattern 4')).toHaveValue('11');
});

test('a don’t-care target is saved as null and trains', async ({ page }, testInfo) => {
  await withoutFileAccess(page);
  await openPatterns(page);
  const target = cell(page, '11, target out 1');
  await target.fill('*');
  await target.press('Enter');
  await expect(page.locator('rect.dont-care')).toHaveCount(1);
  const file = testInfo.outputPath('dont-care.bplab');
  await saveByDownload(page, file);
  expect(JSON.parse(readFileSync(file, 'utf8')).patterns[3].target).toEqual([null]);
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Stopped');
  await expect(page.getByTestId('pattern-target').nth(3)).toHaveText('*');
});

test('the grid follows the input layer when it grows, after asking', async ({ page }) => {
  await openExample(page, 'XOR');
  await page.getByRole('tab', { name: 'Network' }).click();
  const units = page.getByTestId('layer-card').last().getByRole('textbox', { name: 'Units', exact: true });
  await units.fill('3');
  await units.press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Change and resize the patterns' }).click();
  await page.getByRole('tab', { name: 'Patterns' }).click();
  await expect(cell(page, '10, input in 3')).toHaveValue('0');
  await expect(cell(page, '10, input in 1')).toHaveValue('1');
});

test('the test set is a separate grid', async ({ page }) => {
  await openPatterns(page);
  await page.getByRole('radio', { name: /Test/ }).click();
  await expect(page.getByText('No test patterns yet')).toBeVisible();
  await page.getByRole('button', { name: 'Add pattern' }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(cell(page, 'Name of pattern 1')).toHaveValue('test 1');
  await page.getByRole('radio', { name: /Training/ }).click();
  await expect(rows(page)).toHaveCount(4);
});

/** Whether a cell shows a caret: a selected cell, not being edited, shows none (as a spreadsheet's). */
const showsCaret = (target: Locator) => target.evaluate((element) => !/^(transparent|rgba\(0, 0, 0, 0\))$/.test(getComputedStyle(element).caretColor));

test('typing into a selected cell replaces it; double-click or F2 edits in place, as in a spreadsheet', async ({ page }) => {
  await openPatterns(page);
  // Click into a cell holding 0 and type 1: the cell holds 1 (it held 10: the typing went in at the caret).
  const first = cell(page, '00, input in 1');
  await first.click();
  await expect(first).toBeFocused();
  expect(await showsCaret(first)).toBe(false);
  await page.keyboard.type('1');
  expect(await showsCaret(first)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(first).toHaveValue('1');
  // Enter commits and moves down.
  await expect(cell(page, '01, input in 1')).toBeFocused();

  // Arrows move the selection when not editing, whatever the caret would have done.
  await page.keyboard.press('ArrowRight');
  await expect(cell(page, '01, input in 2')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowUp');
  await expect(first).toBeFocused();

  // Tab commits and moves right.
  await page.keyboard.type('0,5');
  await page.keyboard.press('Tab');
  await expect(first).toHaveValue('0.5');
  await expect(cell(page, '00, input in 2')).toBeFocused();

  // Escape cancels the edit and leaves the cell selected: the arrows move again.
  await page.keyboard.type('7');
  await page.keyboard.press('Escape');
  await expect(cell(page, '00, input in 2')).toHaveValue('0');
  await page.keyboard.press('ArrowDown');
  await expect(cell(page, '01, input in 2')).toBeFocused();
  await expect(cell(page, '00, input in 2')).toHaveValue('0');

  // Double-click edits in place, the caret at the end; Left and Right then move the caret, not the cell.
  const name = cell(page, 'Name of pattern 3');
  await name.dblclick();
  expect(await name.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd])).toEqual([2, 2]);
  expect(await showsCaret(name)).toBe(true);
  await page.keyboard.press('ArrowLeft');
  await expect(name).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('!');
  await page.keyboard.press('Enter');
  await expect(name).toHaveValue('10!');

  // F2 does the same from the keyboard.
  const target = cell(page, '11, target out 1');
  await target.click();
  await page.keyboard.press('F2');
  await page.keyboard.type('.25');
  await page.keyboard.press('Enter');
  await expect(target).toHaveValue('0.25');

  // Each commit was one undo step.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(target).toHaveValue('0');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(name).toHaveValue('10');
});

test('a target outside what the output units can give is kept, marked and explained', async ({ page }) => {
  await openPatterns(page);
  const target = cell(page, '11, target out 1');
  await target.click();
  await page.keyboard.type('1.5');
  await page.keyboard.press('Enter');
  await expect(target).toHaveValue('1.5');
  await expect(target).toHaveClass(/out-of-range/);
  const warning = page.getByTestId('target-range');
  await expect(warning).toContainText('11, out 1: 1.5');
  await expect(warning).toContainText('logistic output units give values between 0 and 1');
  // Not refused: no error, and the model is still valid.
  await expect(page.getByTestId('pattern-message')).toHaveCount(0);
  await expect(target).not.toHaveAttribute('aria-invalid', 'true');

  const other = cell(page, '00, target out 1');
  await other.click();
  await page.keyboard.type('-0.2');
  await page.keyboard.press('Enter');
  await expect(other).toHaveClass(/out-of-range/);
  await expect(warning).toContainText('00, out 1: -0.2');
  // The limits themselves are fine (0 and 1 are the usual logistic targets); inputs are not judged.
  for (const fixed of [other, target]) {
    await fixed.click();
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
  }
  await expect(target).not.toHaveClass(/out-of-range/);
  await expect(warning).toHaveCount(0);
  const input = cell(page, '00, input in 1');
  await input.click();
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(input).not.toHaveClass(/out-of-range/);
  await expect(warning).toHaveCount(0);
});

test('a long stream (temporal XOR, 3,000 events) draws the rows in view; arrows, scrolling and edits reach every row', async ({ page }) => {
  await openPatterns(page, 'Temporal XOR (simple recurrent network)');
  const grid = page.getByRole('table', { name: 'Training patterns' });
  await expect(grid).toHaveAttribute('aria-rowcount', '3002');
  await expect(rows(page).first()).toBeVisible();
  expect(await rows(page).count()).toBeLessThan(200);
  // Arrows past the drawn rows bring the next ones in.
  await page.locator('#patterns-cell-0-1').click();
  for (let i = 0; i < 150; i++) await page.keyboard.press('ArrowDown');
  await expect(page.locator('#patterns-cell-150-1')).toBeFocused();
  // Scrolled to the end, the last event is drawn, and an edit there is one undo step like any other.
  await page.locator('.scroll').evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  const last = page.locator('#patterns-cell-2999-1');
  await expect(last).toBeVisible();
  const before = await last.inputValue();
  const typed = before === '1' ? '0' : '1';
  await last.click();
  await page.keyboard.type(typed);
  await page.keyboard.press('Tab');
  await expect(last).toHaveValue(typed);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(last).toHaveValue(before);
  // Halfway down, the rows drawn are the middle ones.
  await page.locator('.scroll').evaluate((element) => element.scrollTo({ top: element.scrollHeight / 2 }));
  await expect(page.locator('#patterns-cell-1500-1')).toBeAttached();
  await expect(page.locator('#patterns-cell-2999-1')).not.toBeAttached();
});
