/**
 * How a Node process started by Electron's utilityProcess.fork receives its MessagePort: main's first
 * message to the process carries it. The trainer's and the experiment worker's entries both wait for it.
 */
export interface ElectronMessagePort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  start(): void;
}

interface ElectronParentPort {
  once(event: 'message', listener: (event: { data: unknown; ports: ElectronMessagePort[] }) => void): void;
}

/** Electron's process.parentPort in a utility process; undefined under plain Node. */
export const electronParentPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;

/** Calls `serve` with the port to the window once main sends it, and starts the port's messages. */
export function whenPortArrives(parent: ElectronParentPort, serve: (port: ElectronMessagePort) => void): void {
  parent.once('message', ({ ports: [port] }) => {
    serve(port);
    port.start();
  });
}

/**
 * For a Node child forked with an IPC channel (the command line's and the tests' way): posts to the parent
 * while it is connected. Once it has gone (killed, or it disconnected while a message was on its way) a send
 * would fail with EPIPE; the callback takes that error instead of letting it crash this process. The child
 * exits when the parent disconnects. Null when this process has no IPC channel.
 */
export function parentProcessChannel(): { post: (message: unknown) => void; onMessage: (handler: (message: unknown) => void) => void } | null {
  if (!process.send) return null;
  const send = process.send.bind(process);
  process.on('disconnect', () => process.exit(0));
  return {
    post: (message) => {
      if (process.connected) send(message, undefined, undefined, () => undefined);
    },
    onMessage: (handler) => process.on('message', handler),
  };
}
