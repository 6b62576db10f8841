/**
 * A layer's points at given weights (the current ones, or a snapshot's), as the Representations view and its
 * views over training take them: every pattern's activations at those weights — a chain's or a graph's
 * forward pass, or a recurrent network's events run in order with their context — then one point per group of
 * patterns the layer cannot tell apart (layer-patterns.ts), a recurrent network's point the mean over its
 * group's events (Elman's averaged hidden vectors).
 */
import { isRecurrent } from '../../model/recurrence';
import type { ModelDocument } from '../../model/schema';
import { activationsAt } from './activations-at';
import { groupByInputs, inputUnitsReaching, type PatternGroup } from './layer-patterns';
import { meanByGroup, sequenceActivationsAt, sharedInputLabel } from './sequence-activations';

type Rows = readonly (readonly number[])[];

/** What the analyses need of a model: its network and its patterns. */
export type LayerModel = Pick<ModelDocument, 'layers' | 'projections' | 'links' | 'patterns'>;

/** Weights and biases at one epoch, as the document saves them (W_p out × in per projection; a bias per non-input layer). */
export interface WeightsAt {
  epoch: number;
  weights: readonly Rows[];
  biases: readonly (readonly number[])[];
}

export interface LayerPoints {
  /** One label per point. */
  labels: string[];
  /** The patterns each point stands for (indices into the pattern list). */
  groups: PatternGroup[];
  /** One row of the layer's activations per point. */
  rows: number[][];
}

/** activations[pattern][layer][unit] at `at`'s weights, every layer in layer order. */
export function activationsOfModel(model: LayerModel, at: Pick<WeightsAt, 'weights' | 'biases'>): number[][][] {
  return isRecurrent(model)
    ? sequenceActivationsAt(model, at.weights, at.biases)
    : activationsAt(model.layers, at.weights, at.biases, model.patterns, model.projections);
}

/** The patterns grouped as layer `layer` sees them, with the labels its points carry. */
export function layerGroups(model: LayerModel, layer: number): { groups: PatternGroup[]; labels: string[] } {
  const groups = groupByInputs(model.patterns, inputUnitsReaching(model, layer));
  const recurrent = isRecurrent(model);
  return { groups, labels: groups.map((g) => (recurrent ? sharedInputLabel(model.patterns, g.patterns) : g.label)) };
}

/** Layer `layer`'s points, from activations `all` (activationsOfModel's); `grouped` when layerGroups was found already. */
export function layerPoints(
  model: LayerModel, all: readonly (readonly (readonly number[])[])[], layer: number, grouped: { groups: PatternGroup[]; labels: string[] } = layerGroups(model, layer),
): LayerPoints {
  const { groups, labels } = grouped;
  const rows = isRecurrent(model) ? meanByGroup(all, groups, layer) : groups.map((g) => [...all[g.patterns[0]][layer]]);
  return { labels, groups, rows };
}
