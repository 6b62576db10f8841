/**
 * Time in a simple recurrent network (docs/science.md, "Simple recurrent networks"): the context layers
 * each link fills with a copy of a layer's activations from the previous event (weight 1, never learned),
 * their reset to the initial value at a sequence's start, and the gradient's terms from earlier events —
 * none for the one-step gradient (the context is an input), the last k − 1 events' for truncated
 * backpropagation through time to depth k, carried back through their activations as stored then:
 *
 *     δ_from(t−1) = [Σ_{p out of ctx} W_pᵀ δ_to(p)(t)] ⊙ f'(n_from(t−1)),   ∂L/∂W_p += δ_to(t−s) h_from(t−s)ᵀ
 *
 * The run's GraphNetwork does the passes; this object owns the context's values, the stored events and
 * the order of the sequences, and saves and restores them with the run.
 */
import { sequenceRanges } from '../../model/recurrence';
import type { CopyLinkSpec, ModelDocument, Pattern, RecurrentState } from '../../model/schema';
import type { EpochCursor } from '../checkpoint';
import type { GraphNetwork, GraphPassFunctions, GraphViews } from '../graph/graph-network';
import type { RandomStream } from '../rng';
import { RELU } from '../activations';
import type { ThroughTimeUpdate } from '../fast/graph-through-time';
import { storedEventOffsets } from '../fast/through-time-program';
import { fromRows } from '../state-io';

/** One event's net input and activation of every layer, as computed when it was presented. */
interface StoredEvent {
  net: Float64Array[];
  act: Float64Array[];
  /** The block in the kernel arena that `net` and `act` view (storedEventOffsets' layout), if they do. */
  block?: Float64Array;
}

/** What a diverged epoch goes back to. */
export interface TimeSnapshot {
  context: Float64Array[];
  events: StoredEvent[];
}

export class Recurrence {
  readonly links: readonly CopyLinkSpec[];
  /** BPTT's depth k (1: the one-step gradient). */
  readonly depth: number;
  /** Per link: the values its context layer takes at the next training event. */
  readonly context: Float64Array[];
  /** The same for an evaluation pass (test, outputs), which never disturbs the training stream. */
  private readonly evaluationContext: Float64Array[];
  /** The last depth − 1 training events of the sequence under way, oldest first. */
  private events: StoredEvent[] = [];
  /** Spare stored events, reused so a long run allocates nothing per event. */
  private readonly spare: StoredEvent[] = [];
  /** Whether each training and test pattern starts a sequence (its `reset` mark). */
  private readonly resets: { train: boolean[]; test: boolean[] };
  /** Training sequences as [start, end): what a permuted epoch shuffles. */
  private readonly sequences: [number, number][];
  private readonly sequenceOrder: Uint32Array;
  /** Per layer: the δ injected into it from the events after it (a link's source), or null. */
  private readonly injected: (Float64Array | null)[];
  /**
   * Per layer: whether a backward pass reads its net input (f' of a ReLU layer is read off n; of every other
   * activation, off h): only those are set to a stored event's n for a step back (the others' n is never read there).
   */
  private readonly readsNet: boolean[];
  /**
   * Per layer: whether the oldest step back needs no δ of it — a context layer's δ only goes on to the event
   * before (or to its bias's gradient, when that learns); nothing reads it after the oldest step.
   */
  private readonly unwantedAtOldest: boolean[];

