/**
 * Every buffer a graph run's passes touch, allocated in one place and, where WebAssembly runs, in one kernel
 * arena sized by allocating them (../arena-layout.ts's inKernelArena): the parameters and one pattern's n,
 * h and δ (GraphNetwork), the momentum terms, the fast passes' scratch (../fast/graph-passes.ts) and where
 * feedback alignment's F_p are copied — so each projection's products can go to the WebAssembly kernels.
 * Where there is no arena the same buffers are ordinary arrays and the passes run in TypeScript: the same bits.
 */
import type { ModelDocument } from '../../model/schema';
import { inKernelArena } from '../arena-layout';
import { GraphPasses } from '../fast/graph-passes';
import { ThroughTimeUpdate } from '../fast/graph-through-time';
import type { KernelArena } from '../fast/wasm/kernel-arena';
import { GraphNetwork } from './graph-network';

export interface GraphRunBuffers {
  network: GraphNetwork;
  /** ΔW(t−1) and Δb(t−1), laid out like the parameters. */
  momentum: Float64Array;
  /** g summed over an update's patterns, laid out likewise. */
  gradient: Float64Array;
  /** The fast kernels' passes over the network. */
  passes: GraphPasses;
  /** Online BPTT's fused gradient and update, for a recurrent network trained through time (depth > 1); else null. */
  throughTime: ThroughTimeUpdate | null;
  /** Blocks for a recurrent run's stored events (Recurrence's pool; fast/through-time-program.ts's layout); empty without BPTT. */
  eventBlocks: readonly Float64Array[];
  /** Per projection, where F_p is copied (empty for a projection from an input layer, which has no F); null without an arena. */
  feedbackCopies: Float64Array[] | null;
  /** null where the WebAssembly kernels are off or unavailable, or the run would not fit in one memory. */
  arena: KernelArena | null;
}

export function layOutGraphRun(model: ModelDocument): GraphRunBuffers {
  const { buffers, arena } = inKernelArena((memory) => {
    const allocate = (length: number) => (memory ? memory.allocate(length) : new Float64Array(length));
    const network = new GraphNetwork(model, allocate);
    const momentum = allocate(network.params.length);
    const passes = new GraphPasses(network, memory);
    const feedbackCopies = memory
      ? network.projections.map((p, q) => (network.layers[p.from].kind === 'input' ? new Float64Array(0) : allocate(network.weights[q].length)))
      : null;
    const depth = model.recurrence?.gradient === 'bptt' ? model.recurrence.depth : 1;
    const throughTime = depth > 1 ? new ThroughTimeUpdate(network, passes, depth, memory, model.links ?? []) : null;
    // The gradient in the arena too: online BPTT's WebAssembly update stores it as it goes (graph-through-time.ts).
    return {
      network, momentum, gradient: allocate(network.params.length), passes, throughTime, feedbackCopies, eventBlocks: throughTime?.programs.eventBlocks ?? [],
    };
  });
  return { ...buffers, arena };
}

/**
 * F_p's values in the arena's copies, so the backward products can run in WebAssembly: the same arrays
 * every time (a reset draws F again, a restore reads it from a file); F itself where there is no copy.
 */
export function graphFeedbackInArena(feedback: readonly Float64Array[], copies: readonly Float64Array[] | null): Float64Array[] {
  return feedback.map((F, q) => {
    const copy = copies?.[q];
    if (!copy || copy.length === 0 || copy.length !== F.length) return F;
    copy.set(F);
    return copy;
  });
}
