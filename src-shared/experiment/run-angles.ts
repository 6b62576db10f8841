/**
 * What an experiment run may record beyond what its model's experiment section asks, when the page asks
 * for it (Compare rules, src-renderer/train/): feedback alignment's two angles per hidden projection over
 * training (science.md, "Feedback alignment"), computed inside the worker at the epochs below from the run's
 * own weights and the F^j the run draws. Only asked-for runs carry it: an experiment's results are unchanged.
 */
import { feedbackAnglesAt } from '../analysis/dynamics/angles-at';
import type { ProjectionAngles } from '../analysis/dynamics/feedback-angles';
import { drawFeedback } from '../engine/init';
import { Network } from '../engine/network';
import { networkGraph } from '../model/graph';
import type { ModelDocument } from '../model/schema';

/** Sent with the experiment's model to a worker: what its runs record beside the experiment's measures. */
export interface RunExtras {
  /** Feedback alignment's angles, for runs whose rule is feedback alignment on a chain network. */
  alignmentAngles?: boolean;
}

/** At most this many epochs (and epoch 0) get the angles: each costs a forward and backward pass over the patterns. */
export const MAX_ANGLE_EPOCHS = 256;

/** Per hidden projection j (W^j into layer j + 1, deltas back into hidden layer j), its two angles in degrees at each epoch. */
export interface AlignmentAngles {
  epochs: number[];
  projections: { projection: number; signal: (number | null)[]; weight: (number | null)[] }[];
}

/**
 * The epochs the angles are taken at: 0, then every k-th (k the least power of two that keeps to
 * MAX_ANGLE_EPOCHS), and the run's last.
 */
export function angleEpochs(epochs: number): number[] {
  let every = 1;
  while (every * MAX_ANGLE_EPOCHS < epochs) every *= 2;
  const list = [0];
  for (let epoch = every; epoch <= epochs; epoch += every) list.push(epoch);
  if (list.at(-1) !== epochs) list.push(epochs);
  return list;
}

/** What the recorder reads of a run: a chain run's weights now. */
export interface WeightSource {
  readonly epoch: number;
  /** Weights in the middle of an epoch are no epoch's. */
  readonly patternsIntoEpoch: number;
  weightRows(): { weights: number[][][]; biases: number[][] };
}

export interface AngleRecorder {
  /** The next epoch after `epoch` the angles are wanted at (Infinity when none is). */
  nextEpoch(epoch: number): number;
  /** Takes the angles if the run stands at one of the epochs. */
  look(run: WeightSource): void;
  result(): AlignmentAngles;
}

/**
 * A recorder for run `single` (the single-run model the experiment trains), or null when it records no
 * angles: not asked, another rule, a graph or recurrent network (the angles are a chain's), or no hidden layer.
 */
export function angleRecorder(single: ModelDocument, epochs: number, extras: RunExtras | undefined): AngleRecorder | null {
  if (!extras?.alignmentAngles || single.training.rule !== 'feedback-alignment') return null;
  if (!networkGraph(single).isChain || single.layers.length < 3) return null;
  const network = new Network(single.layers);
  // F^j as the run draws them: from the seed's own "feedback" stream (science.md, rule 3).
  const feedback = drawFeedback(network, single.training).map((F, j) => (j === 0 ? [] : rows(F, network.sizes[j + 1], network.sizes[j])));
  const wanted = angleEpochs(epochs);
  const taken: { epoch: number; angles: ProjectionAngles[] }[] = [];
  let next = 0;
  return {
    nextEpoch(epoch) {
      while (next < wanted.length && wanted[next] <= epoch) next++;
      return next < wanted.length ? wanted[next] : Number.POSITIVE_INFINITY;
    },
    look(run) {
      if (run.patternsIntoEpoch !== 0 || !wanted.includes(run.epoch) || taken.at(-1)?.epoch === run.epoch) return;
      const { weights, biases } = run.weightRows();
      taken.push({ epoch: run.epoch, angles: feedbackAnglesAt(single.layers, single.patterns, single.training, weights, biases, feedback) });
    },
    result() {
      const projections = (taken[0]?.angles ?? []).map((a, k) => ({
        projection: a.projection,
        signal: taken.map((t) => t.angles[k].signalAngle),
        weight: taken.map((t) => t.angles[k].weightAngle),
      }));
      return { epochs: taken.map((t) => t.epoch), projections };
    },
  };
}

function rows(flat: Float64Array, out: number, inputs: number): number[][] {
  return Array.from({ length: out }, (_, r) => Array.from(flat.subarray(r * inputs, (r + 1) * inputs)));
}
