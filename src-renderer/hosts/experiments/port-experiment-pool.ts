/**
 * The pool's workers in the desktop app: each an experiment worker in a utility process, reached through
 * the MessagePort main hands the page (electron-experiments.ts). The port arrives a moment after the
 * worker is asked for, so what the pool sends meanwhile waits; a process that ends by itself fails the run
 * under way, as a crashed Web Worker does. `WorkerPorts` is replaceable so this is tested with fake ports.
 */
import type { RunWorker } from '../../../src-shared/experiment/pool';
import { unstartedWorker, workerConversation } from '../../../src-shared/experiment/worker-conversation';
import type { ModelDocument } from '../../../src-shared/model/schema';
import type { RunExtras } from '../../../src-shared/experiment/run-angles';
import type { ExperimentReply, ExperimentRequest } from './experiment-messages';

/** What the glue needs of a MessagePort. */
export interface PortLike {
  postMessage(message: ExperimentRequest): void;
  addEventListener(type: 'message', listener: (event: { data: ExperimentReply }) => void): void;
  start(): void;
  close(): void;
}

/** How workers are had: the preload's verbs in the app, fakes in tests. */
export interface WorkerPorts {
  /** Starts a worker; its id and the page's end of its port. */
  connect(): Promise<{ id: number; port: PortLike }>;
  /** Ends worker `id`. */
  stop(id: number): void;
  /** `listener(reason)` when worker `id` ends by itself; returns a function that stops listening. */
  onExit(id: number, listener: (reason: string) => void): () => void;
}

const START_FAILURE = 'an experiment worker process could not start';

/** `extras`: what the runs record beyond the experiment's measures (Compare rules' angles). */
export function portWorkerStarter(model: ModelDocument, ports: WorkerPorts, extras?: RunExtras): () => RunWorker {
  // $state proxies cannot be cloned into a port: the model goes as plain data.
  const plain = JSON.parse(JSON.stringify(model)) as ModelDocument;
  return () => startPortWorker(plain, ports, extras);
}

function startPortWorker(model: ModelDocument, ports: WorkerPorts, extras: RunExtras | undefined): RunWorker {
  const conversation = workerConversation(START_FAILURE);
  const waiting: ExperimentRequest[] = [{ model, ...(extras ? { extras } : {}) }];
  let connected: { id: number; port: PortLike; unlisten: () => void } | null = null;
  let stopped = false;
  const send = (request: ExperimentRequest) => (connected ? connected.port.postMessage(request) : waiting.push(request));
  let connecting: Promise<{ id: number; port: PortLike }>;
  try {
    connecting = ports.connect();
  } catch (error) {
    return unstartedWorker(START_FAILURE, error as Error);
  }
  connecting.then(
    ({ id, port }) => {
      if (stopped) {
        port.close();
        ports.stop(id);
        return;
      }
      port.addEventListener('message', ({ data }) => conversation.receive(data));
      const unlisten = ports.onExit(id, (reason) => conversation.fail(new Error(`the worker process stopped (${reason})`)));
      connected = { id, port, unlisten };
      port.start();
      for (const request of waiting.splice(0)) port.postMessage(request);
    },
    (error: Error) => conversation.fail(error),
  );
  return {
    run: (index) => conversation.run(index, () => send({ index })),
    terminate() {
      stopped = true;
      conversation.stopping();
      // The process is ended; the run under way ends here, as a terminated Web Worker's does.
      conversation.fail(new Error('the worker was stopped'));
      if (connected) {
        connected.unlisten();
        connected.port.close();
        ports.stop(connected.id);
        connected = null;
      }
    },
  };
}
