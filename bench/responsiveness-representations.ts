/**
 * `npm run bench:ui -- representations`: with the Representations tab open on Rumelhart's network (the
 * gallery's graph, "Rumelhart network: living things"), is the page smooth while it trains with every epoch
 * displayed, and does training keep ≥ 90 % of the command line's epochs/s? Opens the example in the web
 * build, turns its stopping criteria off, sets Display to every epoch, starts training on the Train tab and
 * switches to the Representations tab (its PCA scatter, dissimilarity matrix and dendrogram of the
 * representation layer, recomputed at the display rate), then records requestAnimationFrame deltas and the
 * epochs reached for BENCH_SECONDS; then trains the same model in Node for as long as `cli train` does
 * (createRun, chunks of 4096 patterns). Printed, not asserted: timings depend on the machine.
 */
import { findExample } from '../src-shared/data/examples';
import { createRun } from '../src-shared/engine/training-run';
import { clearFrames, epochsPerSecond, launchChromium, recordFrames, resultRow as row, serveWebBuild, takeFrames, unstoppable } from './web-page';

const EXAMPLE = 'rumelhart-graph';
const GOALS = { frameP95Ms: 20, ratio: 0.9 };
/** Patterns per call, as `cli train` trains. */
const CHUNK = 4096;

export async function measureRepresentationsTab({ port, out, seconds }: { port: number; out: string; seconds: number }): Promise<void> {
  const example = findExample(EXAMPLE);
  if (!example) throw new Error(`No example "${EXAMPLE}".`);
  const stop = await serveWebBuild(port, out);
  const browser = await launchChromium();
  let web: { p95Ms: number; medianMs: number; maxMs: number; count: number; epochsPerSecond: number; points: number };
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`http://localhost:${port}/`);
    await page.getByRole('button', { name: example.title, exact: true }).click();
    await page.getByTestId('status').filter({ hasText: 'Ready' }).waitFor();
    for (const [label, value] of [['Error criterion', '0'], ['Max epochs', '1000000000']]) {
      const field = page.getByLabel(label, { exact: true });
      await field.fill(value);
      await field.press('Enter');
    }
    await page.getByLabel('Stop once every pattern is correct').uncheck();
    await page.getByLabel('Display', { exact: true }).selectOption('live');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('status').filter({ hasText: 'Training' }).waitFor();
    await page.getByRole('tab', { name: 'Representations' }).click();
    const summary = page.getByTestId('run-summary');
    await summary.filter({ hasText: 'training' }).waitFor();
    // The representation layer's scatter is drawn: one labelled point per item.
    const points = await page.locator('svg text').count();
    const epochOf = async () => Number((await summary.locator('strong').first().textContent())?.replace(/\D/g, ''));
    await recordFrames(page);
    await page.waitForTimeout(500);
    const start = { epoch: await epochOf(), time: Date.now() };
    await clearFrames(page);
    await page.waitForTimeout(seconds * 1000);
    const frames = await takeFrames(page);
    const end = { epoch: await epochOf(), time: Date.now() };
    // BENCH_SCREENSHOT=FILE.png: what the page showed at the end, to see that the views were drawn.
    if (process.env.BENCH_SCREENSHOT) await page.screenshot({ path: process.env.BENCH_SCREENSHOT });
    web = { ...frames, epochsPerSecond: ((end.epoch - start.epoch) / (end.time - start.time)) * 1000, points };
  } finally {
    await browser.close();
    stop();
  }
  // The command line's speed on the same model: its engine in this process, as `cli train` advances it.
  const node = epochsPerSecond(createRun(unstoppable(example.build())), CHUNK, seconds);
  const ratio = web.epochsPerSecond / node;
  console.log(`\n${example.title}, ${seconds} s each, Representations tab shown, Display every epoch (${web.count} frames; ${web.points} labels drawn)\n`);
  console.log(row('', 'measured', 'goal', null));
  console.log(row('p95 frame time', `${web.p95Ms.toFixed(1)} ms`, '< 20 ms', web.p95Ms < GOALS.frameP95Ms));
  console.log(row('median frame time', `${web.medianMs.toFixed(1)} ms`, '', null));
  console.log(row('longest frame', `${web.maxMs.toFixed(0)} ms`, '', null));
  console.log(row('web build epochs/s', web.epochsPerSecond.toFixed(0), '', null));
  console.log(row('command line epochs/s', node.toFixed(0), '', null));
  console.log(row('web / command line', `${(ratio * 100).toFixed(0)} %`, '≥ 90 %', ratio >= GOALS.ratio));
}
