/**
 * The Train tab's charts: switching between them, earlier runs overlaid and hidden, markers where settings
 * changed mid-run (this run's and earlier runs', labels never overlapping), zoom, the exports (CSV against
 * the saved model's own history, PNG and SVG that open), the display rate ("every 100 epochs"), and a
 * million-epoch history drawn decimated without stalling the page.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { findExample } from '../../src-shared/data/examples';
import { Simulation } from '../../src-shared/engine/simulation';
import { formatError } from '../../src-renderer/shared/format';
import { expect, lastRecordedEpoch, openExample, openThroughPicker, saveByDownload, setSetting, strideAfter, test, withoutFileAccess } from './app';

// Independent tests, among the suite's longest: spread over both workers, so neither finishes long after the other.
test.describe.configure({ mode: 'parallel' });

const chart = (page: Page) => page.getByTestId('epoch-chart');

async function trainToStop(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Stopped');
}

async function xScale(page: Page): Promise<[number, number]> {
  return [Number(await chart(page).getAttribute('data-x-min')), Number(await chart(page).getAttribute('data-x-max'))];
}

/** Clicks an export button and returns the downloaded file's bytes. */
async function exported(page: Page, label: string, path: string): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: label }).click();
  await (await download).saveAs(path);
  return readFileSync(path);
}

test('the charts switch between tss, fraction correct and the error of each pattern', async ({ page }) => {
  await openExample(page, 'XOR');
  await trainToStop(page);
  await expect(chart(page)).toHaveAttribute('aria-label', /tss against epoch/);
  await page.getByRole('radio', { name: 'Fraction correct' }).check();
  await expect(page.getByTestId('tss-chart')).toHaveAttribute('data-kind', 'correct');
  await expect(chart(page)).toHaveAttribute('aria-label', /fraction of patterns correct/);
  await expect(page.locator('.uplot')).toHaveCount(1);
  expect(Number(await chart(page).getAttribute('data-points'))).toBeGreaterThan(0);

  await page.getByRole('radio', { name: 'Error per pattern' }).check();
  // One curve per pattern; beside each name its pss in the last epoch, exactly the engine's.
  const patternLines = page.getByTestId('pattern-error-line');
  await expect(patternLines).toHaveCount(4);
  const reference = new Simulation(findExample('xor')!.build());
  reference.advance(Number.MAX_SAFE_INTEGER);
  await expect(page.getByTestId('pattern-error-chart')).toHaveAttribute('data-last-epoch', String(reference.epoch));
  for (const [i, pss] of [...reference.epochPatternErrors].entries()) {
    expect(Number(await patternLines.nth(i).getAttribute('data-pss'))).toBe(pss);
  }
  await expect(chart(page)).toHaveAttribute('data-lines', '4');
  await page.getByRole('radio', { name: 'Error (tss)' }).check();
  await expect(page.getByLabel('Log scale')).toBeVisible();
});

test('an earlier run stays overlaid, labelled by its seed, and can be hidden and cleared', async ({ page }) => {
  await openExample(page, 'XOR');
  await trainToStop(page);
  const firstEpochs = Number(await page.getByTestId('tss-chart').getAttribute('data-epochs'));

  await setSetting(page, 'Random seed', '3');
  await page.getByRole('button', { name: 'Discard weights and change' }).click();
  await expect(page.getByTestId('epoch')).toHaveText('0');
  const earlier = page.getByTestId('earlier-run');
  await expect(earlier).toHaveCount(1);
  await expect(earlier).toHaveText('seed 1');
  await expect(chart(page)).toHaveAttribute('data-lines', '2');

  await trainToStop(page);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(earlier).toHaveCount(2);
  await expect(earlier.nth(1)).toHaveText('seed 3 · reset');
  // The overlay is the whole earlier curve: the x axis still reaches its last epoch.
  expect((await xScale(page))[1]).toBeGreaterThanOrEqual(firstEpochs);

  await earlier.first().getByRole('checkbox').uncheck();
  await expect(chart(page)).toHaveAttribute('data-lines', '2');
  await earlier.first().getByRole('checkbox').check();
  await expect(chart(page)).toHaveAttribute('data-lines', '3');

  // The earlier runs survive the tab being hidden and shown again.
  await page.getByRole('tab', { name: 'Weights' }).click();
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(earlier).toHaveCount(2);

  await page.getByRole('button', { name: 'Clear earlier runs' }).click();
  await expect(earlier).toHaveCount(0);
  await expect(chart(page)).toHaveAttribute('data-lines', '1');
});

