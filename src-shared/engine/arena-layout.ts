/**
 * Every buffer a run keeps, allocated in one place, and the kernel arena they live in sized by allocating
 * them: once with a measuring stand-in that counts the bytes (handing out views of one scratch buffer),
 * then, where WebAssembly runs, again in an arena of exactly that size. A new buffer added below is reserved without a second list
 * to keep in step (a hand-kept size list once left a feedback-alignment run's pss outside its arena).
 */
import type { ModelDocument } from '../model/schema';
import { BlockPass, blockCapacity } from './fast/block';
import { Checkpoint, EpochCursor } from './checkpoint';
import { layerViews, Network, parameterCount, type LayerViews } from './network';
import { OnlinePath } from './fast/online';
import { toPatternSet, type PatternSet } from './patterns';
import { arenaBytes, KernelArena, kernelArenasEnabled, type ArenaMemory, type BlockKernels } from './fast/wasm/kernel-arena';

/** Test passes run in blocks of at most this many patterns. */
const TEST_BLOCK_ROWS = 128;

export interface RunBuffersLayout {
  network: Network;
  /** The training patterns, flat; and the test patterns, when the model has some. */
  data: PatternSet;
  testData: PatternSet | null;
  /** ΔW(t−1) and Δb(t−1), laid out like the network's parameters, and its views per layer. */
  momentum: Float64Array;
  momentumViews: LayerViews;
  /** g summed over an update's patterns (batch and minibatch), laid out likewise: outside the arena, no kernel reads it there. */
  gradient: Float64Array;
  gradientViews: LayerViews;
  cursor: EpochCursor;
  /** The pss buffer the cursor's is swapped with at the end of each epoch. */
  lastEpochPss: Float64Array;
  online: OnlinePath;
  checkpoint: Checkpoint;
  /** Sized for the largest update (a whole batch), so changing the update never reallocates. */
  block: BlockPass;
  testBlock: BlockPass | null;
  /**
   * Where F^1 … F^{D−1} are copied so the backward pass can run in WebAssembly (index 0 is empty: no delta
   * is sent back through F^0); null without an arena, where F itself is used.
   */
  feedbackCopies: Float64Array[] | null;
}

export interface RunMemoryLayout {
  buffers: RunBuffersLayout;
  /** null where the WebAssembly kernels are off or unavailable, or the run would not fit in one memory (the buffers are then ordinary arrays). */
  arena: KernelArena | null;
}

/** The run's buffers, in a kernel arena where one can be had. */
export function layOutRun(model: ModelDocument): RunMemoryLayout {
  return inKernelArena((arena) => allocateRun(model, arena));
}

/**
 * What `allocateAll` allocates from the arena it is given, in a kernel arena of exactly the bytes it takes
 * (measured by a first call with a measuring stand-in); with null, ordinary arrays, where the WebAssembly
 * kernels are off or unavailable or the buffers would not fit in one memory. The chain engine's layout
 * above and the graph path's (graph/graph-layout.ts) are both made this way.
 */
export function inKernelArena<T>(allocateAll: (arena: ArenaMemory | null) => T): { buffers: T; arena: KernelArena | null } {
  if (!kernelArenasEnabled()) return { buffers: allocateAll(null), arena: null };
  const measuring = new MeasuringArena();
  allocateAll(measuring);
  const arena = KernelArena.create(measuring.bytes);
  return { buffers: allocateAll(arena), arena };
}

function allocateRun(model: ModelDocument, arena: ArenaMemory | null): RunBuffersLayout {
  const allocate = (length: number) => (arena ? arena.allocate(length) : new Float64Array(length));
  const sizes = model.layers.map((layer) => layer.units);
  const inUnits = sizes[0];
  const outUnits = sizes[sizes.length - 1];
  const count = parameterCount(sizes);
  const network = new Network(model.layers, allocate);
  const data = toPatternSet(model.patterns, inUnits, outUnits, allocate);
  const testData = model.testPatterns?.length ? toPatternSet(model.testPatterns, inUnits, outUnits, allocate) : null;
  const momentum = allocate(count);
  const momentumViews = layerViews(sizes, momentum);
  const gradient = new Float64Array(count);
  const cursor = new EpochCursor(data.count, arena?.allocateUint32(data.count), allocate(data.count));
  const online = new OnlinePath(network, momentumViews, arena);
  const checkpoint = new Checkpoint(count, data.count, arena);
  const lastEpochPss = allocate(data.count);
  const block = new BlockPass(network, blockCapacity(sizes, data.count), arena);
  const testBlock = testData ? new BlockPass(network, Math.min(TEST_BLOCK_ROWS, testData.count), arena) : null;
  const feedbackCopies = arena ? network.weights.map((W, j) => (j === 0 ? new Float64Array(0) : allocate(W.length))) : null;
  const gradientViews = layerViews(sizes, gradient);
  return {
    network, data, testData, momentum, momentumViews, gradient, gradientViews, cursor, lastEpochPss, online, checkpoint, block, testBlock,
    feedbackCopies,
  };
}

/**
 * F's values in the arena's copies, so the backward pass can run in WebAssembly: the same arrays every time
 * (a reset draws F again, restore reads it from a file); F itself where there is no arena.
 */
export function feedbackInArena(feedback: readonly Float64Array[], copies: readonly Float64Array[] | null): Float64Array[] {
  if (!copies) return [...feedback];
  return feedback.map((F, j) => {
    if (j === 0) return F;
    copies[j].set(F);
    return copies[j];
  });
}

/**
 * Counts what a run would take from an arena. What it hands out are views of one scratch buffer, all
 * overlapping (what the measuring pass writes is thrown away), so measuring costs no second copy of the
 * run's memory; it holds none of them, so no kernel is ever sent to WebAssembly through it.
 */
class MeasuringArena implements ArenaMemory {
  bytes = 0;
  private scratch = new ArrayBuffer(0);

  get kernels(): BlockKernels {
    throw new Error('A measuring arena has no kernels: it holds no array, so none is ever asked for.');
  }

  get buffer(): ArrayBuffer {
    throw new Error('A measuring arena has no memory: it holds no array, so none is ever asked for.');
  }

  allocate(length: number): Float64Array {
    return new Float64Array(this.take(length * 8), 0, length);
  }

  allocateUint32(length: number): Uint32Array {
    return new Uint32Array(this.take(length * 4), 0, length);
  }

  allocateUint8(length: number): Uint8Array {
    return new Uint8Array(this.take(length), 0, length);
  }

  private take(bytes: number): ArrayBuffer {
    this.bytes += arenaBytes(bytes);
    if (this.scratch.byteLength < bytes) this.scratch = new ArrayBuffer(bytes);
    return this.scratch;
  }

  holds(): boolean {
    return false;
  }
}
