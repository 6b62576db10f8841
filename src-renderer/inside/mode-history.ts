/**
 * The mode strengths of one run over training, as the learning-dynamics view receives the trainer's weights
 * (every live view while it is open, and the result at a pause or stop): one record per epoch received. Kept
 * per trainer session and per network and pattern set, so switching tabs does not lose the curve; a
 * restarted run (an epoch lower than the last) drops the records past it. Plain TypeScript, unit-tested.
 */
import type { TrainerSession } from '../shared/trainer/trainer-session.svelte';

export interface ModeRecord {
  epoch: number;
  /** Per subspace of Σ31's modes: the strengths (one for a lone mode, the subspace's singular values otherwise). */
  perSubspace: number[][];
  /** Feedback alignment's angles per hidden projection, in degrees (absent for other rules). */
  angles?: { projection: number; signalAngle: number | null; weightAngle: number | null }[];
}

/** More records than this: every other one is dropped (the first and the latest kept), so a long run stays cheap to draw. */
export const MAX_RECORDS = 2000;

export class ModeHistory {
  private list: ModeRecord[] = [];

  constructor(readonly signature: string) {}

  get records(): readonly ModeRecord[] {
    return this.list;
  }

  /** Adds the strengths at `record.epoch`: replaces a record of the same epoch; an earlier epoch starts the curve again from there. */
  record(record: ModeRecord): void {
    while (this.list.length > 0 && this.list[this.list.length - 1].epoch >= record.epoch) this.list.pop();
    this.list.push(record);
    if (this.list.length > MAX_RECORDS) this.list = this.list.filter((_, i) => i % 2 === 0 || i === this.list.length - 1);
  }

  /** The record at epoch 0, if the view saw the run start. */
  start(): ModeRecord | null {
    return this.list[0]?.epoch === 0 ? this.list[0] : null;
  }
}

const histories = new WeakMap<TrainerSession, ModeHistory>();

/** The session's history for this network and pattern set (`signature`); a new one when either changed. */
export function modeHistoryFor(session: TrainerSession, signature: string): ModeHistory {
  const known = histories.get(session);
  if (known && known.signature === signature) return known;
  const made = new ModeHistory(signature);
  histories.set(session, made);
  return made;
}
