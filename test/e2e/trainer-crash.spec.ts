/**
 * Nothing lost to a crash, the renderer's side (issue 6): a trainer Web Worker that dies mid-training is
 * replaced, the page reloads its model with the last snapshot into the new one, says so once, and the run
 * continues exactly as it would have from that snapshot.
 */
import { readFileSync } from 'node:fs';
import { Simulation } from '../../src-shared/engine/simulation';
import type { ModelDocument } from '../../src-shared/model/schema';
import { expect, lastRecordedEpoch, openExample, saveByDownload, sentCommands, setSetting, test, withoutFileAccess } from './app';

test.beforeEach(async ({ page }) => {
  // Keep hold of every Worker the page starts, so the test can terminate the trainer's.
  await page.addInitScript(() => {
    const workers: Worker[] = [];
    (window as unknown as { trainerWorkers: Worker[] }).trainerWorkers = workers;
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(...args: ConstructorParameters<typeof Worker>) {
        super(...args);
        workers.push(this);
      }
    };
  });
});

test('a trainer that crashes mid-training is replaced and the run continues from its last snapshot', async ({ page }, testInfo) => {
  await withoutFileAccess(page);
  await openExample(page, '8-3-8 encoder');
  await setSetting(page, 'Learning rate λ', '0,01');
  await setSetting(page, 'Max epochs', '1000000000');
  await setSetting(page, 'Error criterion', '0');
  const stopWhenCorrect = page.getByLabel('Stop once every pattern is correct');
  if (await stopWhenCorrect.isChecked()) await stopWhenCorrect.uncheck();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Training…');
  await expect.poll(async () => Number(await page.getByTestId('epoch').textContent())).toBeGreaterThan(0);
  // The trainer checkpoints its full state every 3 s: let the first one reach the document.
  await page.waitForTimeout(4_000);

  // Terminated from outside, as the browser does to a worker it kills: no event, only silence.
  expect(page.workers()).toHaveLength(1);
  await page.evaluate(() => (window as unknown as { trainerWorkers: Worker[] }).trainerWorkers[0].terminate());

  const problems = page.getByRole('alert').filter({ hasText: 'The trainer stopped unexpectedly' });
  await expect(problems).toHaveCount(1);
  await expect(problems).toContainText('stopped answering');
  await expect(problems).toContainText('continues from its last snapshot');
  await expect(page.getByTestId('status')).toHaveText('Paused');
  await expect.poll(() => page.workers().length).toBe(1);

  const loads = await sentCommands(page, 'load');
  expect(loads).toHaveLength(2);
  const reloaded = loads[1].model as ModelDocument;
  const snapshotEpoch = reloaded.state!.epoch;
  expect(snapshotEpoch).toBeGreaterThan(0);
  await expect(page.getByTestId('epoch')).toHaveText(String(snapshotEpoch));
  await expect(page.getByTestId('tss-chart')).toHaveAttribute('data-epochs', String(lastRecordedEpoch(reloaded.state!)));

  // Continuing gives exactly the run that would have followed the snapshot.
  await page.getByRole('button', { name: 'Step epoch', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText(String(snapshotEpoch + 1));
  // The epoch shows from the metrics; the document takes the step's state from the result after them,
  // when the tss readout says it comes from a test pass. Saved before that, the file holds the snapshot.
  await expect(page.getByText('a test pass', { exact: true })).toBeVisible();
  const file = testInfo.outputPath('after-crash.bplab');
  await saveByDownload(page, file);
  const saved = JSON.parse(readFileSync(file, 'utf8')) as ModelDocument;
  const reference = new Simulation(reloaded);
  reference.advance(Number.MAX_SAFE_INTEGER, snapshotEpoch + 1);
  expect(saved.state!.weights).toEqual(reference.state().weights);
  expect(saved.state!.tssHistory).toEqual(reference.state().tssHistory);
});
