import { onProcessInterrupt } from './interrupt';

/** Where the command line writes: injected so the commands can be tested without a terminal. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The stream progress is drawn on (a bar on a terminal, plain lines otherwise). */
  progressStream: NodeJS.WriteStream;
  /** Calls `pause` on the first Ctrl-C until the returned function is called; absent where there is none. */
  onInterrupt?(pause: () => void): () => void;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  progressStream: process.stderr,
  onInterrupt: onProcessInterrupt,
};
