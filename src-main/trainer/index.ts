/**
 * The trainer's process entry. In the app, Electron starts it with utilityProcess.fork and main hands it a
 * MessagePort; under plain Node (the command line and the tests) it is forked with an IPC channel. Either
 * way the same trainer loop runs; only these few lines of obtaining the port differ.
 */
import { serveTrainer } from '../../src-shared/trainer/serve-trainer';

interface ElectronMessagePort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  start(): void;
}
interface ElectronParentPort {
  once(event: 'message', listener: (event: { data: unknown; ports: ElectronMessagePort[] }) => void): void;
}

const parentPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
const timing = { defer: (fn: () => void) => setImmediate(fn) };

if (parentPort) {
  // Electron utility process: the first message from main carries the port to the window.
  parentPort.once('message', ({ ports: [port] }) => {
    serveTrainer({ postMessage: (m) => port.postMessage(m), onMessage: (h) => port.on('message', (e) => h(e.data)) }, timing);
    port.start();
  });
} else if (process.send) {
  const send = process.send.bind(process);
  // Once the parent has gone (killed, or it disconnected while a message was on its way) a send would
  // fail with EPIPE; the callback takes that error instead of letting it crash this process.
  const post = (message: unknown) => {
    if (process.connected) send(message, undefined, undefined, () => undefined);
  };
  serveTrainer({ postMessage: post, onMessage: (h) => process.on('message', h) }, timing);
  process.on('disconnect', () => process.exit(0));
} else {
  console.error('The trainer must be started by Backprop Lab (Electron utility process or a Node child with IPC).');
  process.exit(2);
}
