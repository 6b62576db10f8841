/**
 * File → Export of a recurrent network in the web build: temporal XOR from the gallery, trained an epoch,
 * offers npz, safetensors with model.py and ONNX like any network (they used to fail), and downloads what the
 * saved document exports: the npz with the context's projection, its initial value and the sequence starts;
 * model.py whose forward is one step with the context in and out.
 */
import { readFileSync } from 'node:fs';
import type { Download } from '@playwright/test';
import { exportFileContent, exportModel, modelArrays } from '../../src-shared/data/export';
import { parseModelText } from '../../src-shared/model/parse';
import { readNpy, readZip } from '../unit/data/python-formats/independent-readers';
import { expect, openExample, saveByDownload, test, withoutFileAccess } from './app';

const TITLE = 'Temporal XOR (Elman 1990)';

test('a recurrent network exports to npz and to safetensors with a one-step model.py', async ({ page }, testInfo) => {
  await withoutFileAccess(page);
  await openExample(page, 'Temporal XOR (simple recurrent network)');
  await page.getByRole('button', { name: 'Step epoch', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText('1');
  const path = testInfo.outputPath('temporal-xor.bplab');
  await saveByDownload(page, path);
  const parsed = parseModelText(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error('the saved model does not read back');
  const model = parsed.model;

  await page.getByRole('tab', { name: 'Network' }).click();
  await page.getByRole('button', { name: 'Export…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Export “${TITLE}”` });
  await dialog.getByRole('radio', { name: /^safetensors/ }).check();
  await expect(dialog.getByTestId('model-export-files')).toHaveText(`Writes ${TITLE}.safetensors and ${TITLE}.py.`);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: testInfo.outputPath('export-recurrent-safetensors-1366.png') });

  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect.poll(() => downloads.length).toBe(2);
  expect(downloads.map((download) => download.suggestedFilename())).toEqual([`${TITLE}.safetensors`, `${TITLE}.py`]);
  const expected = exportModel(model, 'safetensors').files.map(exportFileContent);
  await downloads[1].saveAs(testInfo.outputPath('model.py'));
  const modelPy = readFileSync(testInfo.outputPath('model.py'), 'utf8');
  expect(modelPy).toBe(expected[1]);
  expect(modelPy).toContain('    def forward(self, h_input, h_context):');

  await page.getByRole('button', { name: 'Export…', exact: true }).click();
  await dialog.getByRole('radio', { name: /^npz/ }).check();
  await expect(dialog.getByTestId('model-export-files')).toHaveText(`Writes ${TITLE}.npz.`);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const npz = testInfo.outputPath('temporal-xor.npz');
  await (await download).saveAs(npz);
  const entries = readZip(readFileSync(npz));
  for (const array of modelArrays(model)) {
    expect(Array.from(readNpy(entries.get(`${array.name}.npy`)!).data), array.name).toEqual(Array.from(array.data));
  }
  expect(readNpy(entries.get('initial_context.npy')!).data).toEqual(Float64Array.from([0.5, 0.5]));
  expect(entries.has('W_context_hidden.npy') && entries.has('sequence_start.npy')).toBe(true);
});
