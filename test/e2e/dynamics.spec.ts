/**
 * The learning dynamics (Representations tab): the semantic example opens on them; S's values are Σ31's
 * singular values; after training, the strengths shown are mode-strengths.ts's at the run's epoch (the same
 * weights, retrained here in Node), and the recorded curves and analytic half-times are drawn.
 */
import { correlationModes, linearModeStrengths } from '../../src-shared/analysis/dynamics/mode-strengths';
import { subspaceInitialStrengths } from '../../src-shared/analysis/dynamics/initial-strengths';
import { halfTime } from '../../src-shared/analysis/dynamics/saxe-theory';
import { feedbackAlignmentAngles } from '../../src-shared/analysis/dynamics/feedback-angles';
import { findExample } from '../../src-shared/data/examples';
import { Simulation } from '../../src-shared/engine/simulation';
import { readFile } from 'node:fs/promises';
import { expect, openExample, test, withoutFileAccess } from './app';
import { screenshotPath } from './screenshots';

test('learning dynamics: the semantic example’s S, strengths and half-times are mode-strengths.ts’s', async ({ page }, testInfo) => {
  const example = findExample('semantic')!;
  const model = example.build();
  const modes = correlationModes(model.patterns);

  await withoutFileAccess(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openExample(page, example.title);
  // It opens on the dynamics view.
  await expect(page.getByRole('tab', { name: 'Representations' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('view-dynamics')).toHaveAttribute('aria-pressed', 'true');
  const values = page.getByTestId('singular-value');
  await expect(values).toHaveCount(4);
  for (const [alpha, s] of modes.strengths.entries()) expect(Number(await values.nth(alpha).getAttribute('data-value'))).toBeCloseTo(s, 12);
  await expect(page.getByTestId('theory-holds')).toBeVisible();

  // The analytic half-times from a_0 of the seed's starting weights.
  const start = new Simulation(model).network;
  const a0 = subspaceInitialStrengths(start.weights, start.sizes, modes);
  const analytic = page.getByTestId('analytic-half');
  for (const [j, sub] of modes.subspaces.entries()) {
    const shown = ((await analytic.nth(j).getAttribute('data-values')) ?? '').split(' ').map(Number);
    shown.forEach((t, c) => expect(t).toBeCloseTo(halfTime(sub.s, a0[j][c], model.training.learningRate)!, 6));
  }

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('dyn-source')).toContainText('Epoch 47538.', { timeout: 60_000 });
  const epoch = Number(await page.getByTestId('dyn-source').getAttribute('data-epoch'));
  const simulation = new Simulation(model);
  simulation.advance(Number.MAX_SAFE_INTEGER, epoch);
  const expected = linearModeStrengths(simulation.network.weights, simulation.network.sizes, modes).perSubspace;
  const now = page.getByTestId('strength-now');
  for (const [j, row] of expected.entries()) {
    const shown = ((await now.nth(j).getAttribute('data-values')) ?? '').split(' ').map(Number);
    shown.forEach((a, c) => expect(a).toBeCloseTo(row[c], 12));
  }
  // A recorded curve per strength (1 + 1 + 2), several points each, the analytic curves, a half-time each.
  const curves = page.getByTestId('strength-curve');
  await expect(curves).toHaveCount(4);
  expect(((await curves.first().getAttribute('points')) ?? '').split(' ').length).toBeGreaterThan(3);
  await expect(page.getByTestId('analytic-curve')).toHaveCount(4);
  await expect(page.getByTestId('half-time')).toHaveCount(4);
  // Every mode was seen to pass half its strength.
  const measured = page.getByTestId('measured-half');
  for (let j = 0; j < 3; j++) expect(await measured.nth(j).getAttribute('data-values')).not.toMatch(/^$|null/);
  // The strengths export as CSV: one row per recorded epoch and strength, the analytic value beside it.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the mode strengths’s numbers as CSV', exact: true }).click();
  const csvPath = testInfo.outputPath('strengths.csv');
  await (await download).saveAs(csvPath);
  const csvRows = (await readFile(csvPath, 'utf8')).trim().split('\n');
  expect(csvRows[0]).toBe('epoch,singular_value,component,strength,analytic');
  const last = csvRows.at(-1)!.split(',').map(Number);
  expect(last[0]).toBe(epoch);
  expect(last[3]).toBeCloseTo(expected[2][1], 12);
  await page.screenshot({ path: screenshotPath('dynamics-1366.png', testInfo) });
  await page.screenshot({ path: screenshotPath('dynamics-1366-full.png', testInfo), fullPage: true });
});

test('learning dynamics: deep-linear shows strengths only, and says why there is no analytic curve', async ({ page }) => {
  await withoutFileAccess(page);
  await openExample(page, findExample('deep-linear')!.title);
  await expect(page.getByTestId('view-dynamics')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('no-theory')).toContainText('one hidden layer; this network has 2');
  await expect(page.getByTestId('analytic-curve')).toHaveCount(0);
  // Σ31 (26 attributes × 8 items) has rank 7: the eighth mode has nothing to learn and is not drawn.
  await expect(page.getByTestId('mode-row')).toHaveCount(7);
  await expect(page.getByTestId('strength-curve')).toHaveCount(7);
});

test('learning dynamics: a feedback-alignment run plots both angles, the engine’s at the epoch shown, and has no analytic curve', async ({ page }, testInfo) => {
  const example = findExample('semantic')!;
  await withoutFileAccess(page);
  await openExample(page, example.title);
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByLabel('Rule', { exact: true }).selectOption('feedback-alignment');
  await page.getByRole('tab', { name: 'Representations' }).click();
  await page.getByTestId('view-dynamics').click();
  await expect(page.getByTestId('no-theory')).toContainText('the rule is feedback-alignment, not backpropagation');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(async () => Number(await page.getByTestId('dyn-source').getAttribute('data-epoch')), { timeout: 20_000 }).toBeGreaterThan(2000);
  // Paused, or stopped at its last epoch if the run got there first (a forced click on the disabled button does nothing).
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  if (await pause.isEnabled()) await pause.click({ force: true });
  await expect(page.getByTestId('dyn-source')).not.toContainText('recording');
  await expect(page.getByTestId('analytic-curve')).toHaveCount(0);
  await expect(page.getByTestId('angle-line')).toHaveCount(2);
  const epoch = Number(await page.getByTestId('dyn-source').getAttribute('data-epoch'));
  const model = { ...example.build() };
  const simulation = new Simulation({ ...model, training: { ...model.training, rule: 'feedback-alignment' } });
  simulation.advance(Number.MAX_SAFE_INTEGER, epoch);
  const [angles] = feedbackAlignmentAngles(simulation);
  const shown = page.getByTestId('angle-now');
  await expect(shown).toHaveCount(1);
  expect(Number(await shown.getAttribute('data-signal'))).toBeCloseTo(angles.signalAngle!, 9);
  expect(Number(await shown.getAttribute('data-weight'))).toBeCloseTo(angles.weightAngle!, 9);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: screenshotPath('dynamics-alignment-1366.png', testInfo), fullPage: true });
});
