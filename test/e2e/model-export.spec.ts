/**
 * File → Export in the web build: the dialog opens from the document bar's Export… and with Ctrl+E, offers
 * the command line's formats in its words, and downloads what the saved document would export — a CSV of
 * the trained network's outputs, a hidden layer's activations, and tlearn's three files with what tlearn
 * cannot hold said before anything is written.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { exportTlearn, hiddenActivationsCsv, modelArrays, outputsCsv } from '../../src-shared/data/export';
import { parseModelText } from '../../src-shared/model/parse';
import type { ModelDocument } from '../../src-shared/model/schema';
import { readNpy, readZip } from '../unit/data/python-formats/independent-readers';
import { expect, openExample, saveByDownload, test, withoutFileAccess } from './app';
import { screenshotPath } from './screenshots';

/** WCAG A/AA violations inside the open dialog, contrast included. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('[data-testid="model-export"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.passes.map(({ id }) => id)).toContain('color-contrast');
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

const dialogOf = (page: Page) => page.getByRole('dialog', { name: 'Export “XOR”' });

async function trainedXor(page: Page): Promise<void> {
  await withoutFileAccess(page);
  await openExample(page, 'XOR');
  const step = page.getByRole('button', { name: 'Step epoch', exact: true });
  for (let epoch = 1; epoch <= 3; epoch++) {
    await step.click();
    await expect(page.getByTestId('epoch')).toHaveText(String(epoch));
  }
}

/** The document as Save writes it: what the exports must agree with. */
async function savedModel(page: Page, path: string): Promise<ModelDocument> {
  await saveByDownload(page, path);
  const parsed = parseModelText(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`the saved model does not read back: ${JSON.stringify(parsed.problems)}`);
  expect(parsed.model.state?.epoch).toBe(3);
  return parsed.model;
}

async function text(download: Download, path: string): Promise<string> {
  await download.saveAs(path);
  return readFileSync(path, 'utf8');
}

