/**
 * `npm run bench -- experiment`: runs per second of one experiment (60 equal-length runs: the 8-3-8
 * encoder, backprop and feedback alignment, 30 seeds each, 100,000 epochs — about a quarter of a second
 * each; BENCH_EPOCHS changes it) with 1 worker thread and with one per core, median of 5 rounds taken in
 * turns. Each measurement is what `cli experiment run` does from the sources (`npm run cli`): runExperiment
 * into a new results folder — bundling the worker, starting the threads, computing and writing every run
 * file — from its call to its return, without the tables' merge at the end. Beside it, per configuration:
 * the process's CPU time per run (every thread: a fixed cost shows as more CPU per run with more workers),
 * when each worker's first run came back (its start), and how long workers waited between runs. And one run
 * inside the experiment (epoch by epoch, with the after-epoch test pass that finds epochs to criterion)
 * against the same run alone as `cli train` runs it, in this process's CPU time (both run on this thread,
 * so other work on the machine does not count).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { experimentExamples } from '../src-shared/data/experiment-examples';
import { Simulation } from '../src-shared/engine/simulation';
import { planExperiment, singleRunModel } from '../src-shared/experiment/plan';
import { runExperimentRun } from '../src-shared/experiment/run-one';
import type { ModelDocument } from '../src-shared/model/schema';
import { runExperiment } from '../src-main/experiment/run-experiment';
import { threadWorkerStarter } from '../src-main/experiment/thread-host';
import type { RunWorker } from '../src-shared/experiment/pool';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const EPOCHS = Number(process.env.BENCH_EPOCHS ?? 100_000);

function benchModel(): ModelDocument {
  const model = experimentExamples.find((e) => e.id === 'experiment-encoder-fa')!.build();
  return { ...model, experiment: { ...model.experiment!, replications: 30, epochs: EPOCHS, record: { finalOutputs: false, finalWeights: false } } };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface Measurement {
  runsPerSecond: number;
  /** The process's CPU time (all threads) per run, ms. */
  cpuPerRun: number;
  /** When each worker's first run came back, ms after the call: its start and its first run. */
  firstRuns: number[];
  /** Mean time a worker waited between handing back a run and being asked for the next, ms. */
  meanWait: number;
}

async function measure(model: ModelDocument, jobs: number): Promise<Measurement> {
  const dir = await mkdtemp(join(os.tmpdir(), 'bplab-bench-experiment-'));
  try {
    const firstRuns: number[] = [];
    const waits: number[] = [];
    const cpu0 = cpuNow();
    const start = performance.now();
    // The runner's own thread workers, seen from outside: when each run was asked for and came back.
    const threads = threadWorkerStarter(model);
    const startWorker = (): RunWorker => {
      const worker = threads();
      let last: number | null = null;
      return {
        async run(index) {
          const asked = performance.now();
          if (last !== null) waits.push(asked - last);
          const result = await worker.run(index);
          if (last === null) firstRuns.push(performance.now() - start);
          last = performance.now();
          return result;
        },
        terminate: () => worker.terminate(),
      };
    };
    const outcome = await runExperiment({ model, dir, jobs, merge: false, startWorker });
    const seconds = (performance.now() - start) / 1000;
    if (outcome.finished !== outcome.toRun) throw new Error(`only ${outcome.finished} of ${outcome.toRun} runs finished`);
    const meanWait = waits.reduce((a, b) => a + b, 0) / Math.max(1, waits.length);
    return { runsPerSecond: outcome.finished / seconds, cpuPerRun: (cpuNow() - cpu0) / outcome.finished, firstRuns, meanWait };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Milliseconds of this process's CPU time. */
function cpuNow(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function runAloneSeconds(model: ModelDocument, index: number): number {
  const plan = planExperiment(model);
  const single = singleRunModel(model, plan, index);
  const start = cpuNow();
  // As `cli train` does: chunks of 4096 presentations, the criterion off so both train every epoch.
  const simulation = new Simulation({ ...single, training: { ...single.training, errorCriterion: 0 } });
  const epochs = plan.spec.epochs;
  while (simulation.epoch < epochs) simulation.advance(4096, epochs);
  simulation.testPass();
  return (cpuNow() - start) / 1000;
}

function runInsideSeconds(model: ModelDocument, index: number): number {
  const plan = planExperiment(model);
  const start = cpuNow();
  runExperimentRun(model, plan, index);
  return (cpuNow() - start) / 1000;
}

export async function benchExperiment(): Promise<void> {
  const model = benchModel();
  const cores = os.availableParallelism();
  const total = planExperiment(model).total;
  const one: Measurement[] = [];
  const all: Measurement[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const a = await measure(model, 1);
    const b = await measure(model, cores);
    one.push(a);
    all.push(b);
    ratios.push(b.runsPerSecond / a.runsPerSecond);
    process.stderr.write(`round ${round + 1}: 1 worker ${a.runsPerSecond.toFixed(2)} runs/s, ${cores} workers ${b.runsPerSecond.toFixed(2)} runs/s (×${(b.runsPerSecond / a.runsPerSecond).toFixed(2)})\n`);
  }
  const inside: number[] = [];
  const alone: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Backprop (run 0) and feedback alignment (run 1) in turns, each inside and alone back to back.
    for (const index of [0, 1]) {
      alone.push(runAloneSeconds(model, index));
      inside.push(runInsideSeconds(model, index));
    }
  }
  const overhead = median(inside.map((t, i) => t / alone[i]));
  const load = os.loadavg().map((l) => l.toFixed(1)).join(', ');
  console.log(`\nExperiment: ${total} runs of ${planExperiment(model).spec.epochs} epochs (8-3-8 encoder, online; from the sources, as 'npm run cli' runs), ${cores} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}; median of ${ROUNDS}; load average at the end ${load}\n`);
  const row = (jobs: number, m: Measurement[], ratio: string) => {
    const firsts = m.map((x) => median(x.firstRuns));
    console.log(`| ${jobs} | ${median(m.map((x) => x.runsPerSecond)).toFixed(2)} | ${ratio} | ${median(m.map((x) => x.cpuPerRun)).toFixed(1)} | ${median(firsts).toFixed(0)} | ${median(m.map((x) => x.meanWait)).toFixed(2)} |`);
  };
  console.log('| workers | runs/s | × 1 worker | CPU ms per run (all threads) | first run back after, ms | wait between runs, ms |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  row(1, one, '1');
  row(cores, all, `${median(ratios).toFixed(2)} (median of the rounds' ratios)`);
  console.log(`\nOne run inside the experiment / the same run alone (cli train's path), CPU time: ${overhead.toFixed(3)} (median of ${inside.length} ratios; medians alone ${median(alone).toFixed(3)} s, inside ${median(inside).toFixed(3)} s)`);
}
