/**
 * Compare rules' runs: the experiment runner (experiment-runner.ts) on the host's workers, asking each run
 * for feedback alignment's angles, with the runs kept in the page's memory only — a comparison is a view,
 * not the document's experiment, so nothing is written to the browser's storage or a results folder. The
 * last few comparisons stay while the page is open, so closing and reopening shows them again.
 */
import type { FailedRun } from '../../src-shared/experiment/run-record';
import type { StoredRun } from '../experiment/experiment-results';
import { ExperimentRunner, type ExperimentStorage, type RunnerView } from '../experiment/experiment-runner';
import type { ExperimentHost } from '../hosts/host';

/** Comparisons whose runs the page keeps. */
export const KEPT_COMPARISONS = 4;

/** An ExperimentStorage in memory, keeping the `kept` comparisons that stored a run most recently. */
export function memoryStorage(kept = KEPT_COMPARISONS): ExperimentStorage {
  const held = new Map<string, { runs: StoredRun[]; failed: FailedRun[] }>();
  const entry = (key: string) => {
    const found = held.get(key) ?? { runs: [], failed: [] };
    // Most recently used last: re-inserted on each use.
    held.delete(key);
    held.set(key, found);
    while (held.size > kept) held.delete(held.keys().next().value!);
    return found;
  };
  return {
    key: (text) => text,
    load: (key) => {
      const found = held.get(key);
      return Promise.resolve({ runs: [...(found?.runs ?? [])], failed: [...(found?.failed ?? [])] });
    },
    put: (key, run) => {
      const found = entry(key);
      found.runs = [...found.runs.filter((r) => r.result.index !== run.result.index), run];
      return Promise.resolve();
    },
    putFailed: (key, failed) => {
      entry(key).failed.push(failed);
      return Promise.resolve();
    },
    clear: (key) => {
      held.delete(key);
      return Promise.resolve();
    },
  };
}

const pageStorage = memoryStorage();

/** A runner for the comparisons: the host's workers, each run recording the angles, the page's memory as storage. */
export function comparisonRunner(host: ExperimentHost, view: RunnerView): ExperimentRunner {
  return new ExperimentRunner({
    jobs: host.jobs,
    view,
    storage: pageStorage,
    startWorker: (model) => host.startWorker(model, { alignmentAngles: true }),
  });
}
