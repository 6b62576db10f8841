/**
 * The experiment runner as the page has it, in the web build and (for now) in the desktop app's renderer
 * too: runs on Web Workers, kept in the browser's IndexedDB.
 */
import { ExperimentRunner } from '../state/experiment-runner';
import { ReactiveRunnerView } from '../state/experiment-view.svelte';
import { clearRuns, experimentKey, loadRuns, putFailedRun, putRun } from './web-experiment-store';
import { defaultExperimentJobs, webWorkerStarter } from './web-experiment-pool';

export function pageExperimentRunner(jobs = defaultExperimentJobs()): ExperimentRunner {
  return new ExperimentRunner({
    jobs,
    view: new ReactiveRunnerView(),
    startWorker: (model) => webWorkerStarter(model),
    storage: { key: experimentKey, load: loadRuns, put: putRun, putFailed: putFailedRun, clear: clearRuns },
  });
}
