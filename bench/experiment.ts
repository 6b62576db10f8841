/**
 * `npm run bench -- experiment`: runs per second of one experiment (60 equal-length runs: the 8-3-8
 * encoder, backprop and feedback alignment, 30 seeds each, 40,000 epochs) with 1 worker thread and with one
 * per core, median of 5 rounds taken in turns; and one run inside the experiment (epoch by epoch, with the
 * after-epoch test pass that finds epochs to criterion) against the same run alone as `cli train` runs it,
 * in this process's CPU time (both run on this thread, so other work on the machine does not count).
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

const ROUNDS = 5;

function benchModel(): ModelDocument {
  const model = experimentExamples.find((e) => e.id === 'experiment-encoder-fa')!.build();
  return { ...model, experiment: { ...model.experiment!, replications: 30, epochs: 40_000, record: { finalOutputs: false, finalWeights: false } } };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function runsPerSecond(model: ModelDocument, jobs: number): Promise<number> {
  const dir = await mkdtemp(join(os.tmpdir(), 'bplab-bench-experiment-'));
  try {
    const start = performance.now();
    const outcome = await runExperiment({ model, dir, jobs, merge: false });
    const seconds = (performance.now() - start) / 1000;
    if (outcome.finished !== outcome.toRun) throw new Error(`only ${outcome.finished} of ${outcome.toRun} runs finished`);
    return outcome.finished / seconds;
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
  const one: number[] = [];
  const all: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const a = await runsPerSecond(model, 1);
    const b = await runsPerSecond(model, cores);
    one.push(a);
    all.push(b);
    ratios.push(b / a);
    process.stderr.write(`round ${round + 1}: 1 worker ${a.toFixed(2)} runs/s, ${cores} workers ${b.toFixed(2)} runs/s (×${(b / a).toFixed(2)})\n`);
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
  console.log(`\nExperiment: ${total} runs of ${planExperiment(model).spec.epochs} epochs (8-3-8 encoder, online), ${cores} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}; median of ${ROUNDS}; load average at the end ${load}\n`);
  console.log('| workers | runs/s | × 1 worker |');
  console.log('| ---: | ---: | ---: |');
  console.log(`| 1 | ${median(one).toFixed(2)} | 1 |`);
  console.log(`| ${cores} | ${median(all).toFixed(2)} | ${median(ratios).toFixed(2)} (median of the rounds' ratios) |`);
  console.log(`\nOne run inside the experiment / the same run alone (cli train's path), CPU time: ${overhead.toFixed(3)} (median of ${inside.length} ratios; medians alone ${median(alone).toFixed(3)} s, inside ${median(inside).toFixed(3)} s)`);
}
