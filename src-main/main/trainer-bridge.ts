/**
 * Connects a window to its own trainer in an Electron utility process: main opens a MessageChannelMain
 * and gives one end to each, so training data never passes through main. The supervisor (plain code,
 * tested against Node child processes) decides when to start one; this file is the Electron side of it.
 */
import type { BrowserWindow, MessageChannelMain, MessagePortMain, UtilityProcess } from 'electron';
import { IPC_CHANNELS } from '../../src-shared/ipc/preload-api';
import { superviseTrainer, type TrainerSupervisor } from '../../src-shared/trainer/trainer-supervisor';

/** The two Electron calls the bridge needs, passed in so tests can watch them. */
export interface TrainerLauncher {
  /** utilityProcess.fork */
  fork(modulePath: string): UtilityProcess;
  /** new MessageChannelMain() */
  createChannel(): MessageChannelMain;
}

type BridgedWindow = Pick<BrowserWindow, 'isDestroyed' | 'once'> & { webContents: Pick<BrowserWindow['webContents'], 'postMessage'> };

/** The window's trainer supervisor; closing the window ends the trainer. */
export function bridgeTrainer(window: BridgedWindow, trainerPath: string, launcher: TrainerLauncher, warn?: (message: string) => void): TrainerSupervisor {
  const supervisor = superviseTrainer<MessagePortMain>({
    start() {
      const child = launcher.fork(trainerPath);
      const { port1, port2 } = launcher.createChannel();
      // The trainer serves the first port it is sent (src-main/trainer/index.ts).
      child.postMessage({ type: 'connect' }, [port1]);
      return {
        trainer: { onExit: (listener) => void child.once('exit', (code) => listener(`exit code ${code}`)), kill: () => void child.kill() },
        pagePort: port2,
      };
    },
    deliver(pagePort, restarted) {
      if (window.isDestroyed()) pagePort.close();
      else window.webContents.postMessage(IPC_CHANNELS.trainerPort, restarted, [pagePort]);
    },
    schedule(run, delayMs) {
      const timer = setTimeout(run, delayMs);
      return () => clearTimeout(timer);
    },
    now: () => Date.now(),
    warn,
  });
  window.once('closed', () => supervisor.dispose());
  return supervisor;
}
