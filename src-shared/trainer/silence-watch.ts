/**
 * Hung-trainer detection: a trainer that is training posts metrics 20 times a second (and in slow motion
 * at least once an epoch), so a training trainer silent for SILENCE_MS is a dead one — terminated, hung,
 * or killed from outside without a word. An idle trainer says nothing, and that is fine.
 */
import type { TrainerCommand } from '../ipc/trainer-protocol';

export const SILENCE_MS = 5000;

/** The commands after which the trainer should be talking until it says it stopped. */
const STARTS_TRAINING: ReadonlySet<TrainerCommand['type']> = new Set(['train', 'step', 'stepPattern']);

export class SilenceWatch {
  private busy = false;
  private lastHeard: number;

  constructor(
    private readonly now: () => number,
    readonly silenceMs = SILENCE_MS,
  ) {
    this.lastHeard = now();
  }

  /** A command went to the trainer. */
  sent(command: TrainerCommand): void {
    if (!STARTS_TRAINING.has(command.type)) return;
    this.busy = true;
    this.lastHeard = this.now();
  }

  /** Anything came from the trainer (unchecked: a status says whether it still trains). */
  heard(data: unknown): void {
    this.lastHeard = this.now();
    const event = data as { type?: unknown; status?: unknown } | null;
    if (event?.type === 'status') this.busy = event.status === 'training';
  }

  /** Whether a trainer that should be talking has been silent too long. */
  silent(): boolean {
    return this.busy && this.now() - this.lastHeard > this.silenceMs;
  }
}