test('a learning rate changed mid-run is marked on the chart at its epoch', async ({ page }) => {
  await openExample(page, '8-3-8 encoder');
  // Three epochs, a pause (the run is under way: the engine records the change), a new λ, one epoch more.
  const step = page.getByRole('button', { name: 'Step epoch', exact: true });
  for (const epoch of ['1', '2', '3']) {
    await step.click();
    await expect(page.getByTestId('epoch')).toHaveText(epoch);
  }
  await expect(page.getByTestId('setting-marker')).toHaveCount(0);
  await setSetting(page, 'Learning rate λ', '0.05');
  await step.click();
  await expect(page.getByTestId('epoch')).toHaveText('4');

  const marker = page.getByTestId('setting-marker');
  await expect(marker).toHaveCount(1);
  await expect(marker).toHaveText('epoch 3: λ → 0.05');
  await expect(marker).toHaveAttribute('data-epoch', '3');
  // The marker is drawn on the chart's canvas too, so the PNG and SVG carry it.
  await expect(chart(page)).toHaveAttribute('data-markers', '1');
});

interface LabelBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The marker labels as the chart drew them on its canvas, CSS px within the plot. */
async function markerLabels(page: Page): Promise<LabelBox[]> {
  return JSON.parse((await chart(page).getAttribute('data-marker-labels')) ?? '[]') as LabelBox[];
}

async function stepTo(page: Page, epoch: number): Promise<void> {
  await page.getByRole('button', { name: 'Step epoch', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText(String(epoch));
}

test('an earlier run’s setting changes stay marked, in its colour', async ({ page }) => {
  await openExample(page, 'XOR');
  for (const epoch of [1, 2, 3]) await stepTo(page, epoch);
  await setSetting(page, 'Learning rate λ', '0.05');
  await stepTo(page, 4);
  await expect(page.getByTestId('setting-marker')).toHaveCount(1);

  // Reset: the run becomes an earlier one, and its marker goes with it.
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText('0');
  await expect(page.getByTestId('earlier-run')).toHaveCount(1);
  await expect(page.getByTestId('setting-marker')).toHaveCount(0);
  const earlierMarker = page.getByTestId('earlier-setting-marker');
  await expect(earlierMarker).toHaveCount(1);
  await expect(earlierMarker).toHaveText('epoch 3: λ → 0.05');
  await expect(page.getByTestId('earlier-setting-markers')).toContainText('earlier run seed 1 · λ 0.2 → 0.05');
  await expect(earlierMarker).toHaveAttribute('data-epoch', '3');
  await expect(chart(page)).toHaveAttribute('data-markers', '1');
  await expect.poll(async () => (await markerLabels(page)).length).toBe(1);

  // Hiding the run hides its marker; the fraction-correct chart has no earlier runs, so none of theirs.
  await page.getByTestId('earlier-run').getByRole('checkbox').uncheck();
  await expect(chart(page)).toHaveAttribute('data-markers', '0');
  await expect(earlierMarker).toHaveCount(0);
  await page.getByTestId('earlier-run').getByRole('checkbox').check();
  await expect(chart(page)).toHaveAttribute('data-markers', '1');
  await page.getByRole('radio', { name: 'Fraction correct' }).check();
  await expect(chart(page)).toHaveAttribute('data-markers', '0');
});

test('marker labels close together step down in rows: none overlaps another or leaves the plot', async ({ page }, testInfo) => {
  await openExample(page, 'XOR');
  for (const epoch of [1, 2, 3]) await stepTo(page, epoch);
  // Two changes at one epoch share a line and a label; a third at the next epoch is a few pixels on.
  await setSetting(page, 'Learning rate λ', '0.05');
  await setSetting(page, 'Momentum α', '0.5');
  await stepTo(page, 4);
  await setSetting(page, 'Weight decay κ', '0.001');
  await stepTo(page, 5);
  await expect(page.getByTestId('setting-marker')).toHaveCount(3);
  await expect(chart(page)).toHaveAttribute('data-markers', '3');
  await expect.poll(async () => (await markerLabels(page)).length).toBe(2);

  const boxes = await markerLabels(page);
  const plot = await page.locator('.u-over').evaluate((over) => ({ width: over.clientWidth, height: over.clientHeight }));
  for (const box of boxes) {
    // Inside the plot: clear of the y axis' tick labels (left of it) and of the top edge.
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.left + box.width).toBeLessThanOrEqual(plot.width);
    expect(box.top + box.height).toBeLessThanOrEqual(plot.height);
  }
  // The second label would run into the first: it steps down a row.
  expect(new Set(boxes.map((box) => box.top)).size).toBe(2);
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      const apart = a.left + a.width <= b.left || b.left + b.width <= a.left || a.top + a.height <= b.top || b.top + b.height <= a.top;
      expect(apart, `labels ${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`).toBe(true);
    }),
  );
  await chart(page).screenshot({ path: testInfo.outputPath('markers.png') });
});

