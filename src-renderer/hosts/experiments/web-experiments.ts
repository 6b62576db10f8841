/** The web build's experiments: module Web Workers, and the browser's IndexedDB within its budget. */
import type { ExperimentHost } from '../host';
import { clearRuns, deleteAllRuns, experimentKey, loadRuns, putFailedRun, putRun } from './web-experiment-store';
import { defaultExperimentJobs, webWorkerStarter } from './web-experiment-pool';

export function webExperiments(): ExperimentHost {
  return {
    jobs: defaultExperimentJobs(),
    startWorker: (model, extras) => webWorkerStarter(model, undefined, extras),
    storage: { key: experimentKey, load: loadRuns, put: putRun, putFailed: putFailedRun, clear: clearRuns, deleteAll: deleteAllRuns },
  };
}
