/** `test FILE [--json]`: every pattern's output, target and pss with the file's weights, and the tss. */
import { createRun } from '../../../src-shared/engine/training-run';
import type { CliIo } from '../io';
import { readModelFile } from '../model-file';
import { onlyFile, parseOptions } from '../options';
import { terminalJson, terminalLine } from '../terminal-text';

const usage = 'test FILE [--json]';

export async function testCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseOptions(args, { json: { type: 'boolean' } }, usage);
  const model = await readModelFile(onlyFile(positionals, usage));
  const simulation = createRun(model);
  const pass = simulation.testPass();
  if (values.json) {
    io.out(`${terminalJson(JSON.stringify({ epoch: simulation.epoch, ...pass }, null, 2))}\n`);
    return;
  }
  // A don't-care target has no value: shown as tlearn's `*`.
  const format = (values: readonly (number | null)[]) => values.map((v) => (v === null ? '     *' : v.toFixed(4))).join(' ');
  const names = pass.patterns.map((p) => terminalLine(p.name));
  const nameWidth = Math.max(7, ...names.map((name) => name.length));
  io.out(`${'pattern'.padEnd(nameWidth)}  output | target  pss\n`);
  for (const [i, p] of pass.patterns.entries()) {
    io.out(`${names[i]!.padEnd(nameWidth)}  ${format(p.output)} | ${format(p.target)}  ${p.pss.toFixed(6)}${p.correct ? '' : '  ✗'}\n`);
  }
  io.out(`epoch ${simulation.epoch}  tss ${pass.tss.toPrecision(6)}  correct ${(pass.fractionCorrect * 100).toFixed(0)}%\n`);
}
