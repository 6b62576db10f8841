/**
 * `npm run bench:ui`: is the workbench smooth while it trains, and does the web build's trainer keep up with
 * the command line? Builds the web build, serves it, opens it in Chromium (Playwright's library API), trains
 * the Rumelhart & Todd example with its stopping criteria off for BENCH_SECONDS (5) with the Train tab
 * shown, and records requestAnimationFrame deltas and the epochs reached; then runs the same model in
 * Node with the engine alone for as long. Printed, not asserted: timings depend on the machine.
 */
import { findExample } from '../src-shared/data/examples';
import { Simulation } from '../src-shared/engine/simulation';
import { measureExperimentTab } from './responsiveness-experiment';
import { measureRepresentationsTab } from './responsiveness-representations';
import { clearFrames, epochsPerSecond, launchChromium, recordFrames, resultRow as row, serveWebBuild, takeFrames, unstoppable } from './web-page';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 4239);
const OUT = process.env.BPLAB_WEB_OUT ?? '/tmp/backprop-lab-bench-web';
/** BENCH_EXAMPLE=xor BENCH_SECONDS=60: a very fast run whose history grows by ~10⁶ epochs a second. */
const EXAMPLE = process.env.BENCH_EXAMPLE ?? 'rumelhart';
const GOALS = { frameP95Ms: 20, ratio: 0.9, pauseMs: 100 };

interface WebResult {
  frameP95Ms: number;
  frameMedianMs: number;
  frameMaxMs: number;
  frames: number;
  /** From the Pause click to the status saying Paused, at the end of the run, timed in the page. */
  pauseMs: number;
  epochsPerSecond: number;
}

async function measureWeb(title: string): Promise<WebResult> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(`http://localhost:${PORT}/`);
    await page.getByRole('button', { name: title, exact: true }).click();
    await page.getByTestId('status').filter({ hasText: 'Ready' }).waitFor();
    for (const [label, value] of [['Error criterion', '0'], ['Max epochs', '1000000000']]) {
      const field = page.getByLabel(label, { exact: true });
      await field.fill(value);
      await field.press('Enter');
    }
    await page.getByLabel('Stop once every pattern is correct').uncheck();
    // The lecture examples open in slow motion: measured at full speed, every epoch drawn.
    await page.getByLabel('Display', { exact: true }).selectOption('live');
    await page.getByRole('tab', { name: 'Train' }).click();

    const epochOf = async () => Number(await page.getByTestId('epoch').textContent());
    await recordFrames(page);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('status').filter({ hasText: 'Training' }).waitFor();
    const start = { epoch: await epochOf(), time: Date.now() };
    await clearFrames(page);
    await page.waitForTimeout(SECONDS * 1000);
    const frames = await takeFrames(page);
    const end = { epoch: await epochOf(), time: Date.now() };
    // Timed in the page, from the click to the status reading Paused: what a user waits for. Timed from
    // here, Playwright's click waits for the button to be stable over animation frames and the wait polls,
    // which made a 5 ms answer read as 150 ms.
    const pauseMs = await page.evaluate<number>(`new Promise((resolve) => {
      const status = document.querySelector('[data-testid="status"]');
      const pause = Array.from(document.querySelectorAll('button')).find((button) => button.textContent.trim() === 'Pause');
      const clicked = performance.now();
      const watch = new MutationObserver(() => {
        if (!status.textContent.includes('Paused')) return;
        watch.disconnect();
        resolve(performance.now() - clicked);
      });
      watch.observe(status, { childList: true, characterData: true, subtree: true });
      pause.click();
    })`);
    return {
      frameP95Ms: frames.p95Ms,
      frameMedianMs: frames.medianMs,
      frameMaxMs: frames.maxMs,
      frames: frames.count,
      pauseMs,
      epochsPerSecond: ((end.epoch - start.epoch) / (end.time - start.time)) * 1000,
    };
  } finally {
    await browser.close();
  }
}

async function workbench(): Promise<void> {
  const example = findExample(EXAMPLE);
  if (!example) throw new Error(`No example "${EXAMPLE}".`);
  const stop = await serveWebBuild(PORT, OUT);
  let web: WebResult;
  try {
    web = await measureWeb(example.title);
  } finally {
    stop();
  }
  const model = unstoppable(example.build());
  // The engine alone, in this process: the command line's speed on the same model.
  const node = epochsPerSecond(new Simulation(model), model.patterns.length * 16, SECONDS);
  const ratio = web.epochsPerSecond / node;
  console.log(`\n${example.title}, ${SECONDS} s each, Train tab shown (${web.frames} frames)\n`);
  console.log(row('', 'measured', 'goal', null));
  console.log(row('p95 frame time', `${web.frameP95Ms.toFixed(1)} ms`, '< 20 ms', web.frameP95Ms < GOALS.frameP95Ms));
  console.log(row('median frame time', `${web.frameMedianMs.toFixed(1)} ms`, '', null));
  console.log(row('longest frame', `${web.frameMaxMs.toFixed(0)} ms`, '', null));
  console.log(row('Pause answered in', `${web.pauseMs.toFixed(0)} ms`, '< 100 ms', web.pauseMs < GOALS.pauseMs));
  console.log(row('web build epochs/s', web.epochsPerSecond.toFixed(0), '', null));
  console.log(row('command line epochs/s', node.toFixed(0), '', null));
  console.log(row('web / command line', `${(ratio * 100).toFixed(0)} %`, '≥ 90 %', ratio >= GOALS.ratio));
}

/**
 * `npm run bench:ui` measures the workbench; `npm run bench:ui -- experiment` the Experiment tab;
 * `npm run bench:ui -- representations` the Representations tab on Rumelhart's network while it trains.
 */
const scenario = process.argv[2] ?? 'workbench';
if (scenario === 'experiment') await measureExperimentTab({ port: PORT, out: OUT, seconds: SECONDS });
else if (scenario === 'representations') await measureRepresentationsTab({ port: PORT, out: OUT, seconds: SECONDS });
else if (scenario === 'workbench') await workbench();
else throw new Error(`bench:ui knows "workbench", "experiment" and "representations", not "${scenario}".`);
