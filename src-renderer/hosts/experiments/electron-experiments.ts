/**
 * The desktop app's experiments: runs on utility processes whose ports main hands the page (the preload
 * forwards each as the window message EXPERIMENT_PORT_MESSAGE, tagged with the worker's id), and results in
 * a results folder on disk, written and read by main (src-main/main/experiment-results.ts): the same files
 * `cli experiment run` writes, beside the model as NAME.results.
 */
import { EXPERIMENT_PORT_MESSAGE, type ExperimentPortMessage, type PreloadApi } from '../../../src-shared/ipc/preload-api';
import type { ExperimentHost } from '../host';
import { defaultExperimentJobs } from './web-experiment-pool';
import { experimentKey } from './web-experiment-store';
import { portWorkerStarter, type PortLike, type WorkerPorts } from './port-experiment-pool';

/** How long a worker's port may take to arrive after main said it started. */
const PORT_WAIT_MS = 15_000;

/** What this needs of the page's window: its messages, and itself as their source. */
export type PortWindow = Pick<Window, 'addEventListener'>;

/** `page` defaults to the window, looked up when the first worker starts (a host made outside a page has none). */
export function electronExperiments(api: PreloadApi, page?: PortWindow): ExperimentHost {
  let ports: WorkerPorts | null = null;
  const listening = () => (ports ??= electronWorkerPorts(api, page ?? window));
  return {
    jobs: defaultExperimentJobs(),
    startWorker: (model, extras) => portWorkerStarter(model, listening(), extras),
    storage: {
      key: experimentKey,
      async load(key, text) {
        const results = await api.openExperimentResults(key, text);
        const where = results.place === 'beside-model' ? results.folder : `${results.folder} (the app’s data folder: save the model to keep its results beside it)`;
        return { runs: results.runs, failed: results.failed, where };
      },
      put: (key, run) => api.putExperimentRun(key, run.result).then(() => undefined),
      putFailed: (key, failed) => api.putFailedExperimentRun(key, failed).then(() => undefined),
      clear: (key) => api.clearExperimentResults(key).then(() => undefined),
      finish: (key) => api.mergeExperimentResults(key).then(() => undefined),
    },
  };
}

export function electronWorkerPorts(api: PreloadApi, page: PortWindow): WorkerPorts {
  const arrived = new Map<number, MessagePort>();
  const waiting = new Map<number, (port: MessagePort) => void>();
  const exits = new Map<number, (reason: string) => void>();
  page.addEventListener('message', (event: MessageEvent) => {
    // Only the preload posts from this window itself; anything else (a frame, another origin) is not it.
    if (event.source !== page || !isExperimentPortMessage(event.data) || event.ports.length === 0) return;
    const { id } = event.data;
    const take = waiting.get(id);
    if (take) {
      waiting.delete(id);
      take(event.ports[0]);
    } else arrived.set(id, event.ports[0]);
  });
  api.onExperimentWorkerExit((id, reason) => exits.get(id)?.(reason));
  return {
    async connect() {
      const { id } = await api.requestExperimentWorker();
      const early = arrived.get(id);
      arrived.delete(id);
      const port =
        early ??
        (await new Promise<MessagePort>((resolve, reject) => {
          const timer = setTimeout(() => {
            waiting.delete(id);
            void api.stopExperimentWorker(id).catch(() => undefined);
            reject(new Error(`the port of experiment worker ${id} did not arrive within ${PORT_WAIT_MS / 1000} s`));
          }, PORT_WAIT_MS);
          waiting.set(id, (p) => {
            clearTimeout(timer);
            resolve(p);
          });
        }));
      return { id, port: port as unknown as PortLike };
    },
    stop: (id) => void api.stopExperimentWorker(id).catch((error: Error) => console.error(error.message)),
    onExit(id, listener) {
      exits.set(id, listener);
      return () => void exits.delete(id);
    },
  };
}

function isExperimentPortMessage(data: unknown): data is ExperimentPortMessage {
  return typeof data === 'object' && data !== null && (data as ExperimentPortMessage).type === EXPERIMENT_PORT_MESSAGE && typeof (data as ExperimentPortMessage).id === 'number';
}
