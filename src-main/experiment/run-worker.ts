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
import { electronParentPort, parentProcessChannel, whenPortArrives } from '../process-ports';

if (!isMainThread && threadPort) {
  const port = threadPort;
  serveRuns({ postMessage: (reply) => port.postMessage(reply), onMessage: (handler) => port.on('message', handler) }, (workerData as { model: ModelDocument }).model);
} else if (electronParentPort) {
  // Electron utility process: the first message from main carries the port to the window.
  whenPortArrives(electronParentPort, (port) => serveRuns({ postMessage: (reply) => port.postMessage(reply), onMessage: (handler) => port.on('message', (event) => handler(event.data as RunRequest)) }));
} else if (process.send) {
  const child = parentProcessChannel()!;
  serveRuns({ postMessage: child.post, onMessage: (handler) => child.onMessage((message) => handler(message as RunRequest)) });
} else {
  console.error('The experiment worker must be started by Backprop Lab (a worker thread, an Electron utility process or a Node child with IPC).');
  process.exit(2);
}
