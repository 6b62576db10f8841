/**
 * A window's experiment workers, each an Electron utility process running the experiment worker entry
 * (src-main/experiment/run-worker.ts). For each worker the page asks for, main opens a MessageChannelMain,
 * gives one end to the process and posts the other to the page tagged with the worker's id, so no run's
 * data passes through main. The page stops a worker by its id; closing the window ends all of its workers.
 */
import type { BrowserWindow, MessageChannelMain, UtilityProcess } from 'electron';
import { IPC_CHANNELS } from '../../src-shared/ipc/preload-api';

/** The two Electron calls the bridge needs, passed in so tests can watch them. */
export interface ExperimentLauncher {
  /** utilityProcess.fork */
  fork(modulePath: string): Pick<UtilityProcess, 'postMessage' | 'once' | 'kill'>;
  /** new MessageChannelMain() */
  createChannel(): Pick<MessageChannelMain, 'port1' | 'port2'>;
}

type BridgedWindow = Pick<BrowserWindow, 'isDestroyed' | 'once'> & { webContents: Pick<BrowserWindow['webContents'], 'postMessage' | 'send'> };

export interface ExperimentWorkers {
  /** Starts a worker and posts its port to the page; the id names it in the port's message and in stop. */
  start(): number;
  /** Ends one worker (the page's pool terminating it); an id that is not this window's does nothing. */
  stop(id: number): void;
  /** How many of the window's workers are running. */
  readonly count: number;
}

export function bridgeExperimentWorkers(window: BridgedWindow, entryPath: string, launcher: ExperimentLauncher): ExperimentWorkers {
  const running = new Map<number, Pick<UtilityProcess, 'kill'>>();
  let lastId = 0;
  let closed = false;
  window.once('closed', () => {
    closed = true;
    for (const child of running.values()) child.kill();
    running.clear();
  });
  return {
    start() {
      if (closed || window.isDestroyed()) throw new Error('the window is closed');
      const id = ++lastId;
      const child = launcher.fork(entryPath);
      const { port1, port2 } = launcher.createChannel();
      running.set(id, child);
      child.once('exit', (code) => {
        // Stopped on purpose, or gone by itself (a crash): the page's pool records the run under way as failed.
        const expected = !running.delete(id);
        if (!expected && !window.isDestroyed()) window.webContents.send(IPC_CHANNELS.experimentWorkerExit, id, `exit code ${code}`);
      });
      // The worker serves the first port it is sent (run-worker.ts).
      child.postMessage({ type: 'connect' }, [port1]);
      window.webContents.postMessage(IPC_CHANNELS.experimentPort, id, [port2]);
      return id;
    },
    stop(id) {
      const child = running.get(id);
      if (!child) return;
      running.delete(id);
      child.kill();
    },
    get count() {
      return running.size;
    },
  };
}
