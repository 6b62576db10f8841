/**
 * The timeline (format v5's snapshots): XOR trained with a snapshot every 100 epochs; scrubbing to one shows
 * that epoch's weights in the Weights tab — the numbers the saved file's snapshot holds — marked as looking
 * back; "Continue from here" starts a new run from it, whose parent is the first, and both curves are drawn.
 */
import { readFile } from 'node:fs/promises';
import { parseModelText } from '../../src-shared/model/parse';
import type { ModelDocument } from '../../src-shared/model/schema';
import { expect, openExample, saveByDownload, sentCommands, setSetting, test, withoutFileAccess } from './app';

const SHOTS = process.env.TIMELINE_SHOTS;

test('scrub to a snapshot, see its weights, continue from it beside the original run', async ({ page }, testInfo) => {
  await withoutFileAccess(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openExample(page, 'XOR');
  const strip = page.getByTestId('timeline');
  await strip.getByLabel('Snapshots').selectOption({ label: 'every 100 epochs' });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Stopped', { timeout: 30_000 });

  // The file as saved: its snapshots, each a state the run passed through.
  const path = testInfo.outputPath('xor-snapshots.bplab');
  await saveByDownload(page, path);
  const parsed = parseModelText(await readFile(path, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const saved: ModelDocument = parsed.model;
  const epochs = saved.state!.snapshots!.map((s) => s.epoch);
  expect(epochs.slice(0, 4)).toEqual([0, 100, 200, 300]);
  expect(epochs.every((e) => e % 100 === 0)).toBe(true);
  const now = saved.state!.epoch;
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/timeline-train.png` });

  // Scrub to epoch 200 (the slider's third position), then look at the Weights tab.
  const slider = strip.getByRole('slider', { name: 'Look back at a snapshot' });
  await slider.fill('2');
  await expect(page.getByTestId('timeline-epoch')).toHaveText(`epoch 200 of ${now.toLocaleString('en')} — looking back`);
  await page.getByRole('tab', { name: 'Weights' }).click();
  await expect(page.getByTestId('weights-source')).toHaveAttribute('data-origin', 'snapshot');
  await expect(page.getByTestId('weights-source')).toContainText(`Epoch 200 of ${now.toLocaleString('en')} — looking back`);
  const snapshot = saved.state!.snapshots!.find((s) => s.epoch === 200)!;
  const format = (value: number) => value.toFixed(3);
  await page.locator('[data-testid="hinton"][data-projection="0"]').getByRole('button', { name: 'hidden unit 2' }).click();
  await expect(page.getByTestId('unit-incoming').getByTestId('unit-weight').locator('td')).toHaveText(snapshot.weights[0][1].map(format));
  await expect(page.getByTestId('unit-bias').locator('td')).toHaveText(format(snapshot.biases[0][1]));
  await expect(page.getByTestId('unit-outgoing').getByTestId('unit-weight').locator('td')).toHaveText([format(snapshot.weights[1][0][1])]);
  // …which are not the weights of now.
  expect(snapshot.weights[0][1].map(format)).not.toEqual(saved.state!.weights[0][1].map(format));
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/timeline-weights-looking-back.png` });

  // Representations and Step through look at the network of then too.
  await page.getByRole('tab', { name: 'Representations' }).click();
  await expect(page.getByTestId('rep-source')).toContainText(`Epoch 200 of ${now.toLocaleString('en')} — looking back`);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/timeline-representations-looking-back.png` });
  await page.getByRole('tab', { name: 'Step through' }).click();
  await expect(page.getByTestId('step-heading')).toContainText('weights after epoch 200');
  await expect(page.getByRole('button', { name: 'Present next pattern' })).toBeDisabled();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/timeline-step-looking-back.png` });

  // The Test tab shows the outputs of then: the snapshot's forward pass, not the trained network's.
  await page.getByRole('tab', { name: 'Test' }).click();
  await expect(page.getByText(/at epoch 200 of .* — looking back/)).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/timeline-test-looking-back.png` });

  // Back to now, then back to 200 and continue from there: a new run, whose parent is the first.
  await page.getByRole('button', { name: 'Back to now' }).click();
  await expect(page.getByTestId('timeline-epoch')).toHaveText(new RegExp(`^now: epoch ${now.toLocaleString('en')}`));
  await expect(page.getByTestId('weights-source')).toHaveCount(0); // still on the Test tab
  await slider.fill('2');
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByRole('button', { name: 'Continue from here' }).click();
  await expect(page.getByTestId('epoch')).toHaveText('200');
  const loads = await sentCommands(page, 'load');
  const last = loads[loads.length - 1] as { parentRunId: string | null; model: ModelDocument };
  expect(last.parentRunId).not.toBeNull();
  expect(last.model.state!.epoch).toBe(200);
  expect(last.model.state!.weights).toEqual(snapshot.weights);
  await expect(page.getByTestId('earlier-run')).toHaveCount(1);

  // Trained on at a quarter of λ, the new run goes its own way from 200; the original curve stays drawn behind it.
  await setSetting(page, 'Learning rate λ', '0.05');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Stopped', { timeout: 30_000 });
  await expect(page.getByTestId('earlier-run')).toHaveCount(1);
  await expect(page.getByTestId('epoch-chart')).toHaveAttribute('data-lines', '2');
  await expect(page.getByTestId('earlier-run')).toHaveText(/from epoch 200|seed 1/);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/timeline-continued.png` });

  // Undo (the λ change, then the continuation) takes the document back to the end of the first run.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('epoch')).toHaveText(String(now));
});
