/**
 * The supervisor's `start` for plain Node: the trainer bundle forked with child_process.fork, its IPC
 * channel standing in for the MessagePort Electron would give the page. Used to test the supervisor,
 * unchanged, against a real process.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { SupervisedTrainer } from '../../../src-shared/trainer/trainer-supervisor';

export function forkNodeTrainer(entry: string): { trainer: SupervisedTrainer; pagePort: ChildProcess } {
  const child = fork(entry, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    trainer: {
      onExit: (listener) => void child.once('exit', (code, signal) => listener(signal ? `signal ${signal}` : `exit code ${code}`)),
      kill: () => void child.kill(),
    },
    pagePort: child,
  };
}