test('Export… in the document bar writes the trained network’s outputs and a hidden layer as CSV', async ({ page }, testInfo) => {
  await trainedXor(page);
  const model = await savedModel(page, testInfo.outputPath('xor.bplab'));

  await page.getByRole('button', { name: 'Export…', exact: true }).click();
  const dialog = dialogOf(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('after 3 epochs of training');
  // The command line's formats, by its names and in its words.
  for (const [id, words] of [
    ['outputs', 'patterns with the network’s outputs and pss (CSV)'],
    ['hidden', 'hidden-unit activations per pattern (CSV)'],
    ['weights', 'one weight layer, receiving × sending units with biases (CSV)'],
    ['curve', 'the learning curve: epoch, tss, fraction correct (CSV)'],
    ['tlearn', 'tlearn .cf, .data, .teach and .wts (and .reset for sequences)'],
    ['pat', 'PDP pattern file (.pat)'],
    ['ex', 'Lens example file (.ex)'],
    ['npz', 'NumPy arrays: weights, biases, activations, targets, curves (float64)'],
    ['npy', 'one of those arrays as a NumPy .npy file'],
    ['safetensors', 'weights and biases as safetensors, with a PyTorch model.py'],
    ['onnx', 'the network as an ONNX inference graph, float64 (opset 13)'],
    ['onnx-float32', 'the same graph in float32'],
    ['mat', 'MATLAB .mat (level 5): the .npz’s arrays'],
  ]) {
    await expect(dialog.getByRole('radio', { name: `${id} ${words}` })).toBeVisible();
  }
  await expect(dialog.getByRole('radio', { name: /^outputs/ })).toBeChecked();
  // Every export's provenance goes beside it when the format has no room for it.
  await expect(dialog.getByTestId('model-export-files')).toHaveText('Writes XOR-outputs.csv and XOR-outputs.provenance.json.');

  let download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  expect((await download).suggestedFilename()).toBe('XOR-outputs.csv');
  const outputs = await text(await download, testInfo.outputPath('XOR-outputs.csv'));
  expect(outputs.split('\n')[0]).toBe('pattern,input_1,input_2,target_output_1,output_output_1,pss');
  expect(outputs).toBe(outputsCsv(model));
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Exported XOR-outputs.csv, XOR-outputs.provenance.json.')).toBeVisible();

  // A format that takes a layer offers the network's, numbered as --layer numbers them.
  await page.getByRole('button', { name: 'Export…', exact: true }).click();
  await dialog.getByRole('radio', { name: /^hidden/ }).check();
  await expect(dialog.getByRole('combobox', { name: 'Hidden layer' })).toHaveText('layer 1: hidden (2 units)');
  await dialog.getByRole('radio', { name: /^weights/ }).check();
  await dialog.getByRole('combobox', { name: 'Weight layer' }).selectOption({ label: 'weight layer 1: hidden → output' });
  await expect(dialog.getByTestId('model-export-files')).toHaveText('Writes XOR-weights-1.csv and XOR-weights-1.provenance.json.');
  await dialog.getByRole('radio', { name: /^hidden/ }).check();
  download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  expect(await text(await download, testInfo.outputPath('XOR-hidden.csv'))).toBe(hiddenActivationsCsv(model, { layer: 1 }));
});

test('Ctrl+E opens Export; tlearn writes its files (the weights too) and says what tlearn cannot hold', async ({ page }, testInfo) => {
  await trainedXor(page);
  const model = await savedModel(page, testInfo.outputPath('xor.bplab'));

  // From the Network tab: on the Train tab a small model's outputs table (a scrolling region) sits beside
  // the curve, under the dialog, and axe then cannot tell the dialog's background (it reports the contrast
  // as incomplete, though the dialog is on top).
  await page.getByRole('tab', { name: 'Network' }).click();
  await page.keyboard.press('Control+e');
  const dialog = dialogOf(page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: /^tlearn/ }).check();
  await expect(dialog.getByTestId('model-export-files')).toHaveText('Writes XOR.cf, XOR.data, XOR.teach, XOR.wts and XOR.provenance.json.');
  const expected = exportTlearn(model);
  const notes = dialog.getByTestId('model-export-notes');
  for (const note of expected.notes) await expect(notes).toContainText(note);
  await expect(notes).toContainText('the app\'s were not written');

  // No hover highlight in the picture.
  await page.mouse.move(0, 0);
  await dialog.screenshot({ path: screenshotPath('file-export.png', testInfo) });
  expect(await violations(page)).toEqual([]);

  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect.poll(() => downloads.length).toBe(5);
  expect(downloads.map((download) => download.suggestedFilename())).toEqual(['XOR.cf', 'XOR.data', 'XOR.teach', 'XOR.wts', 'XOR.provenance.json']);
  const written = await Promise.all(downloads.map((download) => text(download, testInfo.outputPath(download.suggestedFilename()))));
  expect(written.slice(0, 4)).toEqual([expected.cf, expected.data, expected.teach, expected.wts]);
  expect(written[0]).toContain('NODES:');
  expect(written[3]).toMatch(/^NETWORK CONFIGURED BY TLEARN\n# weights after 12 sweeps\n/);
  expect(JSON.parse(written[4])).toMatchObject({ app: 'Backprop Lab', format: 'tlearn', model: 'XOR', epoch: 3, seed: model.training.seed });
  await expect(page.getByText('Exported XOR.cf, XOR.data, XOR.teach, XOR.wts, XOR.provenance.json.')).toBeVisible();
});

test('npz downloads the trained network’s arrays, read back by an independent reader, with its provenance inside', async ({ page }, testInfo) => {
  await trainedXor(page);
  const model = await savedModel(page, testInfo.outputPath('xor.bplab'));
  await page.getByRole('button', { name: 'Export…', exact: true }).click();
  const dialog = dialogOf(page);
  await dialog.getByRole('radio', { name: /^npz/ }).check();
  await expect(dialog.getByTestId('model-export-files')).toHaveText('Writes XOR.npz.');
  for (const size of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${process.env.BPLAB_SCREENSHOT_DIR ?? testInfo.outputDir}/export-npz-${size.width}.png` });
  }
  expect(await violations(page)).toEqual([]);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  expect((await download).suggestedFilename()).toBe('XOR.npz');
  const path = testInfo.outputPath('XOR.npz');
  await (await download).saveAs(path);
  const entries = readZip(readFileSync(path));
  for (const array of modelArrays(model)) {
    const read = readNpy(entries.get(`${array.name}.npy`)!);
    expect(read.shape, array.name).toEqual(array.shape);
    expect(Array.from(read.data), array.name).toEqual(Array.from(array.data));
  }
  expect(JSON.parse(new TextDecoder().decode(entries.get('provenance.json')))).toMatchObject({ format: 'npz', model: 'XOR', epoch: 3 });
  await expect(page.getByText('Exported XOR.npz.')).toBeVisible();
});

test('a format the model cannot give says why and writes nothing (in the dark theme)', async ({ page }) => {
  await openExample(page, 'AND');
  // From the Network tab, as above: axe sees the outputs table's scrolling region through the dialog.
  await page.getByRole('tab', { name: 'Network' }).click();
  await page.getByLabel('Theme').selectOption('dark');
  await page.getByRole('button', { name: 'Export…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export “AND”' });
  await expect(dialog).toContainText('The model is not trained yet');
  await dialog.getByRole('radio', { name: /^hidden/ }).check();
  await expect(dialog.getByRole('alert')).toHaveText('Cannot export hidden: the network has no hidden layer, so it has no hidden-unit activations to export.');
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
  expect(await violations(page)).toEqual([]);
  // Escape closes it, as Cancel does.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
