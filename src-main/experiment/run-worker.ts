/**
 * The experiment worker's entry, one file for every Node host: a worker thread of `cli experiment run`
 * (given the model as workerData), an Electron utility process of the desktop app (main sends it the port
 * to the page as its first message, the model then comes over that port), or a Node child forked with an
 * IPC channel (the tests). Only these few lines of obtaining the channel differ; the runs are served by
 * the request handler the web build's Web Worker uses too (src-shared/experiment/serve-runs.ts).
 */
import { isMainThread, parentPort as threadPort, workerData } from 'node:worker_threads';
import { serveRuns, type RunRequest } from '../../src-shared/experiment/serve-runs';
import type { ModelDocument } from '../../src-shared/model/schema';

interface ElectronMessagePort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  start(): void;
}
interface ElectronParentPort {
  once(event: 'message', listener: (event: { data: unknown; ports: ElectronMessagePort[] }) => void): void;
}

const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;

if (!isMainThread && threadPort) {
  const port = threadPort;
  serveRuns({ postMessage: (reply) => port.postMessage(reply), onMessage: (handler) => port.on('message', handler) }, (workerData as { model: ModelDocument }).model);
} else if (electronPort) {
  // Electron utility process: the first message from main carries the port to the window.
  electronPort.once('message', ({ ports: [port] }) => {
    serveRuns({ postMessage: (reply) => port.postMessage(reply), onMessage: (handler) => port.on('message', (event) => handler(event.data as RunRequest)) });
    port.start();
  });
} else if (process.send) {
  const send = process.send.bind(process);
  // Once the parent has gone a send would fail with EPIPE; the callback takes that error instead.
  const post = (message: unknown) => {
    if (process.connected) send(message, undefined, undefined, () => undefined);
  };
  serveRuns({ postMessage: post, onMessage: (handler) => process.on('message', (message) => handler(message as RunRequest)) });
  process.on('disconnect', () => process.exit(0));
} else {
  console.error('The experiment worker must be started by Backprop Lab (a worker thread, an Electron utility process or a Node child with IPC).');
  process.exit(2);
}
