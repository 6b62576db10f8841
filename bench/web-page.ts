/**
 * What the responsiveness benchmarks share: the web build served by vite preview, Chromium opened on it,
 * requestAnimationFrame deltas recorded in the page, and the command line's speed on the same model.
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { ModelDocument } from '../src-shared/model/schema';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** The example with nothing to stop it: no error criterion, no "all correct", no practical epoch limit. */
export function unstoppable(model: ModelDocument): ModelDocument {
  return { ...model, training: { ...model.training, errorCriterion: 0, stopWhenAllCorrect: false, maxEpochs: 1e9 } };
}

/** Epochs a second of `run` advanced `chunk` patterns at a time in this process for `seconds`, after a 0.5 s warm-up. */
export function epochsPerSecond(run: { advance(patterns: number): unknown; readonly epoch: number }, chunk: number, seconds: number): number {
  const warmUp = performance.now() + 500;
  while (performance.now() < warmUp) run.advance(chunk);
  const from = run.epoch;
  const start = performance.now();
  let now = start;
  while (now - start < seconds * 1000) {
    run.advance(chunk);
    now = performance.now();
  }
  return ((run.epoch - from) / (now - start)) * 1000;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Builds the web build into `out` and serves it on `port`; resolves to a function that stops the server. */
export async function serveWebBuild(port: number, out: string): Promise<() => void> {
  const env = { ...process.env, BPLAB_WEB_OUT: out };
  execFileSync('npx', ['vite', 'build', '--config', 'src-renderer/vite.web.config.ts', '--logLevel', 'warn'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const server = spawn('npx', ['vite', 'preview', '--config', 'src-renderer/vite.web.config.ts', '--port', String(port), '--strictPort', '--bypass-lock'], {
    env,
    stdio: 'ignore',
    detached: true,
  });
  const stop = () => {
    // The server's own process group: npx and the vite it started, nothing else.
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  };
  for (let tries = 0; tries < 120; tries++) {
    try {
      if ((await fetch(`http://localhost:${port}/`)).ok) return stop;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stop();
  throw new Error(`The web build's preview server did not answer on port ${port}.`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined, args: ['--no-sandbox', '--disable-gpu'] });
}

/** Starts recording frame deltas in the page (kept in window.frameDeltas). */
export async function recordFrames(page: Page): Promise<void> {
  // A string, not a function: tsx would wrap a named function in a helper the page does not have.
  await page.evaluate(`{
    const deltas = [];
    window.frameDeltas = deltas;
    let last = performance.now();
    const tick = (now) => { deltas.push(now - last); last = now; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  }`);
}

export const clearFrames = (page: Page): Promise<void> => page.evaluate('window.frameDeltas.length = 0');

export interface Frames {
  p95Ms: number;
  medianMs: number;
  maxMs: number;
  count: number;
}

export async function takeFrames(page: Page): Promise<Frames> {
  const deltas = await page.evaluate<number[]>('[...window.frameDeltas]');
  return { p95Ms: percentile(deltas, 95), medianMs: percentile(deltas, 50), maxMs: Math.max(...deltas), count: deltas.length };
}

/** One line of a result table: name, measured value, goal, whether it was met. */
export const resultRow = (name: string, value: string, goal: string, met: boolean | null): string =>
  `${name.padEnd(26)} ${value.padStart(12)}   ${goal.padEnd(10)} ${met === null ? '' : met ? 'met' : 'NOT met'}`;
