/**
 * `test FILE [--json] [--period N]`: every pattern's output, target and pss with the file's weights, and the
 * tss; for a recurrent network also the error by position in the sequence (modulo N in a continuous stream).
 */
import { errorByPosition } from '../../../src-shared/analysis/sequence-positions';
import { createRun } from '../../../src-shared/engine/training-run';
import { isRecurrent } from '../../../src-shared/model/recurrence';
import type { CliIo } from '../io';
import { readModelFile } from '../model-file';
import { onlyFile, parseOptions, wholeNumber } from '../options';
import { terminalJson, terminalLine } from '../terminal-text';

const usage = 'test FILE [--json] [--period N]';

export async function testCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseOptions(args, { json: { type: 'boolean' }, period: { type: 'string' } }, usage);
  const model = await readModelFile(onlyFile(positionals, usage));
  const period = wholeNumber(values.period, 'period', 1, 1_000_000);
  const simulation = createRun(model);
  const pass = simulation.testPass();
  // Elman's error by position: a stream (no reset marks) is grouped modulo --period, or not at all without it.
  const stream = model.patterns.every((p) => !p.reset);
  const byPosition = isRecurrent(model) && (!stream || period !== undefined)
    ? errorByPosition(model.patterns, pass.patterns.map((p) => p.pss), period)
    : null;
  if (values.json) {
    io.out(`${terminalJson(JSON.stringify({ epoch: simulation.epoch, ...pass, ...(byPosition ? { byPosition } : {}) }, null, 2))}\n`);
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
  if (byPosition) {
    io.out(`\nerror by position ${period === undefined ? 'in the sequence' : `modulo ${period}`} (mean pss)\nposition  events  mean pss\n`);
    for (const row of byPosition) io.out(`${String(row.position).padStart(8)}  ${String(row.events).padStart(6)}  ${row.meanPss.toFixed(6)}\n`);
  } else if (isRecurrent(model)) {
    io.out('one continuous stream: give --period N for the error by position modulo N (3 for temporal XOR)\n');
  }
}