  /**
   * `eventBlocks`: blocks (storedEventOffsets' layout) the stored events use first, so online BPTT's step
   * programs can reach them (../fast/through-time-program.ts); beyond them, ordinary arrays.
   */
  constructor(
    private readonly network: GraphNetwork, model: Pick<ModelDocument, 'links' | 'recurrence' | 'patterns' | 'testPatterns'>,
    eventBlocks: readonly Float64Array[] = [],
  ) {
    this.links = model.links ?? [];
    this.depth = model.recurrence?.gradient === 'bptt' ? model.recurrence.depth : 1;
    const units = (link: CopyLinkSpec) => new Float64Array(network.sizes[link.to]);
    this.context = this.links.map(units);
    this.evaluationContext = this.links.map(units);
    const marks = (patterns: readonly Pattern[] | undefined) => (patterns ?? []).map((p) => p.reset === true);
    this.resets = { train: marks(model.patterns), test: marks(model.testPatterns) };
    this.sequences = sequenceRanges(model.patterns);
    this.sequenceOrder = new Uint32Array(this.sequences.length);
    this.injected = network.sizes.map((n, g) => (this.links.some((link) => link.from === g) ? new Float64Array(n) : null));
    this.readsNet = network.codes.map((code) => code === RELU);
    this.unwantedAtOldest = network.isContext.map((context, g) => context && !network.biasLearns[g]);
    const layout = storedEventOffsets(network.sizes);
    for (const block of eventBlocks) {
      const view = (at: readonly number[]) => network.sizes.map((n, g) => block.subarray(at[g], at[g] + n));
      this.spare.push({ net: view(layout.net), act: view(layout.act), block });
    }
    this.reset();
  }

  /** Every context at its initial value, nothing stored: a run's start. */
  reset(): void {
    this.fillInitial(this.context);
    this.dropEvents();
  }

  /** An epoch's order: whole sequences, in the set's order or shuffled by the run's order stream. */
  orderEpoch(cursor: EpochCursor, permute: RandomStream | null): void {
    cursor.start(null);
    if (!permute) return;
    const order = this.sequenceOrder;
    for (let i = 0; i < order.length; i++) order[i] = i;
    permute.shuffle(order);
    let at = 0;
    for (const s of order) {
      const [start, end] = this.sequences[s];
      for (let p = start; p < end; p++) cursor.order[at++] = p;
    }
  }

  /** Before training event p: a sequence's start resets the context; the context layers take their values. */
  enterTraining(p: number): void {
    if (this.resets.train[p]) this.reset();
    this.load(this.context);
  }

  /**
   * After training event p's forward and backward passes and its own gradient term: the earlier events'
   * terms (BPTT), this event stored, and the copy that the next event's context will hold.
   */
  leaveTraining(
    gradient: GraphViews, backwardMatrices: readonly Float64Array[], passes: GraphPassFunctions = this.network, fused: ThroughTimeUpdate | null = null,
  ): void {
    if (this.depth > 1) {
      const current = this.blankEvent();
      this.events.push(current);
      // Online BPTT's step program stores the event and runs the steps back in one call where it can.
      if (!fused?.stepsBack(this.events, backwardMatrices)) {
        this.store(current);
        if (this.events.length > 1) this.throughTime(gradient, backwardMatrices, current, passes);
      }
      while (this.events.length > this.depth - 1) this.spare.push(this.events.shift()!);
    }
    this.copy(this.context);
  }

  /** Before event p of an evaluation pass over a set: its first event and every marked one start from the initial value. */
  enterEvaluation(set: 'train' | 'test', p: number): void {
    if (p === 0 || this.resets[set][p]) this.fillInitial(this.evaluationContext);
    this.load(this.evaluationContext);
  }

  leaveEvaluation(): void {
    this.copy(this.evaluationContext);
  }

  /** Whether every value the state would save is finite. */
  isFinite(): boolean {
    const finite = (rows: readonly Float64Array[]) => rows.every((row) => row.every(Number.isFinite));
    return finite(this.context) && this.events.every((event) => finite(event.net) && finite(event.act));
  }

  snapshot(): TimeSnapshot {
    return { context: this.context.map((c) => c.slice()), events: this.events.map(cloneEvent) };
  }

  restoreSnapshot(snapshot: TimeSnapshot): void {
    snapshot.context.forEach((c, i) => this.context[i].set(c));
    this.dropEvents();
    for (const event of snapshot.events) {
      const stored = this.blankEvent();
      event.net.forEach((values, g) => stored.net[g].set(values));
      event.act.forEach((values, g) => stored.act[g].set(values));
      this.events.push(stored);
    }
  }

