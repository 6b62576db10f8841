/**
 * `npx tsx bench/srn-engine.ts`: the SRN rows' engine side alone (bench/srn.ts without tfjs), quickly, on
 * the WebAssembly kernels and, with `SRN_TS=1`, on the TypeScript kernels — for profiling and A/B checks.
 */
import { letterTask, temporalXor } from '../src-shared/data/recurrent-examples';
import { useWasmKernels } from '../src-shared/engine/fast/wasm/kernel-arena';
import { RecurrentRun } from '../src-shared/engine/recurrent/recurrent-run';
import type { ModelDocument } from '../src-shared/model/schema';
import { now } from './support';

const seconds = Number(process.env.BENCH_SECONDS ?? 1.5);
useWasmKernels(process.env.SRN_TS !== '1');

function withDepth(model: ModelDocument, depth: number): ModelDocument {
  return {
    ...model,
    recurrence: depth === 1 ? { gradient: 'one-step' } : { gradient: 'bptt', depth },
    training: { ...model.training, momentum: 0, learningRate: 0.1, order: 'sequential', errorCriterion: 0, maxEpochs: 1e9 },
  };
}

const cases: [string, ModelDocument][] = [
  ['temporal XOR 1-2-1, one-step', withDepth(temporalXor(), 1)],
  ['letters 6-20-6, one-step', withDepth(letterTask(), 1)],
  ['letters 6-20-6, BPTT(4)', withDepth(letterTask(), 4)],
];
const filter = process.argv[2] ?? '';
for (const [name, model] of cases) {
  if (!name.includes(filter)) continue;
  const run = new RecurrentRun(model);
  const warm = performance.now();
  while (performance.now() - warm < 300) run.advance(1000);
  let events = 0;
  const start = now();
  while (now() - start < seconds * 1000) events += run.advance(1000).presented;
  console.log(`${name.padEnd(32)} ${Math.round((events / (now() - start)) * 1000).toLocaleString('en').padStart(12)} ev/s${run.usesWasmKernels ? '' : ' (TypeScript kernels)'}`);
}
