/** Runs the command line in-process and captures what it writes. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src-main/cli/index';
import type { CliIo } from '../../src-main/cli/io';

export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    progressStream: { isTTY: false, write: (text: string) => void (err += text) } as unknown as NodeJS.WriteStream,
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

/** The command line as a real child process (`npm run cli` without npm), for signals and exit codes. */
export function cliProcess(...argv: string[]): ChildProcessWithoutNullStreams {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  return spawn(process.execPath, ['--import', 'tsx', join(root, 'src-main/cli/main.ts'), ...argv], { cwd: root });
}
