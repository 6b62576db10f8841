/**
 * RSA over training (issue 15, point 2c): at every frame, Spearman's ρ between layer J's RDM and a reference
 * RDM over the same points — another layer's at the same frame, the inputs' or the targets' (fixed), or a
 * model RDM read from a file (model-rdm.ts). The reference's points are the patterns grouped as layer J sees
 * them: the inputs are the input units that reach J, the targets each group's mean target (a "don't care"
 * left out of its unit's mean; a unit with no target in some group is left out). Another layer that groups the
 * patterns differently (in a graph, a layer the relation reaches and one it does not) has other points, and
 * the two RDMs are not compared: the result says so.
 */
import type { LayerModel } from './layer-points';
import { layerGroups, layerPoints } from './layer-points';
import { inputUnitsReaching, type PatternGroup } from './layer-patterns';
import { alignModelRdm, type ModelRdm } from './model-rdm';
import type { Frame } from './over-training';
import { dissimilarityMatrix, representationalSimilarity, type Rdm, type RdmDistance, type Rsa } from './rdm';

export type RsaReference =
  | { kind: 'layer'; layer: number }
  | { kind: 'inputs' }
  | { kind: 'targets' }
  | { kind: 'model'; rdm: ModelRdm };

export interface RsaPoint {
  epoch: number;
  rsa: Rsa;
}

type Reference = { values: Rdm['values'] } | { because: string };

const sameGroups = (a: readonly PatternGroup[], b: readonly PatternGroup[]) =>
  a.length === b.length && a.every((group, g) => group.patterns.join(',') === b[g].patterns.join(','));

/** The input units reaching `layer`, per group (the same for every pattern of a group, so its first's). */
function inputRows(model: LayerModel, groups: readonly PatternGroup[], layer: number): number[][] {
  const units = inputUnitsReaching(model, layer);
  return groups.map((group) => units.map((i) => model.patterns[group.patterns[0]].input[i]));
}

/** Each group's mean target, units without a target in some group left out. */
function targetRows(model: LayerModel, groups: readonly PatternGroup[]): number[][] | string {
  const width = model.patterns[0]?.target.length ?? 0;
  const means = groups.map((group) => Array.from({ length: width }, (_, k) => {
    const defined = group.patterns.map((p) => model.patterns[p].target[k]).filter((t): t is number => t !== null);
    return defined.length === 0 ? null : defined.reduce((sum, t) => sum + t, 0) / defined.length;
  }));
  const kept = Array.from({ length: width }, (_, k) => k).filter((k) => means.every((row) => row[k] !== null));
  if (kept.length === 0) return 'the targets have no unit with a value in every group ("don’t care" everywhere)';
  return means.map((row) => kept.map((k) => row[k]!));
}

/** The reference's RDM fixed over training (inputs, targets, a file); null for another layer's (per frame). */
function fixedReference(model: LayerModel, layer: number, distance: RdmDistance, reference: RsaReference): Reference | null {
  const { groups, labels } = layerGroups(model, layer);
  if (reference.kind === 'inputs') return { values: dissimilarityMatrix(inputRows(model, groups, layer), distance, labels).values };
  if (reference.kind === 'targets') {
    const rows = targetRows(model, groups);
    return typeof rows === 'string' ? { because: rows } : { values: dissimilarityMatrix(rows, distance, labels).values };
  }
  if (reference.kind === 'model') return alignModelRdm(reference.rdm, labels);
  return null;
}

/** Why layer `layer` and `other` cannot be compared (their points differ), or null when they can. */
export function differentPoints(model: LayerModel, layer: number, other: number): string | null {
  const a = layerGroups(model, layer);
  const b = layerGroups(model, other);
  if (sameGroups(a.groups, b.groups)) return null;
  const name = (j: number) => `layer ${j} (${model.layers[j].name})`;
  return `${name(layer)} has ${a.groups.length} points and ${name(other)} ${b.groups.length}: they group the patterns by different inputs, so their RDMs compare different points and cannot be correlated`;
}

/** RSA of layer `layer` with `reference` at every frame, oldest first. */
export function rsaOverTraining(model: LayerModel, frames: readonly Frame[], layer: number, distance: RdmDistance, reference: RsaReference): RsaPoint[] {
  const fixed = fixedReference(model, layer, distance, reference);
  const apart = reference.kind === 'layer' ? differentPoints(model, layer, reference.layer) : null;
  const grouped = layerGroups(model, layer);
  const otherGrouped = reference.kind === 'layer' && !apart ? layerGroups(model, reference.layer) : null;
  return frames.map((frame) => {
    if (apart) return { epoch: frame.epoch, rsa: { spearman: null, because: apart } };
    const points = layerPoints(model, frame.all, layer, grouped);
    const own = dissimilarityMatrix(points.rows, distance, points.labels).values;
    const other = fixed ?? { values: dissimilarityMatrix(layerPoints(model, frame.all, (reference as { layer: number }).layer, otherGrouped!).rows, distance, points.labels).values };
    if ('because' in other) return { epoch: frame.epoch, rsa: { spearman: null, because: other.because } };
    return { epoch: frame.epoch, rsa: representationalSimilarity(own, other.values) };
  });
}
