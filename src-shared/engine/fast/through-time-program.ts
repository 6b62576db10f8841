/**
 * Online BPTT's per-event work as step programs (step-program.ts), one call into WebAssembly each: the
 * current event's backward pass and its recorded row (graph-through-time.ts's rows), then — after the loss
 * is known to be finite — the current event stored and the steps back through the stored events, exactly as
 * ../recurrent/recurrence.ts runs them in TypeScript: each step the context layers' δ injected into their
 * links' sources, every δ zeroed, the backward pass with f' of the event's activations (the oldest step
 * without the context layers' unwanted δ), its row recorded — the event's activations read where it is
 * stored, where the TypeScript loads them into the network and the current event's back afterwards.
 *
 * The stored events live in the arena as blocks of one layout (storedEventOffsets) that Recurrence uses as
 * its pool, so a program reads an event through a register (the block's byte offset, written per call) and
 * one program per number of stored events serves whichever blocks hold them. Where anything is not in the
 * arena, or a layer's derivative is not one a program has, the programs decline and the TypeScript runs.
 */
import type { CopyLinkSpec } from '../../model/schema';
import type { GraphNetwork } from '../graph/graph-network';
import type { GraphPasses } from './graph-passes';
import { backwardOperations, programCanDoBackward, StepProgram, writeBackward, type BackwardPointers } from './step-program';
import type { ArenaMemory, BlockKernels } from './wasm/kernel-arena';

/** Where a stored event's n_g and h_g are in its block (in doubles), and the block's length. */
export function storedEventOffsets(sizes: readonly number[]): { net: number[]; act: number[]; length: number } {
  const total = sizes.reduce((sum, n) => sum + n, 0);
  const net: number[] = [];
  const act: number[] = [];
  let at = 0;
  for (const n of sizes) {
    net.push(at);
    act.push(total + at);
    at += n;
  }
  return { net, act, length: 2 * total };
}

/** graph-through-time.ts's recorded rows: per layer, `depth` rows of δ and of h; which layers it records. */
export interface RecordedRows {
  deltas: readonly Float64Array[];
  acts: readonly Float64Array[];
  recordedDeltas: readonly number[];
  recordedActs: readonly number[];
}

export class ThroughTimePrograms {
  /** Blocks for `depth` stored events, Recurrence's pool (a stored event is a view of one). */
  readonly eventBlocks: Float64Array[];
  private readonly kernels: BlockKernels | null;
  private readonly layout: { net: number[]; act: number[] };
  /** Per layer, the δ injected into a link's source (null for a layer no link copies). */
  private readonly injected: (Float64Array | null)[];
  private readonly registers: Uint32Array;
  private readonly current: StepProgram;
  /** [n − 1]: storing the current event and the steps back through the n − 1 stored before it. */
  private readonly steps: StepProgram[];
  private readonly built: boolean[];
  /** GraphPasses' scratch (per layer the sum, per projection the share). */
  private readonly scratch: { back: number[]; shares: number[] } | null;
  private pointers: BackwardPointers | null = null;
  private preparedFor: readonly Float64Array[] | null = null;
  private ready = false;

  constructor(
    private readonly net: GraphNetwork, passes: GraphPasses, private readonly depth: number, arena: ArenaMemory | null,
    private readonly rows: RecordedRows, private readonly links: readonly CopyLinkSpec[],
  ) {
    const allocate = (length: number) => (arena ? arena.allocate(length) : new Float64Array(length));
    const words = (operations: number) => {
      const length = StepProgram.words(operations);
      return arena ? arena.allocateUint32(length) : new Uint32Array(length);
    };
    const layout = storedEventOffsets(net.sizes);
    this.layout = layout;
    this.eventBlocks = Array.from({ length: depth }, () => allocate(layout.length));
    this.injected = net.sizes.map((n, g) => (links.some((link) => link.from === g) ? allocate(n) : null));
    this.registers = arena ? arena.allocateUint32(depth) : new Uint32Array(depth);
    const L = net.sizes.length;
    const recorded = rows.recordedDeltas.length + rows.recordedActs.length;
    const perStep = this.injected.length + links.length + 2 * L + backwardOperations(net) + recorded;
    this.current = new StepProgram(words(backwardOperations(net) + recorded));
    this.steps = Array.from({ length: depth }, (_, n) => new StepProgram(words(3 * L + n * perStep)));
    this.built = this.steps.map(() => false);
    const scratch = passes.scratchOffsets;
    this.scratch = scratch;
    const held = (array: Float64Array | Uint32Array | null) => array === null || (arena !== null && arena.holds(array));
    const all = [net.params, ...net.net, ...net.act, ...net.delta, ...rows.deltas, ...rows.acts, ...this.injected, ...this.eventBlocks, this.registers];
    this.kernels = arena && scratch && all.every(held) && this.steps.every((s) => arena.holds(s.words)) && arena.holds(this.current.words) ? arena.kernels : null;
  }

