/**
 * `npm run bench:ui -- experiment`: is the page smooth while an experiment of 200 runs streams in? Opens the
 * built-in "2, 4 or 8 hidden units on XOR" experiment in the web build, sets 67 seeds per condition (201 runs
 * on the default workers: one fewer than the cores), runs it with the Experiment tab shown, and records
 * requestAnimationFrame deltas for BENCH_SECONDS while finished runs arrive and the mean ± CI chart redraws.
 * Printed, not asserted: timings depend on the machine.
 */
import { clearFrames, launchChromium, recordFrames, resultRow as row, serveWebBuild, takeFrames } from './web-page';

const TITLE = 'Experiment: 2, 4 or 8 hidden units on XOR';
const SEEDS = 67;
const GOAL_P95_MS = 20;

export async function measureExperimentTab({ port, out, seconds }: { port: number; out: string; seconds: number }): Promise<void> {
  const stop = await serveWebBuild(port, out);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`http://localhost:${port}/`);
    await page.getByRole('button', { name: TITLE, exact: true }).click();
    const seeds = page.getByLabel('Seeds per condition');
    await seeds.fill(String(SEEDS));
    await seeds.press('Tab');
    const count = (await page.getByTestId('experiment-count').textContent()) ?? '';
    await recordFrames(page);
    await page.getByRole('button', { name: 'Run experiment', exact: true }).click();
    const bar = page.getByTestId('experiment-progress');
    const done = async () => Number(await bar.getAttribute('data-done'));
    // Measured once runs are streaming in: the chart has something to redraw.
    for (let tries = 0; tries < 600 && (await done()) < 1; tries++) await page.waitForTimeout(100);
    const from = await done();
    await clearFrames(page);
    const started = Date.now();
    await page.waitForTimeout(seconds * 1000);
    const frames = await takeFrames(page);
    const runs = (await done()) - from;
    const elapsed = (Date.now() - started) / 1000;
    await page.getByRole('button', { name: 'Cancel experiment', exact: true }).click();
    console.log(`\n${TITLE}: ${count.trim()}\n${seconds} s with the Experiment tab shown while runs stream in (${frames.count} frames)\n`);
    console.log(row('', 'measured', 'goal', null));
    console.log(row('p95 frame time', `${frames.p95Ms.toFixed(1)} ms`, '< 20 ms', frames.p95Ms < GOAL_P95_MS));
    console.log(row('median frame time', `${frames.medianMs.toFixed(1)} ms`, '', null));
    console.log(row('longest frame', `${frames.maxMs.toFixed(0)} ms`, '', null));
    console.log(row('runs finished per second', (runs / elapsed).toFixed(2), '', null));
  } finally {
    await browser.close();
    stop();
  }
}
