/**
 * File → Import… makes a new document from other tools' files: a tlearn .cf with its .data and .teach
 * (the network from the .cf), a CSV through the column picker (a network built for it), a refusal that
 * leaves the open document as it was, and the unsaved-work question once the files are picked.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page, TestInfo } from '@playwright/test';
import { findExample } from '../../src-shared/data/examples';
import type { ModelDocument } from '../../src-shared/model/schema';
import { expect, openExample, saveByDownload, setSetting, test, withoutFileAccess } from './app';

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));
const SHOTS = process.env.E2E_SHOTS;

/** Clicks Import… and picks the files in the chooser it opens. */
async function importFiles(page: Page, paths: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…', exact: true }).click();
  const picker = await chooser;
  expect(picker.isMultiple(), 'several files (a tlearn .cf, .data and .teach) can be picked at once').toBe(true);
  await picker.setFiles(paths);
}

/** Writes files into the test's own output folder and returns their paths. */
function writeFiles(testInfo: TestInfo, files: Record<string, string>): string[] {
  return Object.entries(files).map(([name, text]) => {
    const path = testInfo.outputPath(name);
    mkdirSync(testInfo.outputPath(), { recursive: true });
    writeFileSync(path, text);
    return path;
  });
}

/** The open document as Save writes it (a download: the File System Access API is taken away). */
async function savedDocument(page: Page, testInfo: TestInfo, name: string): Promise<{ text: string; model: ModelDocument }> {
  const path = testInfo.outputPath(name);
  await saveByDownload(page, path);
  const text = readFileSync(path, 'utf8');
  return { text, model: JSON.parse(text) as ModelDocument };
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const units = (model: ModelDocument) => model.layers.map((layer) => layer.units);

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}/${name}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test.beforeEach(async ({ page }) => withoutFileAccess(page));

test('a tlearn .cf with its .data and .teach becomes a new, unsaved document with that network and those patterns', async ({ page }, testInfo) => {
  const paths = writeFiles(testInfo, {
    'xor.cf': 'NODES:\nnodes = 3\ninputs = 2\noutputs = 1\noutput node is 3\nCONNECTIONS:\ngroups = 0\n1-3 from 0\n1-2 from i1-i2\n3 from 1-2\nSPECIAL:\nselected = 1-3\nweight_limit = 0.5\n',
    'xor.data': 'distributed\n4\n0 0\n0 1\n1 0\n1 1\n',
    'xor.teach': 'distributed\n4\n0\n1\n1\n0\n',
  });
  await openExample(page, 'XOR');
  await importFiles(page, paths);

  await expect(heading(page)).toContainText('xor');
  await expect(heading(page)).toContainText('2-2-1');
  await expect(page.getByTestId('notice')).toContainText('Imported the tlearn network 2-2-1 from xor.cf, with 4 patterns from xor.data and xor.teach.');
  // In no file, and holding work that is nowhere else.
  await expect(page.getByTestId('unsaved-marker')).toHaveText('• unsaved');
  // Its creation is not an undo step of the document that was open before.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await expect(page.getByTestId('status')).toHaveText('Ready');
  await shoot(page, 'imported-tlearn');

  const { model } = await savedDocument(page, testInfo, 'imported.bplab');
  expect(model.name).toBe('xor');
  expect(units(model)).toEqual([2, 2, 1]);
  expect(model.layers.map((layer) => [layer.kind, layer.activation, layer.bias])).toEqual([
    ['input', 'linear', false],
    ['hidden', 'logistic', true],
    ['output', 'logistic', true],
  ]);
  // weight_limit 0.5: tlearn draws initial weights from ±0.5, a range of 1.
  expect(model.training.init).toEqual({ kind: 'uniform', range: 1 });
  const xor = findExample('xor')!.build();
  expect(model.patterns.map((p) => [p.input, p.target])).toEqual(xor.patterns.map((p) => [p.input, p.target]));
  expect(model.state).toBeNull();
  // Saved, it is a file like any other: the marker goes.
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
});

