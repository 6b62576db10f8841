/**
 * Online BPTT's step programs (fast/step-program.ts, fast/through-time-program.ts, run by
 * wasm/block-kernels-steps.wat): the current event's backward pass and the steps back through the stored
 * events in one WebAssembly call each. Whole runs with the programs against the same runs on the
 * TypeScript kernels, bit for bit and state for state — Elman and Jordan networks, logistic and linear
 * hidden units, a context layer with two outgoing projections, depths 2 to 6,
 * sequences with resets, momentum, permuted order, feedback alignment, a save and continue, divergence —
 * and that the programs do run (two calls an event) where they can, and leave tanh to the TypeScript.
 */
import { describe, expect, it } from 'vitest';
import type { ThroughTimeUpdate } from '../../../src-shared/engine/fast/graph-through-time';
import { useWasmKernels, wasmKernelsAvailable, type BlockKernels } from '../../../src-shared/engine/fast/wasm/kernel-arena';
import { RecurrentRun } from '../../../src-shared/engine/recurrent/recurrent-run';
import { createModel } from '../../../src-shared/model/create';
import type { ActivationName, ModelDocument, Pattern, TrainingSettings } from '../../../src-shared/model/schema';
import { checked, testRandom } from './helpers';

interface Shape {
  kind: 'elman' | 'jordan';
  hidden: ActivationName;
  depth: number;
  /** A second projection out of the context layer, into the output layer. */
  contextToOutput?: boolean;
  training?: Partial<TrainingSettings>;
}

function patterns(seed: number, count: number): Pattern[] {
  const rand = testRandom(seed);
  return Array.from({ length: count }, (_, t) => ({
    name: `e${t}`,
    input: Array.from({ length: 3 }, () => (rand() < 0.5 ? 0 : 2 * rand() - 1)),
    target: Array.from({ length: 2 }, () => rand()),
    ...(t % 7 === 0 || t === 9 ? { reset: true } : {}),
  }));
}

function srn(shape: Shape): ModelDocument {
  const hidden = 5;
  return checked(createModel({
    name: 'srn', description: '',
    layers: [
      { kind: 'input', name: 'in', units: 3, activation: 'linear', bias: false },
      { kind: 'hidden', name: 'hidden', units: hidden, activation: shape.hidden, bias: true },
      { kind: 'hidden', name: 'context', units: shape.kind === 'elman' ? hidden : 2, activation: 'linear', bias: false },
      { kind: 'output', name: 'out', units: 2, activation: 'logistic', bias: true },
    ],
    projections: [{ from: 0, to: 1 }, { from: 2, to: 1 }, { from: 1, to: 3 }, ...(shape.contextToOutput ? [{ from: 2, to: 3 }] : [])],
    links: [{ kind: 'copy', from: shape.kind === 'elman' ? 1 : 3, to: 2, delay: 1, initial: 0.5 }],
    recurrence: { gradient: 'bptt', depth: shape.depth },
    patterns: patterns(shape.depth * 31 + hidden, 40),
    training: {
      learningRate: 0.3, momentum: 0.9, order: 'sequential', update: 'online', init: { kind: 'uniform', range: 1 }, seed: 11, errorCriterion: 0,
      ...shape.training,
    },
  }));
}

/** Counts the step programs a run's BPTT runs (its kernels' runProgram, wrapped). */
function countPrograms(run: RecurrentRun): { calls: number } {
  const programs = (run as unknown as { throughTime: ThroughTimeUpdate }).throughTime.programs as unknown as { kernels: BlockKernels | null };
  const kernels = programs.kernels;
  const counter = { calls: 0 };
  if (kernels) {
    programs.kernels = {
      ...kernels,
      runProgram: (program: number, registers: number) => {
        counter.calls++;
        kernels.runProgram(program, registers);
      },
    };
  }
  return counter;
}

