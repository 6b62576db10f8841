/**
 * The installed app as the command line: `Backprop Lab --cli train model.bplab …` runs the same verbs as
 * `npm run cli`, with no window, and exits with the command's status. Loaded on demand, so the desktop
 * app never loads the command line's code.
 */
import type { App } from 'electron';

export async function runHeadless(app: Pick<App, 'exit'> & { dock?: { hide(): void } }, args: string[]): Promise<void> {
  // No Dock icon on macOS for a run that shows no window.
  app.dock?.hide();
  let code: number;
  try {
    const [{ runCli }, { processIo }] = await Promise.all([import('../cli/index'), import('../cli/io')]);
    code = await runCli(args, processIo);
  } catch (error) {
    process.stderr.write(`backprop-lab: ${(error as Error)?.stack ?? String(error)}\n`);
    code = 1;
  }
  // app.exit ends the process at once: let what the command wrote reach the terminal or pipe first.
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  app.exit(code);
}

function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}