test('a CSV goes through the column picker and gets a hidden layer sized by the default rule', async ({ page }, testInfo) => {
  const [csv] = writeFiles(testInfo, {
    'letters.csv': 'word,a,b,c,d,t1,t2\nbat,0,0,0,1,1,0\ncat,1,0,0,0,0,1\nrat,0,1,1,0,1,1\n',
  });
  await openExample(page, 'XOR');
  await importFiles(page, [csv]);
  const picker = page.getByTestId('column-picker');
  await expect(picker).toBeVisible();
  const use = (column: string) => picker.getByLabel(`Use column ${column} as`);
  await expect(use('word')).toHaveValue('name');
  for (const column of ['a', 'b', 'c', 'd']) await expect(use(column)).toHaveValue('input');
  await expect(use('t1')).toHaveValue('target');
  await expect(use('t2')).toHaveValue('target');
  await shoot(page, 'import-picker');
  // Until the picker's Import, nothing has changed.
  await expect(heading(page)).toContainText('XOR');
  await picker.getByRole('button', { name: 'Import 3 patterns' }).click();
  await expect(picker).toBeHidden();

  // The rule: the geometric mean of the input and output sizes, rounded, at least 2.
  const hidden = Math.max(2, Math.round(Math.sqrt(4 * 2)));
  await expect(heading(page)).toContainText(`letters 4-${hidden}-2`);
  await expect(page.getByTestId('notice')).toContainText(`one logistic hidden layer of ${hidden} units`);
  await expect(page.getByTestId('notice')).toContainText('Check it in the Network tab');
  await shoot(page, 'imported-csv');

  const { model } = await savedDocument(page, testInfo, 'letters.bplab');
  expect(units(model)).toEqual([4, hidden, 2]);
  expect(model.layers[0].unitNames).toEqual(['a', 'b', 'c', 'd']);
  expect(model.layers[2].unitNames).toEqual(['t1', 't2']);
  expect(model.patterns).toEqual([
    { name: 'bat', input: [0, 0, 0, 1], target: [1, 0] },
    { name: 'cat', input: [1, 0, 0, 0], target: [0, 1] },
    { name: 'rat', input: [0, 1, 1, 0], target: [1, 1] },
  ]);
});

test('a malformed file or an unsupported tlearn network is refused where it is wrong, and the open document stays as it was', async ({ page }, testInfo) => {
  await openExample(page, 'XOR');
  const before = await savedDocument(page, testInfo, 'before.bplab');

  await importFiles(page, [fixture('tlearn/bad-value.data'), fixture('tlearn/xor.teach')]);
  const notice = page.getByTestId('notice');
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(notice).toContainText(/bad-value\.data, line 4, column 3: /);
  await expect(notice).toContainText('The model you had open is unchanged.');
  await shoot(page, 'import-refused');

  // A tlearn recurrent connection the app cannot build: refused, naming the line.
  await importFiles(page, [fixture('tlearn/recurrent.cf'), fixture('tlearn/xor.data'), fixture('tlearn/xor.teach')]);
  await expect(notice).toContainText(/recurrent\.cf, line 9, column 1: /);
  // (Copy-back context units, a simple recurrent network, open: recurrent-networks.spec.ts.)

  await expect(heading(page)).toContainText('XOR');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  const after = await savedDocument(page, testInfo, 'after.bplab');
  expect(after.text).toBe(before.text);
});

test('with unsaved work, Import asks once the files are picked, and Cancel keeps everything', async ({ page }) => {
  await openExample(page, 'XOR');
  await setSetting(page, 'Momentum α', '0.5');
  // The files come first: a weight file is an edit of this model (import-weights.spec.ts) and asks nothing.
  await importFiles(page, [fixture('pdp/xor.pat')]);
  const dialog = page.getByRole('dialog', { name: 'Save your changes?' });
  await expect(dialog).toContainText('Save them before you import files as a new model?');
  await shoot(page, 'import-asks');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('dialog', { name: 'Where do the inputs end?' })).toHaveCount(0);
  await expect(heading(page)).toContainText('XOR');
  await expect(page.getByLabel('Momentum α', { exact: true })).toHaveValue('0.5');
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();

  // Don't save goes on; a .pat then asks where its inputs end.
  await importFiles(page, [fixture('pdp/xor.pat')]);
  await dialog.getByRole('button', { name: 'Don’t save' }).click();
  const split = page.getByRole('dialog', { name: 'Where do the inputs end?' });
  await split.getByRole('button', { name: '2 inputs, 1 target' }).click();
  await expect(heading(page)).toContainText('xor 2-2-1');
});

test('from the first screen, a table without headings becomes a network of the columns the user picks', async ({ page }, testInfo) => {
  const [csv] = writeFiles(testInfo, { 'plain.csv': '0,1,1,0,1\n1,0,0,1,0\n1,1,1,1,1\n' });
  await page.goto('/');
  await importFiles(page, [csv]);
  const picker = page.getByTestId('column-picker');
  await expect(picker).toContainText('The new network gets an input unit for each input column');
  const use = (column: number) => picker.getByLabel(`Use column column ${column} as`);
  // The guess takes the last column as the one target; here the first two are the targets.
  await expect(use(5)).toHaveValue('target');
  for (const column of [3, 4, 5]) await use(column).selectOption('input');
  await expect(picker.getByTestId('column-problems')).toContainText('Pick at least one target column');
  await use(1).selectOption('target');
  await use(2).selectOption('target');
  await expect(picker.getByTestId('column-problems')).not.toContainText('Pick');
  await picker.getByRole('button', { name: 'Import 3 patterns' }).click();
  await expect(picker).toBeHidden();
  await expect(heading(page)).toContainText('plain 3-2-2');
  const { model } = await savedDocument(page, testInfo, 'plain.bplab');
  expect(model.patterns.map(({ input, target }) => [input, target])).toEqual([
    [[1, 0, 1], [0, 1]],
    [[0, 1, 0], [1, 0]],
    [[1, 1, 1], [1, 1]],
  ]);
});