test('at “every 100 epochs” a run is shown only at multiples of 100, exact for them, and exactly where it pauses', async ({ page }) => {
  await openExample(page, 'XOR');
  await setSetting(page, 'Max epochs', '1000000000');
  await setSetting(page, 'Error criterion', '0');
  await page.getByLabel('Stop once every pattern is correct').uncheck();
  const display = page.getByLabel('Display', { exact: true });
  await display.selectOption({ label: 'Every 100 epochs' });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Training…');

  // Everything the readouts and the chart show for a second of training, as each change lands; then Pause,
  // clicked from the page itself (XOR runs a hundred thousand epochs a second: the sooner it stops, the
  // less history the page has to carry).
  const seen = await page.evaluate(
    () =>
      new Promise<Array<{ epoch: string; tss: string; drawn: string }>>((resolve) => {
        const epoch = document.querySelector('[data-testid="epoch"]')!;
        const tss = document.querySelector('[data-testid="tss"]')!;
        const figure = document.querySelector('[data-testid="tss-chart"]')!;
        const out: Array<{ epoch: string; tss: string; drawn: string }> = [];
        const record = () => out.push({ epoch: epoch.textContent ?? '', tss: tss.textContent ?? '', drawn: figure.getAttribute('data-epochs') ?? '' });
        const observer = new MutationObserver(record);
        for (const node of [epoch, tss]) observer.observe(node, { characterData: true, childList: true, subtree: true });
        observer.observe(figure, { attributes: true, attributeFilter: ['data-epochs'] });
        setTimeout(() => {
          observer.disconnect();
          Array.from(document.querySelectorAll('button')).find((button) => button.textContent?.trim() === 'Pause')!.click();
          resolve(out);
        }, 1000);
      }),
  );
  const epochs = [...new Set(seen.map((s) => Number(s.epoch)))];
  expect(epochs.length, 'the run moved on while watched').toBeGreaterThan(2);
  for (const { epoch, drawn } of seen) {
    expect(Number(epoch) % 100, `epoch ${epoch} shown`).toBe(0);
    expect(Number(drawn) % 100, `curve drawn to epoch ${drawn}`).toBe(0);
  }
  await expect(page.getByTestId('status')).toHaveText('Paused', { timeout: 30_000 });
  const paused = Number(/Paused at epoch (\d+)/.exec((await page.getByTestId('stop-message').textContent()) ?? '')![1]);
  await expect(page.getByTestId('epoch')).toHaveText(String(paused));
  // The curve ends at the paused epoch, or past 65,536 epochs at the last one its thinned history keeps.
  await expect(page.getByTestId('tss-chart')).toHaveAttribute('data-epochs', String(lastRecordedEpoch({ epoch: paused, historyStride: strideAfter(paused) })));

  // The tss shown at epoch E was the engine's tss of exactly epoch E (summed during it).
  const model = findExample('xor')!.build();
  const simulation = new Simulation({ ...model, training: { ...model.training, maxEpochs: 1e9, errorCriterion: 0, stopWhenAllCorrect: false } });
  const tssAt = new Map<number, number>();
  for (const epoch of epochs.filter((e) => e > 0).sort((a, b) => a - b)) {
    simulation.advance(Number.MAX_SAFE_INTEGER, epoch);
    tssAt.set(epoch, simulation.lastEpochTss!);
  }
  for (const { epoch, tss } of seen.filter((s) => Number(s.epoch) > 0)) expect(tss).toBe(formatError(tssAt.get(Number(epoch))!));

  // The choice is remembered on this machine, like the theme: a model opens with it (unless it is one of
  // the lecture examples, which open in their own slow motion, as XOR does).
  await page.reload();
  await page.getByRole('button', { name: 'XOR', exact: true }).click();
  await expect(page.getByLabel('Display', { exact: true })).toHaveValue('slow-50');
  await page.getByRole('button', { name: '← Examples' }).click();
  await page.getByRole('button', { name: 'Rumelhart network: living things', exact: true }).click();
  await expect(page.getByLabel('Display', { exact: true })).toHaveValue('every-100');
});