/** `presentations` in odd slices; the bits of everything a run holds, its state, and the programs run. */
function finish(model: ModelDocument, presentations: number, wasm: boolean): { bits: number[]; state: unknown; programs: number; wasm: boolean } {
  useWasmKernels(wasm);
  try {
    const run = new RecurrentRun(model);
    const counter = countPrograms(run);
    let left = presentations;
    for (let step = 3; left > 0; step = (step * 5 + 1) % 17 + 1) left -= run.advance(Math.min(step, left)).presented;
    const bits = [...run.network.params, ...run.momentum, ...run.tssHistory, run.cursor.tss, run.cursor.position, ...run.outputs('train').flat()];
    return { bits, state: run.state(), programs: counter.calls, wasm: run.usesWasmKernels };
  } finally {
    useWasmKernels(true);
  }
}

function expectSameRun(model: ModelDocument, presentations: number): number {
  const wasm = finish(model, presentations, true);
  const typescript = finish(model, presentations, false);
  expect(wasm.wasm).toBe(true);
  expect(typescript.programs).toBe(0);
  expect(wasm.bits.length).toBe(typescript.bits.length);
  // Object.is tells −0 from 0 and compares NaN.
  expect(wasm.bits.flatMap((x, i) => (Object.is(x, typescript.bits[i]) ? [] : [i]))).toEqual([]);
  expect(wasm.state).toEqual(typescript.state);
  return wasm.programs;
}

describe.runIf(wasmKernelsAvailable())('online BPTT step programs', () => {
  it('give the TypeScript kernels\' bits, two calls an event', () => {
    const shapes: Shape[] = [
      { kind: 'elman', hidden: 'logistic', depth: 4 },
      { kind: 'elman', hidden: 'logistic', depth: 2, training: { momentum: 0 } },
      { kind: 'elman', hidden: 'linear', depth: 3, training: { learningRate: 0.05 } },
      { kind: 'elman', hidden: 'logistic', depth: 6, contextToOutput: true, training: { order: 'permuted' } },
      { kind: 'jordan', hidden: 'logistic', depth: 3 },
      { kind: 'jordan', hidden: 'logistic', depth: 5, contextToOutput: true, training: { rule: 'feedback-alignment', order: 'permuted' } },
    ];
    for (const shape of shapes) expect(expectSameRun(srn(shape), 173)).toBe(2 * 173);
  });

  it('leave a layer whose derivative they lack (tanh) to the TypeScript passes: the same bits', () => {
    expect(expectSameRun(srn({ kind: 'elman', hidden: 'tanh', depth: 4 }), 120)).toBe(0);
  });

  it('a run saved mid-stream and continued ends where one run ends (stored events restored into the arena)', () => {
    const model = srn({ kind: 'elman', hidden: 'logistic', depth: 4 });
    const first = new RecurrentRun(model);
    first.advance(45);
    const second = new RecurrentRun(first.toModel());
    const counter = countPrograms(second);
    second.advance(66);
    expect(counter.calls).toBe(2 * 66);
    expect(second.state()).toEqual(finish(model, 111, true).state);
    expect(second.state()).toEqual(finish(model, 111, false).state);
  });

  it('after a divergence in a later epoch (the epoch start\'s stored events restored) and on, the TypeScript kernels\' bits', () => {
    const model = srn({ kind: 'elman', hidden: 'linear', depth: 3, training: { learningRate: 0.05 } });
    const ends = [true, false].map((wasm) => {
      useWasmKernels(wasm);
      try {
        const run = new RecurrentRun(model);
        const counter = countPrograms(run);
        run.advance(95);
        run.configure({ learningRate: 1e150 });
        const outcome = run.advance(200);
        run.configure({ learningRate: 0.05 });
        run.advance(57);
        return { diverged: outcome.stop, epoch: run.epoch, programs: counter.calls, state: run.state(), params: [...run.network.params] };
      } finally {
        useWasmKernels(true);
      }
    });
    expect(ends[0].diverged).toBe('diverged');
    expect(ends[0].epoch).toBeGreaterThanOrEqual(2);
    expect(ends[0].programs).toBeGreaterThan(2 * (95 + 57));
    expect(ends[1].programs).toBe(0);
    expect(ends[0].state).toEqual(ends[1].state);
    expect(ends[0].params.flatMap((x, i) => (Object.is(x, ends[1].params[i]) ? [] : [i]))).toEqual([]);
  });
});
