/**
 * A graph network in the app: the 2-1-1 XOR (inputs also projecting straight to the output), opened as a
 * file, trains to its criterion in the app's trainer; Step through writes the output's net input as the
 * sum over its projections, the skip's term among them, and draws the skip; the Test tab's outputs are
 * the command line's `test` of the same saved file, number for number. A graph with two output layers
 * shows each one's units under its name.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { findExample } from '../../src-shared/data/examples';
import { GraphRun } from '../../src-shared/engine/graph/graph-run';
import { createModel } from '../../src-shared/model/create';
import { parseModelText } from '../../src-shared/model/parse';
import { serializeModel } from '../../src-shared/model/serialize';
import { expect, openThroughPicker, saveByDownload, test, withoutFileAccess } from './app';

function cli(...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

test('the 2-1-1 XOR trains in the app, Step through shows the skip’s term, and Test agrees with the command line', async ({ page }, testInfo) => {
  const model = findExample('xor-2-1-1')!.build();
  await withoutFileAccess(page);
  await page.goto('/');
  await openThroughPicker(page, { name: 'xor-2-1-1.bplab', mimeType: 'application/json', buffer: Buffer.from(serializeModel(model)) });
  await expect(page.getByTestId('status')).toHaveText('Ready');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2-1-1');

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Stopped', { timeout: 30_000 });
  const reference = new GraphRun(model);
  reference.advance(Number.MAX_SAFE_INTEGER);
  await expect(page.getByTestId('epoch')).toHaveText(String(reference.epoch));
  const saved = testInfo.outputPath('xor-2-1-1-trained.bplab');
  await saveByDownload(page, saved);
  const read = parseModelText(readFileSync(saved, 'utf8'));
  if (!read.ok) throw new Error('the saved file does not load');
  expect(read.model.state!.weights).toEqual(reference.state().weights);

  // Step through: look at pattern 11, the output's forward phase.
  await page.getByRole('tab', { name: 'Step through' }).click();
  await page.getByLabel('Look at pattern').selectOption({ label: '4: 11' });
  await expect(page.getByTestId('step-heading')).toContainText('(11) · weights after epoch');
  const expected = new GraphRun(read.model).inspect(3);
  const output = expected.layers[2];
  await page.getByTitle('Forward pass: output (layer 2)', { exact: true }).click();
  await expect(page.getByTestId('phase-title')).toHaveText('Forward pass: output (layer 2)');
  const equation = page.getByTestId('phase-equation');
  await expect(equation).toContainText('noutput = Winput→output hinput + Whidden→output hhidden + boutput');
  // The skip projection (input → output) passes the hidden row: drawn, curving past it.
  await expect(page.locator('[data-testid="step-projection"][data-from="0"][data-to="2"]')).toHaveAttribute('data-skip', '1');
  await page.locator('[data-testid="unit"][data-layer="2"][data-unit="0"]').click();
  const row = (label: string) => page.locator(`[data-testid="unit-row"][data-label="${label}"]`);
  const value = async (label: string) => Number(await row(label).getAttribute('data-value'));
  expect(await value('net input')).toBe(output.netInput[0]);
  expect(await value('  from input')).toBe(output.netInputTerms[0].values[0]);
  expect(await value('  from hidden')).toBe(output.netInputTerms[1].values[0]);
  expect(await value('  bias')).toBe(output.bias![0]);
  expect((await value('  from input')) + (await value('  from hidden')) + (await value('  bias'))).toBeCloseTo(await value('net input'), 12);
  await page.screenshot({ path: testInfo.outputPath('graph-step-through.png') });

  // Test: each pattern presented, its output the command line's for the saved file.
  const tested = JSON.parse(cli('test', saved, '--json')) as { patterns: Array<{ name: string; output: number[] }> };
  await page.getByRole('tab', { name: 'Test' }).click();
  for (const [index, pattern] of tested.patterns.entries()) {
    await page.getByLabel('Pattern', { exact: true }).selectOption(`train:${index}`);
    await expect(page.getByTestId('presented')).toContainText(`Training pattern “${pattern.name}”`);
    const shown = await page.getByTestId('presented-output').evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-value'))));
    expect(shown).toEqual(pattern.output);
  }
  await expect(page.getByTestId('result-row')).toHaveCount(4);
  await page.screenshot({ path: testInfo.outputPath('graph-test.png') });
});

test('a graph with two output layers: the Test tab shows each output layer’s units under its name', async ({ page }) => {
  const layer = (kind: 'input' | 'hidden' | 'output', name: string, units: number) => ({ kind, name, units, activation: kind === 'input' ? 'linear' as const : 'logistic' as const, bias: kind !== 'input' });
  const model = createModel({
    name: 'Two outputs', description: '',
    layers: [layer('input', 'input', 2), layer('hidden', 'hidden', 2), layer('output', 'and', 1), layer('output', 'or xor', 2)],
    // The "and" output also feeds the second output layer.
    projections: [{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 1, to: 3 }, { from: 2, to: 3 }, { from: 0, to: 3 }],
    patterns: [[0, 0], [0, 1], [1, 0], [1, 1]].map(([a, b]) => ({ name: `${a}${b}`, input: [a, b], target: [a & b, a | b, a ^ b] })),
    training: { seed: 2, learningRate: 0.5, momentum: 0.9, maxEpochs: 20 },
  });
  await withoutFileAccess(page);
  await page.goto('/');
  await openThroughPicker(page, { name: 'two-outputs.bplab', mimeType: 'application/json', buffer: Buffer.from(serializeModel(model)) });
  await expect(page.getByTestId('status')).toHaveText('Ready');
  await page.getByRole('button', { name: 'Step epoch', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText('1');
  await page.getByRole('tab', { name: 'Test' }).click();
  await page.getByLabel('Pattern', { exact: true }).selectOption('train:3');
  await expect(page.getByTestId('presented-output-layer')).toHaveText(['Output layer: and', 'Output layer: or xor']);
  const run = new GraphRun(model);
  run.advance(Number.MAX_SAFE_INTEGER, 1);
  const shown = await page.getByTestId('presented-output').evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-value'))));
  expect(shown).toEqual(run.testPass().patterns[3].output);
  await expect(page.getByTestId('presented-target')).toHaveText(['1', '1', '0']);
});