test('dragging zooms into epochs, the buttons zoom and pan, and Reset zoom shows the whole run', async ({ page }) => {
  await openExample(page, 'XOR');
  await trainToStop(page);
  const whole = await xScale(page);
  expect(whole[0]).toBe(0);

  const over = page.locator('.u-over');
  const box = (await over.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => xScale(page)).not.toEqual(whole);
  const zoomed = await xScale(page);
  expect(zoomed[0]).toBeCloseTo(whole[1] * 0.2, -1);
  expect(zoomed[1]).toBeCloseTo(whole[1] * 0.5, -1);

  await page.getByRole('button', { name: 'Pan to later epochs' }).click();
  await expect.poll(async () => (await xScale(page))[0]).toBeGreaterThan(zoomed[0]);
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  await expect.poll(() => xScale(page)).toEqual(whole);

  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(async () => (await xScale(page))[1] - (await xScale(page))[0]).toBeCloseTo((whole[1] - whole[0]) / 2, 0);
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  await expect.poll(() => xScale(page)).toEqual(whole);
});

test('the CSV holds the curves the saved model records, and the PNG and SVG open', async ({ page }, testInfo) => {
  await withoutFileAccess(page);
  await openExample(page, 'XOR');
  await trainToStop(page);
  const modelFile = testInfo.outputPath('xor.bplab');
  await saveByDownload(page, modelFile);
  const state = JSON.parse(readFileSync(modelFile, 'utf8')).state as { epoch: number; tssHistory: number[]; correctHistory: number[] };

  const csv = (await exported(page, 'Export the curves’ data as CSV', testInfo.outputPath('curves.csv'))).toString('utf8');
  const rows = csv.trimEnd().split('\n');
  expect(rows[0]).toBe('epoch,tss,fraction correct');
  expect(rows).toHaveLength(state.tssHistory.length + 1);
  rows.slice(1).forEach((row, i) => {
    const [epoch, tss, correct] = row.split(',').map(Number);
    expect([epoch, tss, correct]).toEqual([i + 1, state.tssHistory[i], state.correctHistory[i]]);
  });
  expect(Number(await page.getByTestId('tss-chart').getAttribute('data-epochs'))).toBe(state.tssHistory.length);

  const png = await exported(page, 'Export the chart as PNG', testInfo.outputPath('chart.png'));
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.length).toBeGreaterThan(5000);
  // The model's provenance rides in a tEXt chunk (length, 'tEXt', keyword, NUL, text).
  const keyword = png.indexOf('backprop-lab-provenance\0', 0, 'latin1');
  expect(png.subarray(keyword - 4, keyword).toString('latin1')).toBe('tEXt');
  const textEnd = keyword + png.readUInt32BE(keyword - 8);
  const pngProvenance = JSON.parse(png.subarray(keyword + 'backprop-lab-provenance\0'.length, textEnd).toString('latin1')) as Record<string, unknown>;
  expect(pngProvenance).toMatchObject({ app: 'Backprop Lab', format: 'png', model: 'XOR', epoch: state.epoch });

  const svg = (await exported(page, 'Export the chart as SVG', testInfo.outputPath('chart.svg'))).toString('utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const metadata = doc.querySelector('svg > metadata#backprop-lab-provenance')?.textContent ?? null;
    return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName, paths: doc.querySelectorAll('path').length, metadata };
  }, svg);
  expect({ ...parsed, metadata: undefined }).toEqual({ error: null, root: 'svg', paths: 1, metadata: undefined });
  expect(JSON.parse(parsed.metadata ?? 'null')).toMatchObject({ format: 'svg', model: 'XOR', epoch: state.epoch });
  expect(svg).toContain('tss during epoch, this run (seed 1)');
});