  /** The current event's backward pass and its row 0, in one call; false (nothing done) where a program cannot. */
  runCurrent(backwardMatrices: readonly Float64Array[]): boolean {
    if (!this.prepare(backwardMatrices)) return false;
    this.kernels!.runProgram(this.current.at, this.registers.byteOffset);
    return true;
  }

  /**
   * `events`, oldest first, the last the current event's (not yet stored): stores it and runs the steps back,
   * recording rows 1 … n − 1; false (nothing done) where a program cannot.
   */
  runSteps(events: readonly { block?: Float64Array }[], backwardMatrices: readonly Float64Array[]): boolean {
    const n = events.length;
    if (n < 1 || n > this.depth || !this.prepare(backwardMatrices)) return false;
    for (let j = 0; j < n; j++) {
      const block = events[j].block;
      if (!block || block.buffer !== this.registers.buffer) return false;
      this.registers[j] = block.byteOffset;
    }
    if (!this.built[n - 1]) this.writeSteps(n);
    this.kernels!.runProgram(this.steps[n - 1].at, this.registers.byteOffset);
    return true;
  }

  /** The programs for these backward matrices (rewritten when they change: feedback alignment's F drawn again). */
  private prepare(backwardMatrices: readonly Float64Array[]): boolean {
    if (backwardMatrices === this.preparedFor) return this.ready;
    this.preparedFor = backwardMatrices;
    this.ready = false;
    this.built.fill(false);
    if (!this.kernels) return false;
    const net = this.net;
    const offsets = (arrays: readonly Float64Array[]) => arrays.map((array) => array.byteOffset);
    const backward = backwardMatrices.map((B) => (B.buffer === this.registers.buffer ? B.byteOffset : -1));
    const injectable = this.injected.map((inject) => inject !== null);
    if (!programCanDoBackward(net, injectable, backward)) return false;
    this.pointers = { delta: offsets(net.delta), act: offsets(net.act), backward, ...this.scratch! };
    this.current.clear();
    writeBackward(this.current, net, this.pointers, null, null);
    this.record(this.current, 0);
    this.ready = true;
    return true;
  }

  /**
   * Copies of δ and h into row `row` of the recorded rows, as ThroughTimeUpdate.addGradient copies them: h
   * from the network, or from the stored event at `register` (the h a step back would have loaded).
   */
  private record(program: StepProgram, row: number, register = -1): void {
    const net = this.net;
    const at = this.pointers!;
    for (const g of this.rows.recordedDeltas) program.copy(at.delta[g], this.rows.deltas[g].byteOffset + row * net.sizes[g] * 8, net.sizes[g]);
    for (const g of this.rows.recordedActs) {
      const to = this.rows.acts[g].byteOffset + row * net.sizes[g] * 8;
      if (register < 0) program.copy(at.act[g], to, net.sizes[g]);
      else program.copyIn(register, this.layout.act[g] * 8, to, net.sizes[g]);
    }
  }

  private writeSteps(n: number): void {
    const net = this.net;
    const at = this.pointers!;
    const program = this.steps[n - 1];
    const { net: netAt, act: actAt } = this.layout;
    const L = net.sizes.length;
    program.clear();
    // Recurrence.store: the current event (register n − 1) takes every layer's n and h.
    for (let g = 0; g < L; g++) {
      program.copyOut(net.net[g].byteOffset, n - 1, netAt[g] * 8, net.sizes[g]);
      program.copyOut(at.act[g], n - 1, actAt[g] * 8, net.sizes[g]);
    }
    const injectAt = this.injected.map((inject) => (inject ? inject.byteOffset : -1));
    const unwantedAtOldest = net.isContext.map((context, g) => context && !net.biasLearns[g]);
    const actOffsets = actAt.map((offset) => offset * 8);
    // Each step reads the stored event's h where it is (f', the recorded row) instead of loading it into the
    // network and the current event's back afterwards: the same values read, the network's h left as it ends.
    for (let e = n - 2; e >= 0; e--) {
      for (const inject of this.injected) if (inject) program.zero(inject.byteOffset, inject.length);
      for (const link of this.links) program.add(injectAt[link.from], at.delta[link.to], net.sizes[link.from]);
      for (let g = 0; g < L; g++) program.zero(at.delta[g], net.sizes[g]);
      writeBackward(program, net, at, injectAt, e === 0 ? unwantedAtOldest : null, { register: e, offsets: actOffsets });
      this.record(program, n - 1 - e, e);
    }
    this.built[n - 1] = true;
  }
}
