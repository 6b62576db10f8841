/** Drives a trainer through its protocol and records what it says, for tests of every host. */
import { findExample } from '../../src-shared/data/examples';
import { trainerEventSchema, type TrainerCommand, type TrainerEvent } from '../../src-shared/ipc/trainer-protocol';
import type { ModelDocument } from '../../src-shared/model/schema';
import { serveTrainer, type TrainerTiming } from '../../src-shared/trainer/serve-trainer';
import { EpochSeries } from '../../src-renderer/shared/trainer/epoch-series';

export interface Received {
  event: TrainerEvent;
  /** performance.now() when it was posted (the in-process trainer) or arrived (a child process). */
  at: number;
}

export class TrainerRecorder {
  readonly received: Received[] = [];
  private waiters: { test: (e: TrainerEvent) => boolean; resolve: (e: TrainerEvent) => void; reject: (error: Error) => void }[] = [];

  constructor(private readonly send: (command: TrainerCommand | Record<string, unknown>) => void) {}

  /** Feed raw data from the trainer; it must match the protocol. `at`: when it was posted, if known. */
  accept(data: unknown, at = performance.now()): void {
    const event = trainerEventSchema.parse(data);
    this.received.push({ event, at });
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(event)) return true;
      w.resolve(event);
      return false;
    });
  }

  command(command: TrainerCommand | Record<string, unknown>): void {
    this.send(command);
  }

  /** How many events have arrived: pass it to next() to look at what arrives from now on, including past events. */
  mark(): number {
    return this.received.length;
  }

  /** The first matching event from index `since` on (default: from now), already received or still to come. */
  next<T extends TrainerEvent['type']>(
    type: T,
    test: (e: Extract<TrainerEvent, { type: T }>) => boolean = () => true,
    since = this.received.length,
    timeoutMs = 20_000,
  ): Promise<Extract<TrainerEvent, { type: T }>> {
    const matches = (e: TrainerEvent) => e.type === type && test(e as Extract<TrainerEvent, { type: T }>);
    const past = this.received.slice(since).find((r) => matches(r.event));
    if (past) return Promise.resolve(past.event as Extract<TrainerEvent, { type: T }>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} event within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        test: matches,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e as Extract<TrainerEvent, { type: T }>);
        },
        reject,
      });
    });
  }

  /** Sends a command and waits for the first matching event it causes. */
  async request<T extends TrainerEvent['type']>(command: TrainerCommand | Record<string, unknown>, type: T, test?: (e: Extract<TrainerEvent, { type: T }>) => boolean) {
    const reply = this.next(type, test);
    this.command(command);
    return reply;
  }

  events<T extends TrainerEvent['type']>(type: T): Extract<TrainerEvent, { type: T }>[] {
    return this.received.filter((r) => r.event.type === type).map((r) => r.event as Extract<TrainerEvent, { type: T }>);
  }

  /** The tss curve the metrics messages draw, replayed as the page does: its epochs and values. */
  streamedCurve(): { epochs: number[]; tss: number[] } {
    const series = new EpochSeries();
    for (const m of this.events('metrics')) series.append(m.firstEpoch, m.historyStride, m.tss);
    const [epochs, tss] = series.data();
    return { epochs: Array.from(epochs), tss: Array.from(tss) };
  }

  /** Every epoch's tss from the metrics messages, in order; fails if any epoch is missing or repeated. */
  curve(): number[] {
    const tss: number[] = [];
    for (const m of this.events('metrics')) {
      if (m.tss.length === 0) continue;
      if (m.historyStride !== 1) throw new Error(`the history thinned (stride ${m.historyStride}): not every epoch is here`);
      if (m.firstEpoch !== tss.length + 1) throw new Error(`metrics jump from epoch ${tss.length} to ${m.firstEpoch}`);
      tss.push(...m.tss);
    }
    return tss;
  }
}

/** The trainer loop served in this process, each message cloned as a port would, one turn later. */
export function startTrainer(timing: Partial<TrainerTiming> = {}): TrainerRecorder {
  let deliver: (data: unknown) => void = () => undefined;
  const recorder = new TrainerRecorder((command) => setImmediate(() => deliver(structuredClone(command))));
  serveTrainer(
    {
      // Stamped when the trainer posts it, so timings read the trainer's pace, not how late delivery was.
      postMessage: (event: TrainerEvent) => {
        const at = performance.now();
        setImmediate(() => recorder.accept(structuredClone(event), at));
      },
      onMessage: (handler) => {
        deliver = handler;
      },
    },
    { defer: setImmediate, ...timing },
  );
  return recorder;
}

/** A built-in example with some training settings changed. */
export function example(id: string, training: Partial<ModelDocument['training']> = {}): ModelDocument {
  const model = findExample(id)!.build();
  return { ...model, training: { ...model.training, ...training } };
}