test('a run past 65,536 epochs keeps its whole span in every 2nd, 4th … epoch: the curve, its CSV and the engine agree', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const epochs = 140_000;
  await openExample(page, 'XOR');
  await setSetting(page, 'Error criterion', '0');
  await setSetting(page, 'Max epochs', String(epochs));
  await page.getByLabel('Stop once every pattern is correct').uncheck();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Stopped', { timeout: 90_000 });
  await expect(page.getByTestId('epoch')).toHaveText(String(epochs));
  // Stride 4 past 2 × 65,536 epochs: the last epoch drawn is the run's last, from a quarter of the points.
  await expect(page.getByTestId('tss-chart')).toHaveAttribute('data-epochs', String(epochs));
  await expect(page.getByTestId('tss-chart')).toHaveAttribute('data-points', String(epochs / 4));

  const model = findExample('xor')!.build();
  const engine = new Simulation({ ...model, training: { ...model.training, errorCriterion: 0, stopWhenAllCorrect: false, maxEpochs: epochs } });
  engine.advance(Number.MAX_SAFE_INTEGER);
  expect(engine.historyStride).toBe(4);
  const rows = (await exported(page, 'Export the curves’ data as CSV', testInfo.outputPath('long.csv'))).toString('utf8').trimEnd().split('\n').slice(1);
  expect(rows).toHaveLength(engine.tssHistory.length);
  for (const i of [0, 1, 9_999, rows.length - 1]) {
    expect(rows[i].split(',').map(Number)).toEqual([(i + 1) * 4, engine.tssHistory[i], engine.correctHistory[i]]);
  }
});

test('a million-epoch history is drawn decimated to the chart’s width, also after zooming', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const model = findExample('xor')!.build();
  const epochs = 1_000_000;
  const state = new Simulation(model).state();
  state.epoch = epochs;
  state.tssHistory = Array.from({ length: epochs }, (_, i) => Number(((1 + 0.5 * Math.sin(i)) / (1 + i / 1000)).toFixed(9)));
  state.correctHistory = Array.from({ length: epochs }, (_, i) => (i < 5000 ? 0.5 : 1));
  const file = { ...model, training: { ...model.training, maxEpochs: 2_000_000 }, state };

  await withoutFileAccess(page);
  await page.goto('/');
  // A file on disk: handing the browser 20 MB through the protocol as a buffer is far slower.
  const path = testInfo.outputPath('million.bplab');
  writeFileSync(path, JSON.stringify(file));
  await openThroughPicker(page, path);
  await expect(page.getByTestId('status')).toHaveText('Paused', { timeout: 150_000 });
  await expect(page.getByTestId('tss-chart')).toHaveAttribute('data-epochs', String(epochs));
  await expect.poll(async () => Number(await chart(page).getAttribute('data-x-max'))).toBeGreaterThanOrEqual(epochs);

  const width = await page.locator('.u-over').evaluate((over) => over.clientWidth);
  const points = Number(await chart(page).getAttribute('data-points'));
  expect(points).toBeGreaterThan(width);
  expect(points).toBeLessThanOrEqual(2 * width + 2);

  // Zooming decimates the million epochs anew for the visible range, still within the chart's width. How
  // long that takes is a speed figure, reported here (and by `npm run bench:ui`), not asserted. It is timed
  // once the page has settled: the trainer's first messages after loading carry the whole history, and
  // their handling would otherwise be counted as the zoom's.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let timer = setTimeout(done, 1000);
        const observer = new PerformanceObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, 1000);
        });
        observer.observe({ type: 'longtask' });
        function done() {
          observer.disconnect();
          resolve();
        }
        setTimeout(done, 30_000);
      }),
  );
  const elapsed = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const figure = document.querySelector('[data-x-max]')!;
        const button = Array.from(document.querySelectorAll('button')).find((b) => b.getAttribute('aria-label') === 'Zoom in')!;
        const started = performance.now();
        new MutationObserver(() => resolve(performance.now() - started)).observe(figure, { attributes: true, attributeFilter: ['data-x-max'] });
        button.click();
      }),
  );
  expect(Number(await chart(page).getAttribute('data-x-max'))).toBeLessThan(epochs);
  testInfo.annotations.push({ type: 'zoom on a million epochs', description: `${Math.round(elapsed)} ms` });
  expect(Number(await chart(page).getAttribute('data-points'))).toBeLessThanOrEqual(2 * width + 2);
});
