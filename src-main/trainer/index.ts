/**
 * The trainer's process entry. In the app, Electron starts it with utilityProcess.fork and main hands it a
 * MessagePort; under plain Node (the command line and the tests) it is forked with an IPC channel. Either
 * way the same trainer loop runs; only these few lines of obtaining the port differ.
 */
import { serveTrainer } from '../../src-shared/trainer/serve-trainer';
import { electronParentPort, parentProcessChannel, whenPortArrives } from '../process-ports';

const timing = { defer: (fn: () => void) => setImmediate(fn) };

if (electronParentPort) {
  // Electron utility process: the first message from main carries the port to the window.
  whenPortArrives(electronParentPort, (port) => serveTrainer({ postMessage: (m) => port.postMessage(m), onMessage: (h) => port.on('message', (e) => h(e.data)) }, timing));
} else if (process.send) {
  const child = parentProcessChannel()!;
  serveTrainer({ postMessage: child.post, onMessage: (h) => child.onMessage(h) }, timing);
} else {
  console.error('The trainer must be started by Backprop Lab (Electron utility process or a Node child with IPC).');
  process.exit(2);
}
