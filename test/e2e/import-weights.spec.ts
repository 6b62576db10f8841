/**
 * File → Import of a weight file loads its weights into the open model: a .npz the command line exported
 * from the same model with other weights gives the Test tab that model's outputs (an independent forward
 * pass says which), Undo brings the old ones back, and a file of the wrong shapes is refused, naming the
 * tensor and both shapes, the model untouched.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page, TestInfo } from '@playwright/test';
import type { ModelDocument } from '../../src-shared/model/schema';
import { expect, openExample, test, withoutFileAccess } from './app';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The command line, as `npm run cli` runs it. */
function cli(...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });
}

/** XOR, trained one epoch by the command line (so its file holds a whole state), then `edit`ed and exported (.npz by default). */
function exportedNpz(testInfo: TestInfo, name: string, edit: (model: ModelDocument) => ModelDocument, format: 'npz' | 'safetensors' = 'npz'): { path: string; model: ModelDocument } {
  const example = testInfo.outputPath('xor.bplab');
  writeFileSync(example, cli('example', 'xor'));
  const trained = testInfo.outputPath('xor-1.bplab');
  cli('train', example, '--epochs', '1', '--out', trained);
  const model = edit(JSON.parse(readFileSync(trained, 'utf8')) as ModelDocument);
  const edited = testInfo.outputPath(`${name}.bplab`);
  writeFileSync(edited, JSON.stringify(model));
  const path = testInfo.outputPath(`${name}.${format}`);
  cli('export', edited, '--to', format, '--out', path);
  return { path, model };
}

/** An independent forward pass: logistic layers, n = W h + b. */
function forward(state: { weights: number[][][]; biases: number[][] }, input: number[]): number[] {
  let h = input;
  state.weights.forEach((w, j) => {
    h = w.map((row, i) => 1 / (1 + Math.exp(-(row.reduce((sum, wik, k) => sum + wik * h[k], 0) + state.biases[j][i]))));
  });
  return h;
}

async function importFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…', exact: true }).click();
  await (await chooser).setFiles(path);
}

const outputs = (page: Page) => page.getByTestId('result-row').getByTestId('result-output').allInnerTexts();

test('a .npz exported from the same model loads its weights into the open model, undoably; wrong shapes are refused', async ({ page }, testInfo) => {
  await withoutFileAccess(page);
  const tuned = { weights: [[[6, 6], [4, 4]], [[8, -8]]], biases: [[-3, -6], [-3]] };
  const { path } = exportedNpz(testInfo, 'xor-tuned', (model) => ({ ...model, state: { ...model.state!, ...tuned } }));
  const patterns = [[0, 0], [0, 1], [1, 0], [1, 1]];
  const expected = patterns.map((input) => forward(tuned, input)[0].toFixed(3));

  await openExample(page, 'XOR');
  await page.getByRole('tab', { name: 'Test', exact: true }).click();
  await expect(page.getByTestId('result-row')).toHaveCount(4);
  const before = await outputs(page);
  expect(before).not.toEqual(expected);

  await importFile(page, path);
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('Loaded the weights and biases of 2 projections from xor-tuned.npz.');
  await expect(notice).toContainText('Momentum was reset to zero.');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('XOR');
  await expect.poll(() => outputs(page)).toEqual(expected);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: testInfo.outputPath('import-weights-1366.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('import-weights-1920.png') });

  // Undo brings back the weights the file replaced (the seed's), not the file's carried back.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => outputs(page)).toEqual(before);
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect.poll(() => outputs(page)).toEqual(expected);

  // With unsaved work nothing is asked: loading weights is an edit Undo takes back.
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();
  // Three hidden units: the first tensor that does not fit is named, with its shape and the one needed.
  const wide = exportedNpz(testInfo, 'xor-wide', (model) => ({ ...model, layers: model.layers.map((layer) => (layer.name === 'hidden' ? { ...layer, units: 3 } : layer)), state: null }));
  await importFile(page, wide.path);
  await expect(notice).toContainText('xor-wide.npz: tensor W_input_hidden has shape (3, 2); the weights from input to hidden needs (2, 2)');
  await expect(notice).toContainText('The model you had open is unchanged.');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: testInfo.outputPath('import-weights-refused-1366.png') });
  expect(await outputs(page)).toEqual(expected);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => outputs(page)).toEqual(before);
});

test('a .safetensors file loads as the .npz does; with no model open, weights are refused with what to do', async ({ page }, testInfo) => {
  await withoutFileAccess(page);
  const tuned = { weights: [[[-5, 5], [5, -5]], [[7, 7]]], biases: [[-2, -2], [-3]] };
  const { path } = exportedNpz(testInfo, 'xor-torch', (model) => ({ ...model, state: { ...model.state!, ...tuned } }), 'safetensors');
  const expected = [[0, 0], [0, 1], [1, 0], [1, 1]].map((input) => forward(tuned, input)[0].toFixed(3));

  await page.goto('/');
  await importFile(page, path);
  await expect(page.getByTestId('notice')).toContainText('xor-torch.safetensors holds weights: open the model they belong to first, then import them into it.');

  await openExample(page, 'XOR');
  await page.getByRole('tab', { name: 'Test', exact: true }).click();
  await importFile(page, path);
  await expect(page.getByTestId('notice')).toContainText('Loaded the weights and biases of 2 projections from xor-torch.safetensors.');
  await expect.poll(() => outputs(page)).toEqual(expected);
});
