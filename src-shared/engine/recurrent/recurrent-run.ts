/**
 * A training run of a recurrent network (Elman's simple recurrent network, Jordan's network): the graph
 * path's run (../graph/graph-run.ts) with time — the context layers, the sequences and the gradient's
 * terms from earlier events — given by a Recurrence (recurrence.ts).
 */
import type { ModelDocument } from '../../model/schema';
import { GraphRun } from '../graph/graph-run';
import { Recurrence } from './recurrence';

export class RecurrentRun extends GraphRun {
  /** `eventBlocks`: where its stored events live (graph-layout.ts puts them in the kernel arena). */
  protected override createTime(model: ModelDocument, eventBlocks: readonly Float64Array[]): Recurrence {
    return new Recurrence(this.network, model, eventBlocks);
  }

  /** The run's Recurrence: its context's values and stored events. */
  get recurrence(): Recurrence {
    return this.time!;
  }

  /**
   * Layer g's activations at each event of a pass over a set in its order, from the initial context and
   * resetting at its marks, with the current weights (the training stream is not disturbed).
   */
  layerOverSequence(g: number, set: 'train' | 'test' = 'train'): number[][] {
    return this.overSet(set, () => Array.from(this.network.act[g]));
  }
}