  state(): RecurrentState {
    const rows = (arrays: readonly Float64Array[]) => arrays.map((a) => Array.from(a));
    return { context: rows(this.context), events: this.events.map((event) => ({ net: rows(event.net), act: rows(event.act) })) };
  }

  restore(state: RecurrentState | undefined): void {
    if (!state) {
      this.reset();
      return;
    }
    state.context.forEach((values, i) => this.context[i].set(values));
    this.dropEvents();
    for (const event of state.events) {
      const stored = this.blankEvent();
      event.net.forEach((values, g) => fromRows([values], stored.net[g]));
      event.act.forEach((values, g) => fromRows([values], stored.act[g]));
      this.events.push(stored);
    }
  }

  private fillInitial(contexts: readonly Float64Array[]): void {
    this.links.forEach((link, i) => contexts[i].fill(link.initial ?? 0));
  }

  private dropEvents(): void {
    while (this.events.length > 0) this.spare.push(this.events.pop()!);
  }

  /** The context layers' activations (and net inputs: a context layer is linear) from `contexts`. */
  private load(contexts: readonly Float64Array[]): void {
    const links = this.links;
    for (let i = 0; i < links.length; i++) {
      copyInto(this.network.act[links[i].to], contexts[i]);
      copyInto(this.network.net[links[i].to], contexts[i]);
    }
  }

  /** Each link's source activations into `contexts`: c(t + 1) = h(t). */
  private copy(contexts: Float64Array[]): void {
    const links = this.links;
    for (let i = 0; i < links.length; i++) copyInto(contexts[i], this.network.act[links[i].from]);
  }

  private blankEvent(): StoredEvent {
    return this.spare.pop() ?? { net: this.network.sizes.map((n) => new Float64Array(n)), act: this.network.sizes.map((n) => new Float64Array(n)) };
  }

  /** The network's current event into `event` (the newest stored). */
  private store(event: StoredEvent): void {
    const net = this.network;
    for (let g = 0; g < net.sizes.length; g++) {
      copyInto(event.net[g], net.net[g]);
      copyInto(event.act[g], net.act[g]);
    }
  }

  /**
   * The current event's error carried back through the stored events, newest first, while there are any
   * (a sequence's start stores none before it): each step injects the context layers' δ into their links'
   * sources at the event before and runs that event's backward pass with no error of its own.
   */
  private throughTime(gradient: GraphViews, backwardMatrices: readonly Float64Array[], current: StoredEvent, passes: GraphPassFunctions): void {
    const net = this.network;
    for (let e = this.events.length - 2; e >= 0; e--) {
      for (const inject of this.injected) if (inject) zero(inject);
      for (const link of this.links) {
        const into = this.injected[link.from]!;
        const delta = net.delta[link.to];
        for (let i = 0; i < into.length; i++) into[i] += delta[i];
      }
      const event = this.events[e];
      for (let g = 0; g < net.sizes.length; g++) {
        if (this.readsNet[g]) copyInto(net.net[g], event.net[g]);
        copyInto(net.act[g], event.act[g]);
        zero(net.delta[g]);
      }
      // The oldest step sends nothing further back: its context layers' δ is not wanted (unless a bias reads it).
      passes.backward(backwardMatrices, this.injected, e === 0 ? this.unwantedAtOldest : undefined);
      passes.addGradient(gradient, false);
    }
    for (let g = 0; g < net.sizes.length; g++) {
      if (this.readsNet[g]) copyInto(net.net[g], current.net[g]);
      copyInto(net.act[g], current.act[g]);
    }
  }
}

/** to ← from, element by element: for a layer's few units a loop costs less than TypedArray.set's call (the same values). */
function copyInto(to: Float64Array, from: Float64Array): void {
  for (let i = 0; i < to.length; i++) to[i] = from[i];
}

function zero(array: Float64Array): void {
  for (let i = 0; i < array.length; i++) array[i] = 0;
}

function cloneEvent(event: StoredEvent): StoredEvent {
  return { net: event.net.map((a) => a.slice()), act: event.act.map((a) => a.slice()) };
}
