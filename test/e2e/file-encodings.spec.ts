/** Opening files in the web build in the encodings Windows tools write: UTF-8 with a BOM opens; UTF-16 is refused by name. */
import { writeFileSync } from 'node:fs';
import { examples } from '../../src-shared/data/examples';
import { expect, openExample, openThroughPicker, test, withoutFileAccess } from './app';

const xor = () => {
  const model = examples.find((e) => e.id === 'xor')!.build();
  model.name = 'XOR from Notepad';
  return JSON.stringify(model);
};

test('a model file with a UTF-8 byte-order mark opens', async ({ page }, testInfo) => {
  await withoutFileAccess(page);
  await openExample(page, 'XOR');
  const file = testInfo.outputPath('bom.bplab');
  writeFileSync(file, `\ufeff${xor()}`);
  await openThroughPicker(page, file);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('XOR from Notepad');
});

test('a UTF-16 model file is refused, saying to save it as UTF-8, and the open model stays', async ({ page }, testInfo) => {
  await withoutFileAccess(page);
  await openExample(page, 'XOR');
  const file = testInfo.outputPath('wide.bplab');
  writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xor(), 'utf16le')]));
  await openThroughPicker(page, file);
  await expect(page.getByTestId('notice')).toContainText('wide.bplab is UTF-16; save it as UTF-8');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('XOR');
  await expect(page.getByRole('heading', { level: 1 })).not.toContainText('Notepad');
  for (const [width, height] of [[1366, 768], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: testInfo.outputPath(`utf16-refused-${width}.png`) });
  }
});
