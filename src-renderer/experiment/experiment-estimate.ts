/**
 * How long an experiment will take, from a short measured run: the condition with the most weights, trained
 * here for a few milliseconds' worth of epochs, its pace scaled to every run's epochs and shared among the
 * workers. An estimate: runs that stop at the criterion or diverge end sooner.
 */
import { Simulation } from '../../src-shared/engine/simulation';
import { planExperiment, singleRunModel } from '../../src-shared/experiment/plan';
import type { ModelDocument } from '../../src-shared/model/schema';

export interface Estimate {
  /** Epochs per second of one run alone, as measured. */
  epochsPerSecond: number;
  /** Milliseconds for the whole experiment on `jobs` workers. */
  total: number;
}

/** `budget`: about how long to measure, in ms (the page is busy meanwhile, so short). */
export function estimateExperiment(model: ModelDocument, jobs: number, budget = 60, now: () => number = () => performance.now()): Estimate {
  const plan = planExperiment(model);
  // The largest network is the slowest: measure the condition whose run has the most weights.
  let slowest = 0;
  let most = -1;
  for (let c = 0; c < plan.conditions.length; c++) {
    const layers = singleRunModel(model, plan, c).layers;
    let weights = 0;
    for (let i = 1; i < layers.length; i++) weights += layers[i - 1].units * layers[i].units;
    if (weights > most) [most, slowest] = [weights, c];
  }
  const simulation = new Simulation(singleRunModel(model, plan, slowest));
  const start = now();
  let epochs = 0;
  let step = 1;
  while (epochs < plan.spec.epochs && now() - start < budget) {
    const outcome = simulation.advance(Number.POSITIVE_INFINITY, Math.min(plan.spec.epochs, simulation.epoch + step));
    epochs = simulation.epoch;
    if (outcome.stop === 'diverged') break;
    step *= 2;
  }
  const seconds = Math.max(1e-6, (now() - start) / 1000);
  const epochsPerSecond = Math.max(epochs, 1) / seconds;
  const workers = Math.max(1, Math.min(jobs, plan.total));
  const rounds = Math.ceil(plan.total / workers);
  return { epochsPerSecond, total: (rounds * plan.spec.epochs / epochsPerSecond) * 1000 };
}

/** "about 40 s", "about 3 min", "about 2 h". */
export function describeDuration(ms: number): string {
  const s = ms / 1000;
  if (s < 1) return 'under a second';
  if (s < 90) return `about ${Math.round(s)} s`;
  if (s < 90 * 60) return `about ${Math.round(s / 60)} min`;
  return `about ${Number((s / 3600).toPrecision(2))} h`;
}
