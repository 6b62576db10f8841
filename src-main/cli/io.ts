/** Where the command line writes: injected so the commands can be tested without a terminal. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The stream progress is drawn on (a bar on a terminal, plain lines otherwise). */
  progressStream: NodeJS.WriteStream;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  progressStream: process.stderr,
};
