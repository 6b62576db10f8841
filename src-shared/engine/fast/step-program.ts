/**
 * Step programs: lists of the small operations of a graph network's backward pass for one pattern (and of
 * online BPTT's steps back through stored events), written once into the kernel arena and run by
 * wasm/block-kernels-steps.wat's runProgram in one call. Each operation is what fast/graph-passes.ts does
 * at that point, in the same order — so a program gives the TypeScript passes' bits.
 */
import { LINEAR, LOGISTIC } from '../activations';
import type { GraphNetwork } from '../graph/graph-network';

const WORDS_PER_OPERATION = 6;
const END = 0, ZERO = 1, COPY = 2, ADD = 3, BACKWARD = 4, DERIVATIVE = 5, COPY_IN = 6, COPY_OUT = 7, DERIVATIVE_IN = 8;

export class StepProgram {
  private length = 0;

  constructor(readonly words: Uint32Array) {}

  /** Where the program starts in the arena (runProgram's first argument). */
  get at(): number {
    return this.words.byteOffset;
  }

  /** Words for a program of `operations` operations and its end. */
  static words(operations: number): number {
    return (operations + 1) * WORDS_PER_OPERATION;
  }

  /** From the start again. */
  clear(): void {
    this.length = 0;
  }

  private push(op: number, a: number, b: number, c: number, n: number, k: number): void {
    const at = this.length * WORDS_PER_OPERATION;
    if (at + 2 * WORDS_PER_OPERATION > this.words.length) throw new RangeError(`A step program outgrew its ${this.words.length / WORDS_PER_OPERATION - 1} operations.`);
    const w = this.words;
    w[at] = op;
    w[at + 1] = a;
    w[at + 2] = b;
    w[at + 3] = c;
    w[at + 4] = n;
    w[at + 5] = k;
    this.length++;
    w[at + WORDS_PER_OPERATION] = END;
  }

  zero(at: number, n: number): void {
    this.push(ZERO, at, 0, 0, n, 0);
  }

  copy(from: number, to: number, n: number): void {
    this.push(COPY, from, to, 0, n, 0);
  }

  /** into[i] = into[i] + from[i]. */
  add(into: number, from: number, n: number): void {
    this.push(ADD, into, from, 0, n, 0);
  }

  /** OUT = Bᵀ D for one pattern (D: N, B: N × K, OUT: K). */
  backward(D: number, B: number, OUT: number, N: number, K: number): void {
    this.push(BACKWARD, D, B, OUT, N, K);
  }

  /** δ ⊙= h (1 − h). */
  logisticDerivative(act: number, delta: number, n: number): void {
    this.push(DERIVATIVE, act, delta, 0, n, 0);
  }

  /** δ ⊙= h (1 − h), h at registers[register] + offset. */
  logisticDerivativeIn(register: number, offset: number, delta: number, n: number): void {
    this.push(DERIVATIVE_IN, offset, delta, register, n, 0);
  }

  /** n values from registers[register] + offset to `to`. */
  copyIn(register: number, offset: number, to: number, n: number): void {
    this.push(COPY_IN, offset, to, register, n, 0);
  }

  /** n values from `from` to registers[register] + offset. */
  copyOut(from: number, register: number, offset: number, n: number): void {
    this.push(COPY_OUT, from, offset, register, n, 0);
  }
}

/** Byte offsets, in the arena, of the arrays a backward pass touches. */
export interface BackwardPointers {
  delta: readonly number[];
  act: readonly number[];
  /** Per layer, the sum over its outgoing projections (graph-passes.ts's scratch); per projection, its share. */
  back: readonly number[];
  shares: readonly number[];
  /** Per projection, B_p (−1 where it is not in the arena). */
  backward: readonly number[];
}

/**
 * Whether a program can do the backward pass of `net`: every layer whose δ it forms (not an input; with an
 * outgoing projection or an injected δ) has logistic or linear units (the derivatives it has), and every B_p
 * it reads is in the arena.
 */
export function programCanDoBackward(net: GraphNetwork, injectable: readonly boolean[], backwardAt: readonly number[]): boolean {
  return net.layers.every((layer, g) => {
    if (layer.kind === 'input' || (net.outOf[g].length === 0 && !injectable[g])) return true;
    return (net.codes[g] === LOGISTIC || net.codes[g] === LINEAR) && net.outOf[g].every((q) => backwardAt[q] >= 0);
  });
}

/** The most operations writeBackward writes for `net`. */
export function backwardOperations(net: GraphNetwork): number {
  return net.layers.length * 3 + net.projections.length * 2;
}

/**
 * GraphPasses.backward as operations: from the last layer down, each layer's sum from its injected δ (or
 * 0) and its outgoing projections' shares B_pᵀ δ in the model's order, times f', into δ (added to an
 * output layer's loss term). `injectAt`: per layer, where its injected δ is (−1 for none); `skip`: layers left
 * out; `actIn`: where f' reads h instead of `at.act` — a stored event's, at a register plus each layer's byte offset.
 */
export function writeBackward(
  program: StepProgram, net: GraphNetwork, at: BackwardPointers, injectAt: readonly number[] | null, skip: readonly boolean[] | null,
  actIn: { register: number; offsets: readonly number[] } | null = null,
): void {
  for (let k = net.order.length - 1; k >= 0; k--) {
    const g = net.order[k];
    const inject = injectAt ? injectAt[g] : -1;
    if (net.layers[g].kind === 'input' || (net.outOf[g].length === 0 && inject < 0) || skip?.[g]) continue;
    const n = net.sizes[g];
    const back = at.back[g];
    if (inject >= 0) program.copy(inject, back, n);
    else program.zero(back, n);
    for (const q of net.outOf[g]) {
      const to = net.projections[q].to;
      program.backward(at.delta[to], at.backward[q], at.shares[q], net.sizes[to], n);
      program.add(back, at.shares[q], n);
    }
    if (net.codes[g] === LOGISTIC) {
      if (actIn) program.logisticDerivativeIn(actIn.register, actIn.offsets[g], back, n);
      else program.logisticDerivative(at.act[g], back, n);
    }
    if (net.layers[g].kind === 'output') program.add(at.delta[g], back, n);
    else program.copy(back, at.delta[g], n);
  }
}
