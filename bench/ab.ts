/**
 * `npx tsx bench/ab.ts DIR [FILTER]`: the engine of this checkout against the one in DIR/src-shared (e.g. an
 * older revision, `git archive`d), interleaved in one process, so a loaded machine slows both alike.
 * Best of BENCH_ROUNDS short measurements each, in examples per second of CPU time. DIR needs a package.json
 * saying "type": "module", as this repository's does (see below).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRun, type TrainingRun } from '../src-shared/engine/training-run';
import { benchCases, engineModel, parameterCount } from './cases';
import { graphBenchCases, graphEngineModel, graphParameterCount } from './graph-cases';

type CreateRun = typeof createRun;
const other = process.argv[2];
// Without "type": "module" above DIR, tsx loads DIR's engine as CommonJS, whose cross-module references are
// getter calls: measured, both engines then ran about 40 % slower and their difference was blurred (×0.99
// where the right setup shows ×1.16). Refuse rather than measure that.
const manifest = path.resolve(other, 'package.json');
if (!existsSync(manifest) || (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string }).type !== 'module') {
  console.error(`${manifest} must exist and say "type": "module" (echo '{"type":"module"}' > ${manifest}).`);
  process.exit(1);
}
const filter = process.argv[3] ?? '';
const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
const ms = Number(process.env.BENCH_MS ?? 150);
// createRun gives a chain the chain engine and a graph the graph path, in either checkout.
const { createRun: createOther } = (await import(path.resolve(other, 'src-shared/engine/training-run.ts'))) as { createRun: CreateRun };

/** Examples per second of CPU time (process.cpuUsage): time the process spends descheduled on a loaded machine does not count. */
function speed(simulation: TrainingRun, chunk: number): number {
  let n = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  while (performance.now() - start < ms || n === 0) n += simulation.advance(chunk).presented;
  const cpu = process.cpuUsage(cpuStart);
  return (n / (cpu.user + cpu.system)) * 1e6;
}

for (const c of [...benchCases(), ...graphBenchCases()]) {
  if (!c.name.includes(filter)) continue;
  const m = c.patternsPerUpdate;
  const chunk = m * Math.max(1, Math.round(Math.min(4096, 2e7 / (c.graph ? graphParameterCount(c.graph) : parameterCount(c.sizes))) / m));
  const model = () => (c.graph ? graphEngineModel({ ...c, graph: c.graph }) : engineModel(c));
  // One run each, trained side by side (the same weights, the same bits), measured in alternating windows.
  const mine = createRun(model());
  const theirs = createOther(model());
  mine.advance(chunk);
  theirs.advance(chunk);
  let a = 0, b = 0;
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // Alternate which goes first, so neither always runs right after the other's garbage.
    const first = round % 2 === 0;
    const old = first ? speed(theirs, chunk) : 0;
    const now = speed(mine, chunk);
    const later = first ? old : speed(theirs, chunk);
    b = Math.max(b, later);
    a = Math.max(a, now);
    ratios.push(now / later);
  }
  ratios.sort((x, y) => x - y);
  const median = ratios[Math.floor(ratios.length / 2)];
  console.log(`${c.name.padEnd(34)} new ${Math.round(a).toLocaleString('en').padStart(11)}  old ${Math.round(b).toLocaleString('en').padStart(11)}  ` +
    `×${(a / b).toFixed(3)} (best ÷ best)  ×${median.toFixed(3)} (median of ${rounds} paired windows)`);
}
