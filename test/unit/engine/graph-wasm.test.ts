/**
 * The graph path's passes on the WebAssembly kernels (fast/graph-passes.ts with the run's buffers in a
 * kernel arena, graph/graph-layout.ts) against the same passes on the TypeScript kernels: whole runs of
 * random graphs (several inputs and outputs, skips, an output that feeds another layer, frozen projections,
 * layers of fewer and of more than four units), every update mode, momentum, weight decay, both losses,
 * backpropagation and feedback alignment, and simple recurrent networks (one-step, BPTT), end with the
 * same bits — the whole saved state (weights, momentum, pending gradient, F, curve, context, stored events)
 * and the outputs after training. The small graphs send every product to WebAssembly (plan.ts's minimum
 * lowered to 0), the wide ones only the projections plan.ts chooses, mixing the kernels within a layer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { letterTask, temporalXor } from '../../../src-shared/data/recurrent-examples';
import { chooseProjectionKernel, setProjectionWasmMinimum } from '../../../src-shared/engine/fast/plan';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import { useWasmKernels, wasmKernelsAvailable } from '../../../src-shared/engine/fast/wasm/kernel-arena';
import { createRun } from '../../../src-shared/engine/training-run';
import type { ModelDocument, TrainingSettings } from '../../../src-shared/model/schema';
import { randomGraph } from './graph-helpers';

/** What plan.ts sends to WebAssembly by default: projections of at least this many weights. */
const DEFAULT_MINIMUM = 24;

afterEach(() => {
  useWasmKernels(true);
  setProjectionWasmMinimum(DEFAULT_MINIMUM);
});

interface Finished {
  bits: number[];
  state: unknown;
  wasm: boolean;
}

/** A run of `presentations` in odd slices (updates straddle advance() calls), on one kind of kernels. */
function finish(model: ModelDocument, presentations: number, wasm: boolean): Finished {
  useWasmKernels(wasm);
  try {
    const run = createRun(model) as GraphRun;
    let left = presentations;
    for (let step = 3; left > 0; step = (step * 5 + 1) % 17 + 1) left -= run.advance(Math.min(step, left)).presented;
    const bits = [
      ...run.network.params, ...run.momentum, ...(run.gradientPending ? run.gradient : []), ...run.tssHistory,
      run.cursor.tss, run.cursor.position, ...run.outputs('train').flat(),
    ];
    return { bits, state: run.state(), wasm: run.usesWasmKernels };
  } finally {
    useWasmKernels(true);
  }
}

function expectSameRun(model: ModelDocument, presentations: number): void {
  const wasm = finish(model, presentations, true);
  const typescript = finish(model, presentations, false);
  expect(wasm.wasm).toBe(true);
  expect(typescript.wasm).toBe(false);
  expect(wasm.bits.length).toBe(typescript.bits.length);
  // Object.is tells −0 from 0 and compares NaN.
  expect(wasm.bits.flatMap((x, i) => (Object.is(x, typescript.bits[i]) ? [] : [i]))).toEqual([]);
  expect(wasm.state).toEqual(typescript.state);
}

const variants: [string, Partial<TrainingSettings>][] = [
  ['online, momentum', { update: 'online', momentum: 0.9 }],
  ['online, no momentum, sequential', { update: 'online', momentum: 0, order: 'sequential' }],
  ['online, weight decay', { update: 'online', momentum: 0.5, weightDecay: 1e-3 }],
  ['online, feedback alignment', { update: 'online', momentum: 0.9, rule: 'feedback-alignment' }],
  ['batch, momentum', { update: 'batch', momentum: 0.9 }],
  ['minibatch 3, weight decay', { update: 'minibatch', batchSize: 3, weightDecay: 1e-3 }],
  ['minibatch 3, feedback alignment', { update: 'minibatch', batchSize: 3, rule: 'feedback-alignment', momentum: 0.5 }],
];

describe.runIf(wasmKernelsAvailable())('graph runs on the WebAssembly kernels give the TypeScript kernels\' bits', () => {
  it('the default minimum is plan.ts\'s: a 2 × 2 projection stays in TypeScript, the letter task\'s 20 × 20 goes to WebAssembly', () => {
    expect(chooseProjectionKernel(true, 2, 2)).toBe('typescript');
    expect(chooseProjectionKernel(true, 20, 20)).toBe('wasm');
    expect(chooseProjectionKernel(false, 20, 20)).toBe('typescript');
    expect(chooseProjectionKernel(true, 6, 4)).toBe('wasm');
  });

  for (const [name, training] of variants) {
    it(`random graphs, ${name}`, () => {
      for (let seed = 1; seed <= 10; seed++) {
        const base = randomGraph(seed, seed % 3 === 0 ? 'cross-entropy' : 'squared-error', seed % 2 === 0, seed > 5);
        const model = { ...base, training: { ...base.training, learningRate: 0.3, order: 'permuted' as const, ...training } };
        setProjectionWasmMinimum(seed > 5 ? DEFAULT_MINIMUM : 0);
        expectSameRun(model, 203);
      }
    });
  }

  it('simple recurrent networks: one-step and BPTT online, BPTT in minibatches with feedback alignment', () => {
    const srn = (model: ModelDocument, recurrence: ModelDocument['recurrence'], training: Partial<TrainingSettings> = {}): ModelDocument =>
      ({ ...model, recurrence, training: { ...model.training, ...training } });
    const cases = [
      srn(temporalXor(60), { gradient: 'one-step' }, { momentum: 0.9 }),
      srn(temporalXor(60), { gradient: 'bptt', depth: 3 }),
      srn(letterTask(12), { gradient: 'one-step' }),
      srn(letterTask(12), { gradient: 'one-step' }, { momentum: 0.9, order: 'permuted' }),
      srn(letterTask(12), { gradient: 'bptt', depth: 4 }),
      srn(letterTask(12), { gradient: 'bptt', depth: 4 }, { update: 'minibatch', batchSize: 5, rule: 'feedback-alignment' }),
      srn(letterTask(12), { gradient: 'bptt', depth: 4 }, { momentum: 0.9, rule: 'feedback-alignment', order: 'permuted' }),
    ];
    for (const minimum of [0, DEFAULT_MINIMUM]) {
      setProjectionWasmMinimum(minimum);
      for (const model of cases) expectSameRun(model, 250);
    }
  });

  it('a run saved and continued on the other kernels ends where one run on either ends', () => {
    const base = randomGraph(7, 'squared-error', true, true);
    const model = { ...base, training: { ...base.training, learningRate: 0.3, momentum: 0.9, update: 'online' as const } };
    useWasmKernels(true);
    const first = createRun(model) as GraphRun;
    first.advance(57);
    useWasmKernels(false);
    const second = createRun(first.toModel()) as GraphRun;
    expect(second.usesWasmKernels).toBe(false);
    second.advance(91);
    useWasmKernels(true);
    expect(second.state()).toEqual(finish(model, 148, true).state);
  });
});
