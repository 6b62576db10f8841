/**
 * The analyses of one model, at its current weights, as tidy tables (one observation per row, the shape R's
 * and pandas' tools take): what `cli analyze` writes. A table carries notes for what a number cannot say
 * (a pattern without a correlation distance, why there is no analytic curve).
 */
import type { Cell } from '../data/export/csv-table';
import { networkWithWeights } from '../data/export/activations';
import { isGraphModel } from '../engine/graph/graph-support';
import { networkGraph } from '../model/graph';
import { estimatedInitialStrengths, linearMap, predictedStrength } from '../engine/modes';
import type { ModelDocument } from '../model/schema';
import { correlationModes, isLinearNetwork, modeStrengthsOf, outputInputCorrelation } from './dynamics/mode-strengths';
import { halfTime, saxeTheoryApplies } from './dynamics/saxe-theory';
import { modelActivations } from './representations/activations-at';
import { hierarchicalClustering, type Linkage } from './representations/clustering';
import { layerRepresentation, type LayerRepresentation } from './representations/layer-patterns';
import { classicalMds } from './representations/mds';
import { principalComponents } from './representations/pca';
import { dissimilarityMatrix, type RdmDistance } from './representations/rdm';

export interface AnalysisTable {
  header: string[];
  rows: Cell[][];
  notes: string[];
}

/** The layer the representation analyses look at when none is named: the first hidden layer. */
export function defaultAnalysisLayer(model: ModelDocument): number {
  const hidden = model.layers.findIndex((layer) => layer.kind === 'hidden');
  if (hidden === -1) throw new Error('the network has no hidden layer: name a layer to analyse');
  return hidden;
}

function groupNote(representation: LayerRepresentation, patternCount: number): string[] {
  return representation.groups.length < patternCount
    ? [`layer ${representation.layer} (${representation.layerName}) sees the same input in several patterns: ${patternCount} patterns give ${representation.groups.length} points`]
    : [];
}

/** Every pattern's score on every component, with the share of variance that component explains. */
export function pcaTable(model: ModelDocument, layer: number): AnalysisTable {
  const representation = layerRepresentation(model, layer);
  const pca = principalComponents(representation.activations);
  const rows: Cell[][] = [];
  representation.groups.forEach((group, p) => pca.scores[p].forEach((score, k) => {
    rows.push([layer, group.label, k + 1, score, pca.explainedVariance[k]]);
  }));
  return { header: ['layer', 'pattern', 'component', 'score', 'explained_variance'], rows, notes: groupNote(representation, model.patterns.length) };
}

/** The RDM, every ordered pair (the diagonal included); an undefined distance is an empty cell (NA). */
export function rdmTable(model: ModelDocument, layer: number, distance: RdmDistance): AnalysisTable {
  const representation = layerRepresentation(model, layer);
  const labels = representation.groups.map((g) => g.label);
  const rdm = dissimilarityMatrix(representation.activations, distance, labels);
  const rows: Cell[][] = [];
  rdm.values.forEach((row, p) => row.forEach((d, q) => rows.push([layer, distance, labels[p], labels[q], d])));
  return {
    header: ['layer', 'distance', 'pattern_a', 'pattern_b', 'dissimilarity'],
    rows,
    notes: [...groupNote(representation, model.patterns.length), ...rdm.undefinedBecause],
  };
}

/**
 * The merges in order, numbered as scipy's linkage matrix: clusters 0 … P−1 are the patterns, P + m the one
 * merge m makes; each side is also named (a pattern's label, or "merge m").
 */
export function clusterTable(model: ModelDocument, layer: number, linkage: Linkage, distance: RdmDistance): AnalysisTable {
  const representation = layerRepresentation(model, layer);
  const labels = representation.groups.map((g) => g.label);
  if (labels.length < 2) throw new Error('clustering needs at least two distinct patterns');
  const rdm = dissimilarityMatrix(representation.activations, distance, labels);
  if (rdm.undefinedBecause.length > 0) throw new Error(`cannot cluster on correlation distances: ${rdm.undefinedBecause.join('; ')} (use --distance euclidean)`);
  const merges = hierarchicalClustering(rdm.values, linkage, distance);
  const P = labels.length;
  const name = (id: number) => (id < P ? labels[id] : `merge ${id - P + 1}`);
  return {
    header: ['layer', 'linkage', 'distance', 'merge', 'left', 'right', 'left_label', 'right_label', 'height', 'size'],
    rows: merges.map((m, i) => [layer, linkage, distance, i + 1, m.left, m.right, name(m.left), name(m.right), m.height, m.size]),
    notes: groupNote(representation, model.patterns.length),
  };
}

