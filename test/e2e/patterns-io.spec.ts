/**
 * Importing patterns into the open model from the Patterns tab (CSV through the column picker, tlearn,
 * .pat), replacing a set after asking as one undoable edit, and exporting a set that imports back the same.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { findExample } from '../../src-shared/data/examples';
import { importPdpPat } from '../../src-shared/data/import';
import { expect, openExample, saveByDownload, test, withoutFileAccess } from './app';

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));
const rows = (page: Page) => page.getByTestId('grid-row');

async function openPatterns(page: Page): Promise<void> {
  await openExample(page, 'XOR');
  await page.getByRole('tab', { name: 'Patterns' }).click();
  await expect(rows(page)).toHaveCount(4);
}

/** Every cell of the grid as shown: name, inputs, targets, a row per pattern. */
async function gridContents(page: Page): Promise<string[][]> {
  const contents: string[][] = [];
  for (const row of await rows(page).all()) contents.push(await row.locator('input').evaluateAll((cells) => cells.map((c) => (c as HTMLInputElement).value)));
  return contents;
}

/** Clicks Import patterns… and picks the files in the chooser it opens. */
async function importFiles(page: Page, ...paths: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import patterns…' }).click();
  await (await chooser).setFiles(paths);
}

test('a CSV with semicolons and decimal commas is imported through the column picker; one Undo restores the patterns', async ({ page }, testInfo) => {
  await withoutFileAccess(page);
  await openPatterns(page);
  const before = await gridContents(page);
  const savedBefore = testInfo.outputPath('before.bplab');
  await saveByDownload(page, savedBefore);

  await importFiles(page, fixture('csv/european.csv'));
  const picker = page.getByTestId('column-picker');
  await expect(picker).toBeVisible();
  await expect(picker).toContainText('Semicolon-separated, decimal comma');
  // Defaults from the header: the text column names the patterns, x and y are inputs, target the target.
  const use = (column: string) => picker.getByLabel(`Use column ${column} as`);
  await expect(use('word')).toHaveValue('name');
  await expect(use('x')).toHaveValue('input');
  await expect(use('y')).toHaveValue('input');
  await expect(use('target')).toHaveValue('target');
  const importButton = picker.getByRole('button', { name: 'Import 3 patterns' });
  await expect(importButton).toBeEnabled();

  // A pick that does not fit the network is explained, and cannot be imported.
  await use('target').selectOption('input');
  await expect(page.getByTestId('column-problems')).toContainText('Pick 2 input columns: the input layer has 2 units (3 are picked).');
  await expect(page.getByTestId('column-problems')).toContainText('Pick 1 target column: the output layer has 1 unit (none are picked).');
  await expect(importButton).toBeDisabled();
  await use('target').selectOption('target');
  await expect(importButton).toBeEnabled();
  await importButton.click();

  const question = page.getByRole('dialog', { name: 'Replace the training patterns?' });
  await expect(question).toContainText('Replace the 4 current training patterns with 3 imported ones from european.csv?');
  await question.getByRole('button', { name: 'Replace with 3 patterns' }).click();
  await expect(question).toBeHidden();

  expect(await gridContents(page)).toEqual([
    ['cat', '0.5', '1', '1'],
    ['dog', '1.25', '0', '0'],
    ['semi;colon', '-0.75', '1', '*'],
  ]);
  await expect(page.getByTestId('patterns-io-message')).toContainText('Imported 3 training patterns from european.csv');
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();

  // One undo step brings back exactly the old patterns: the same grid, the same bytes.
  await page.getByRole('button', { name: 'Undo' }).click();
  expect(await gridContents(page)).toEqual(before);
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
  const savedAfter = testInfo.outputPath('after-undo.bplab');
  await saveByDownload(page, savedAfter);
  expect(readFileSync(savedAfter, 'utf8')).toBe(readFileSync(savedBefore, 'utf8'));
});

test('Cancel leaves the patterns as they were', async ({ page }) => {
  await openPatterns(page);
  const before = await gridContents(page);
  await importFiles(page, fixture('pdp/xor.pat'));
  const question = page.getByRole('dialog', { name: 'Replace the training patterns?' });
  await question.getByRole('button', { name: 'Cancel' }).click();
  expect(await gridContents(page)).toEqual(before);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('a malformed tlearn file is refused with its line and column', async ({ page }) => {
  await openPatterns(page);
  const before = await gridContents(page);
  await importFiles(page, fixture('tlearn/bad-value.data'), fixture('tlearn/xor.teach'));
  const message = page.getByTestId('patterns-io-message');
  await expect(message).toHaveAttribute('role', 'alert');
  await expect(message).toContainText(/bad-value\.data, line 4, column 3: /);
  expect(await gridContents(page)).toEqual(before);

  // A .data without its .teach is explained too.
  await importFiles(page, fixture('tlearn/xor.data'));
  await expect(message).toContainText('pick both together');
});

test('patterns exported as .pat import back the same', async ({ page }, testInfo) => {
  await openPatterns(page);
  const before = await gridContents(page);

  await page.getByRole('button', { name: 'Export patterns…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the 4 training patterns' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'PDPTool (.pat)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('XOR.pat');
  const path = testInfo.outputPath('XOR.pat');
  await file.saveAs(path);
  await expect(page.getByTestId('patterns-io-message')).toContainText('Exported 4 training patterns as XOR.pat');
  // The file holds the example's patterns, as an independent reading of it says.
  const written = importPdpPat(readFileSync(path, 'utf8'), { inputs: 2, outputs: 1 }).patterns;
  expect(written).toEqual(findExample('xor')!.build().patterns);

  // Imported into the test set (empty so far), the same patterns appear there.
  await page.getByRole('radio', { name: /Test/ }).click();
  await importFiles(page, path);
  const question = page.getByRole('dialog', { name: 'Replace the test patterns?' });
  await expect(question).toContainText('Replace the 0 current test patterns with 4 imported ones from XOR.pat?');
  await question.getByRole('button', { name: 'Replace with 4 patterns' }).click();
  await expect(rows(page)).toHaveCount(4);
  expect(await gridContents(page)).toEqual(before);
  await page.getByRole('radio', { name: /Training/ }).click();
  expect(await gridContents(page)).toEqual(before);
});
