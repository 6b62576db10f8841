/**
 * Where the epoch under way stands (the cursor), and a checkpoint of where it began, so a run that
 * diverges (NaN or Infinity) goes back to its last finite weights together with everything that belongs
 * to them. The checkpoint is taken once per epoch into preallocated buffers.
 */
import type { NetworkState } from '../model/schema';
import type { RandomStream } from './rng';
import type { ArenaMemory } from './fast/wasm/kernel-arena';

export class EpochCursor {
  inEpoch = false;
  /** The order the epoch presents its patterns in. */
  readonly order: Uint32Array;
  /** Patterns presented so far in the epoch, their summed pss and how many were correct. */
  position = 0;
  tss = 0;
  correct = 0;
  /**
   * Each pattern's pss as presented in the epoch (indexed by pattern, not by position): what the epoch's
   * tss sums. Not part of a checkpoint — a restored epoch presents its patterns again. Every epoch writes
   * all of it, so the run may swap it for another buffer between epochs (Simulation.finishEpoch).
   */
  pss: Float64Array;

  /** `order` and `pss`, when given, are their buffers (a kernel arena's, where the WebAssembly kernels read them). */
  constructor(patternCount: number, order: Uint32Array = new Uint32Array(patternCount), pss: Float64Array = new Float64Array(patternCount)) {
    this.order = order;
    this.pss = pss;
  }

  /** A new epoch: patterns in the dataset's order, or shuffled by `permute` (the run's order stream). */
  start(permute: RandomStream | null): void {
    const order = this.order;
    for (let i = 0; i < order.length; i++) order[i] = i;
    if (permute) permute.shuffle(order);
    this.inEpoch = true;
    this.position = 0;
    this.tss = 0;
    this.correct = 0;
  }

  /** Where the run stands as a file holds it: null between epochs. */
  save(): NetworkState['cursor'] {
    return this.inEpoch ? { order: Array.from(this.order), position: this.position, tss: this.tss, correct: this.correct } : null;
  }

  /** Back to where a file says the run stands. */
  restore(saved: NetworkState['cursor']): void {
    this.inEpoch = saved !== null;
    if (!saved) return;
    this.order.set(saved.order);
    this.position = saved.position;
    this.tss = saved.tss;
    this.correct = saved.correct;
  }

  copyFrom(other: EpochCursor): void {
    this.inEpoch = other.inEpoch;
    if (other.inEpoch) this.order.set(other.order);
    this.position = other.position;
    this.tss = other.tss;
    this.correct = other.correct;
  }
}

/** Everything the run's position holds besides the network's parameters. */
export interface RunBuffers {
  momentum: Float64Array;
  gradient: Float64Array;
  gradientPending: boolean;
  cursor: EpochCursor;
  orderStream: RandomStream;
}

export class Checkpoint {
  private params: Float64Array;
  /** Where checkParams copies the parameters while it checks them: swapped with `params` when they pass. */
  private spare: Float64Array;
  private readonly momentum: Float64Array;
  private readonly gradient: Float64Array;
  private gradientPending = false;
  private readonly cursor: EpochCursor;
  private orderStream: RandomStream | null = null;

  /** With an arena, the parameters' copies live in it, and checkParams runs in WebAssembly. */
  constructor(parameterCount: number, patternCount: number, private readonly arena: ArenaMemory | null = null) {
    this.params = arena ? arena.allocate(parameterCount) : new Float64Array(parameterCount);
    this.spare = arena ? arena.allocate(parameterCount) : new Float64Array(parameterCount);
    this.momentum = new Float64Array(parameterCount);
    this.gradient = new Float64Array(parameterCount);
    this.cursor = new EpochCursor(patternCount);
  }

  take(params: Float64Array, run: RunBuffers): void {
    copyValues(params, this.params);
    this.takeRest(run);
  }

  /**
   * The end-of-epoch divergence check and the first half of the next epoch's checkpoint in one pass over
   * the parameters: whether every one is within ±`bound` (NaN is not), copying them meanwhile. When they
   * pass, the copy becomes the checkpoint's parameters, and takeRest must follow before anything changes;
   * when they do not, the checkpoint is left as it was (where the failed epoch began).
   */
  checkParams(params: Float64Array, bound: number): boolean {
    const arena = this.arena;
    const spare = this.spare;
    if (arena && arena.holds(params) && arena.holds(spare)) {
      if (!arena.kernels.copyWithinBound(params.byteOffset, spare.byteOffset, params.length, bound)) return false;
    } else if (!copyWithinBound(params, spare, bound)) {
      return false;
    }
    const taken = this.spare;
    this.spare = this.params;
    this.params = taken;
    return true;
  }

  /** Everything but the parameters (take, or checkParams before it). */
  takeRest(run: RunBuffers): void {
    copyValues(run.momentum, this.momentum);
    this.gradientPending = run.gradientPending;
    if (run.gradientPending) copyValues(run.gradient, this.gradient);
    this.cursor.copyFrom(run.cursor);
    this.orderStream = run.orderStream.clone();
  }

  /** Puts everything back as it was when taken. */
  restore(params: Float64Array, run: RunBuffers): void {
    params.set(this.params);
    run.momentum.set(this.momentum);
    run.gradientPending = this.gradientPending;
    if (this.gradientPending) run.gradient.set(this.gradient);
    run.cursor.copyFrom(this.cursor);
    run.orderStream = this.orderStream!.clone();
  }
}

/**
 * Copies `from` into `to` and says whether every value is within ±bound (NaN is not): four values share
 * one branch (Math.max is NaN when any of them is). Stops at the first group that fails.
 */
function copyWithinBound(from: Float64Array, to: Float64Array, bound: number): boolean {
  const n = from.length;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const a = from[i], b = from[i + 1], c = from[i + 2], d = from[i + 3];
    to[i] = a; to[i + 1] = b; to[i + 2] = c; to[i + 3] = d;
    if (!(Math.max(Math.abs(a), Math.abs(b), Math.abs(c), Math.abs(d)) <= bound)) return false;
  }
  for (; i < n; i++) {
    const a = from[i];
    to[i] = a;
    if (!(Math.abs(a) <= bound)) return false;
  }
  return true;
}

/** TypedArray.set is a call into the runtime: for the few values of a small network a loop is faster. */
export function copyValues(from: Float64Array, to: Float64Array): void {
  if (from.length > 256) {
    to.set(from);
    return;
  }
  for (let i = 0; i < from.length; i++) to[i] = from[i];
}
