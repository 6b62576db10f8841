/**
 * The experiment worker entry (src-main/experiment/run-worker.ts) forked under plain Node with an IPC
 * channel, standing in for the utility processes and ports Electron gives the desktop app's page; and the
 * main-side results store reached directly, standing in for the preload's verbs over ipc.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ExperimentResultsStore } from '../../src-main/main/experiment-results';
import type { PreloadApi } from '../../src-shared/ipc/preload-api';
import type { PortLike, WorkerPorts } from '../../src-renderer/hosts/experiments/port-experiment-pool';

export const workerEntry = fileURLToPath(new URL('../../src-main/experiment/run-worker.ts', import.meta.url));

export function forkWorkerEntry(): ChildProcess {
  return fork(workerEntry, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** The child's IPC channel as the page's MessagePort; each run index asked for is noted in `asked`. */
export function childAsPort(child: ChildProcess, asked: number[] = []): PortLike {
  return {
    postMessage(message) {
      if ('index' in message) asked.push(message.index);
      // A message to a process that has died is lost, as on a closed port: its exit is what the pool hears.
      child.send(message, undefined, undefined, () => undefined);
    },
    addEventListener: (_type, listener) => void child.on('message', (data) => listener({ data: data as never })),
    start() {},
    close() {},
  };
}

/** Workers as forked processes, with ids as main gives them; `started` lists every child. */
export function forkedWorkerPorts(): WorkerPorts & { started: ChildProcess[]; stopped: number[]; asked: number[] } {
  const started: ChildProcess[] = [];
  const stopped: number[] = [];
  const asked: number[] = [];
  return {
    started,
    stopped,
    asked,
    async connect() {
      const child = forkWorkerEntry();
      started.push(child);
      return { id: started.length, port: childAsPort(child, asked) };
    },
    stop(id) {
      stopped.push(id);
      started[id - 1].kill();
    },
    onExit(id, listener) {
      const child = started[id - 1];
      const exit = (code: number | null, signal: string | null) => listener(signal ? `signal ${signal}` : `exit code ${code}`);
      child.once('exit', exit);
      return () => void child.off('exit', exit);
    },
  };
}

/** The preload's results verbs as the page calls them, answered by main's store for window `contentsId`. */
export function storeAsApi(store: ExperimentResultsStore, contentsId = 1): PreloadApi {
  return {
    openExperimentResults: (key, experiment) => store.open(contentsId, key, experiment),
    putExperimentRun: async (key, run) => (await store.put(contentsId, key, structuredClone(run)), null),
    putFailedExperimentRun: async (key, failed) => (await store.putFailed(contentsId, key, failed), null),
    mergeExperimentResults: async (key) => (await store.merge(contentsId, key), null),
    clearExperimentResults: async (key) => (await store.clear(contentsId, key), null),
    onExperimentWorkerExit: () => () => undefined,
  } as Partial<PreloadApi> as PreloadApi;
}
