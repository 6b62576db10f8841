/**
 * `npm run bench`: training speed of the engine (Float64) beside @tensorflow/tfjs (cpu backend, and wasm
 * with SIMD), in the same run, on the networks of issue 3. Prints a Markdown table: examples per second
 * and GFLOP/s, counting 6 floating-point operations per weight (and bias) per example.
 * `npm run bench -- FILTER` measures only the networks whose name contains FILTER (e.g. "full batch");
 * `npm run bench -- experiment` measures experiments instead (bench/experiment.ts).
 */
import os from 'node:os';
import { createRun } from '../src-shared/engine/training-run';
import { benchCases, engineModel, parameterCount, type BenchCase } from './cases';
import { graphBenchCases, graphEngineModel, graphParameterCount } from './graph-cases';
import { clock, now } from './support';
import { selectBackend, settle, tfjsTrainer, tfjsVersion, type TfjsBackend } from './tfjs-reference';

/** Seconds each measurement runs for (after a warm-up); the best of `rounds` measurements is kept. */
const seconds = Number(process.env.BENCH_SECONDS ?? 1);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);

/** Runs `work` (which returns the examples it did) repeatedly for about `duration` s; examples per second. */
function measure(work: () => number, duration: number, minimumCalls = 2): number {
  const warmUpEnd = performance.now() + 200;
  while (performance.now() < warmUpEnd) work();
  let examples = 0;
  let calls = 0;
  const start = now();
  let time = start;
  while (time - start < duration * 1000 || calls < minimumCalls) {
    examples += work();
    calls++;
    time = now();
  }
  return (examples / (time - start)) * 1000;
}

/** Weights and biases of a case's network, chain or graph. */
const parametersOf = (c: BenchCase) => (c.graph ? graphParameterCount(c.graph) : parameterCount(c.sizes));

function engineSpeed(c: BenchCase): number {
  // A chain runs on the chain engine, a graph on the graph path (createRun picks).
  const simulation = createRun(c.graph ? graphEngineModel({ ...c, graph: c.graph }) : engineModel(c));
  // As the trainer loop does: a chunk of patterns per call, sized to a few milliseconds of work — and a
  // whole number of updates, so each update's patterns go through the kernels as one block.
  const m = c.patternsPerUpdate;
  const chunk = m * Math.max(1, Math.round(Math.min(4096, 2e7 / parametersOf(c)) / m));
  return measure(() => simulation.advance(chunk).presented, seconds);
}

function tfjsSpeed(c: BenchCase): number {
  const trainer = tfjsTrainer(c);
  try {
    return measure(() => {
      trainer.step();
      return trainer.examplesPerStep;
    }, seconds);
  } finally {
    settle();
    trainer.dispose();
  }
}

function best(values: number[]): number {
  return Math.max(...values);
}

const format = (value: number) => (value >= 100 ? Math.round(value).toLocaleString('en') : value.toPrecision(3));

async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  if (filter === 'experiment') {
    await (await import('./experiment')).benchExperiment();
    return;
  }
  const cases = [...benchCases(), ...graphBenchCases()].filter((c) => c.name.includes(filter));
  const results = new Map<string, { engine: number[]; cpu: number[]; wasm: number[] }>();
  for (const c of cases) results.set(c.name, { engine: [], cpu: [], wasm: [] });
  const backendNames: Record<TfjsBackend, string> = { cpu: 'cpu', wasm: 'wasm' };
  // Each network's three measurements are taken back to back, so a slow spell of the machine (this VM's
  // core runs ~40 % slower for tens of seconds at a time) falls on the engine and on tfjs alike.
  for (let round = 0; round < rounds; round++) {
    for (const c of cases) {
      results.get(c.name)!.engine.push(engineSpeed(c));
      for (const backend of ['cpu', 'wasm'] as const) {
        backendNames[backend] = await selectBackend(backend);
        results.get(c.name)![backend].push(tfjsSpeed(c));
      }
    }
    process.stderr.write(`round ${round + 1} of ${rounds} done\n`);
  }

  const cpu = os.cpus();
  console.log(`Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} logical cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; ` +
    `Node ${process.version}; tfjs ${tfjsVersion} (${backendNames.cpu}; ${backendNames.wasm}); best of ${rounds} × ${seconds} s ` +
    `of ${clock === 'cpu' ? 'CPU time' : 'wall-clock time'}; load average ${os.loadavg()[0].toFixed(1)} at the end.`);
  console.log('');
  console.log('| network | engine ex/s | engine GFLOP/s | tfjs cpu ex/s | tfjs wasm ex/s | tfjs best GFLOP/s | engine ÷ tfjs best | engine ÷ tfjs wasm | goal |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const c of cases) {
    const r = results.get(c.name)!;
    const engine = best(r.engine);
    const tfCpu = best(r.cpu);
    const tfWasm = best(r.wasm);
    const flops = 6 * parametersOf(c);
    const tfBest = Math.max(tfCpu, tfWasm);
    const ratioBest = engine / tfBest;
    const ratioWasm = engine / tfWasm;
    const target = c.goal.of === 'best' ? ratioBest : ratioWasm;
    const goal = c.goal.times === 0 ? '—' : `≥ ${c.goal.times}× ${c.goal.of === 'best' ? 'best' : 'wasm'}: ${target >= c.goal.times ? 'met' : 'NOT met'}`;
    console.log(`| ${c.name} | ${format(engine)} | ${(engine * flops / 1e9).toFixed(2)} | ${format(tfCpu)} | ${format(tfWasm)} | ` +
      `${(tfBest * flops / 1e9).toFixed(2)} | ${format(ratioBest)}× | ${format(ratioWasm)}× | ${goal} |`);
  }
}

await main();
