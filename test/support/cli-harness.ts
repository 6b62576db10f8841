/** Runs the command line in-process and captures what it writes. */
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