/** Classical MDS coordinates (two dimensions, fewer when the configuration has fewer). */
export function mdsTable(model: ModelDocument, layer: number, distance: RdmDistance): AnalysisTable {
  const representation = layerRepresentation(model, layer);
  const labels = representation.groups.map((g) => g.label);
  const rdm = dissimilarityMatrix(representation.activations, distance, labels);
  if (rdm.undefinedBecause.length > 0) throw new Error(`cannot place patterns by correlation distance: ${rdm.undefinedBecause.join('; ')} (use --distance euclidean)`);
  const mds = classicalMds(rdm.values, 2);
  const rows: Cell[][] = [];
  labels.forEach((label, p) => mds.coordinates[p].forEach((x, k) => rows.push([layer, distance, label, k + 1, x, mds.eigenvalues[k]])));
  return { header: ['layer', 'distance', 'pattern', 'dimension', 'coordinate', 'eigenvalue'], rows, notes: groupNote(representation, model.patterns.length) };
}

/** W_total, the product of a linear chain's weight matrices. */
function chainLinearMap(model: ModelDocument): number[][] {
  const network = networkWithWeights(model);
  return linearMap(network.weights, network.sizes);
}

/** Each pattern's outputs, every output layer concatenated in layer order (a pattern's target's layout). */
function modelOutputs(model: ModelDocument): number[][] {
  const { outputs } = networkGraph(model);
  return modelActivations(model).map((layers) => outputs.flatMap((g) => layers[g]));
}

/**
 * One row per mode of Σ31: its singular value, its subspace (modes with equal values share one), the network's
 * strength on it now and, where Saxe's theory holds, a_0 from the initial weights the seed gives, the analytic
 * strength at this epoch and the half-time.
 */
export function modesTable(model: ModelDocument): AnalysisTable {
  if (model.patterns.length === 0) throw new Error('the model has no patterns, so Σ31 has no modes');
  const modes = correlationModes(model.patterns);
  const graph = isGraphModel(model);
  // A graph's map is no single product of weight matrices: its strengths are read from its outputs.
  const linear = !graph && isLinearNetwork(model.layers);
  const inputs = model.patterns.map((p) => p.input);
  const map = linear ? chainLinearMap(model) : outputInputCorrelation(inputs, modelOutputs(model));
  const strengths = modeStrengthsOf(map, modes, linear ? 'linear map' : 'descriptive');
  const verdict: ReturnType<typeof saxeTheoryApplies> = graph
    ? { holds: false, reasons: ['the network is a graph (several input or output layers, or projections that skip layers), not the one-hidden-layer chain the formula is for'] }
    : saxeTheoryApplies(model);
  const epoch = model.state?.epoch ?? 0;
  const lambda = model.training.learningRate;
  let a0: number[] | null = null;
  if (verdict.holds) {
    const start = networkWithWeights({ ...model, state: null });
    a0 = estimatedInitialStrengths(start.weights, start.sizes, modes);
  }
  const rows: Cell[][] = modes.strengths.map((s, alpha) => {
    const subspace = modes.subspaces.findIndex((sub) => sub.modes.includes(alpha));
    const within = modes.subspaces[subspace].modes.indexOf(alpha);
    const initial = a0?.[alpha] ?? null;
    return [
      alpha + 1, s, subspace + 1, strengths.perMode[alpha], strengths.perSubspace[subspace][within], strengths.kind, epoch,
      initial, initial === null ? null : predictedStrength(s, initial, epoch, lambda), initial === null ? null : halfTime(s, initial, lambda),
    ];
  });
  const notes: string[] = [];
  if (!linear) notes.push(graph ? 'the network is a graph: strengths are descriptive, u_αᵀ (Σ_μ o_μ x_μᵀ) v_α from its outputs (all output layers, concatenated in layer order)' : 'the network is not linear without biases: strengths are descriptive, u_αᵀ (Σ_μ o_μ x_μᵀ) v_α from its outputs');
  if (!verdict.holds) notes.push(`no analytic curve, as Saxe et al.'s formula does not apply: ${verdict.reasons.join('; ')}`);
  else if (lambda * modes.strengths[0] > 5e-4) notes.push(`λ s_max = ${(lambda * modes.strengths[0]).toPrecision(3)}: above about 5·10⁻⁴ the discrete updates drift from the continuous formula`);
  if (modes.subspaces.some((sub) => sub.modes.length > 1)) notes.push('modes with equal singular values have no unique directions: read subspace_strength (the singular values of U_Sᵀ M V_S) for them, not strength');
  return {
    header: ['mode', 'singular_value', 'subspace', 'strength', 'subspace_strength', 'strength_kind', 'epoch', 'a0', 'predicted_strength', 'half_time'],
    rows,
    notes,
  };
}
