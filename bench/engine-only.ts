/**
 * `npx tsx bench/engine-only.ts [FILTER]`: the engine's side of the benchmark alone (no tfjs), for quick
 * comparisons while working on the kernels. Examples per second, best of BENCH_ROUNDS × BENCH_SECONDS.
 */
import { Simulation } from '../src-shared/engine/simulation';
import { benchCases, engineModel, parameterCount } from './cases';

const seconds = Number(process.env.BENCH_SECONDS ?? 1);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const filter = process.argv[2] ?? '';

function measure(work: () => number, duration: number): number {
  const warmUpEnd = performance.now() + 200;
  while (performance.now() < warmUpEnd) work();
  let examples = 0;
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < duration * 1000 || calls < 2) {
    examples += work();
    calls++;
    now = performance.now();
  }
  return (examples / (now - start)) * 1000;
}

for (const c of benchCases()) {
  if (!c.name.includes(filter)) continue;
  const results: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const simulation = new Simulation(engineModel(c));
    const m = c.patternsPerUpdate;
    const chunk = m * Math.max(1, Math.round(Math.min(4096, 2e7 / parameterCount(c.sizes)) / m));
    results.push(measure(() => simulation.advance(chunk).presented, seconds));
  }
  const best = Math.max(...results);
  console.log(`${c.name.padEnd(34)} ${Math.round(best).toLocaleString('en').padStart(12)} ex/s  ` +
    `(${results.map((r) => Math.round(r).toLocaleString('en')).join(', ')})`);
}
