/**
 * Lesioning units of a hidden layer: their outgoing weights set to 0 and frozen, so they no longer affect
 * anything downstream while the rest of the network relearns (savings after damage; Hinton & Sejnowski 1986,
 * Plaut 1996).
 *
 * The model file freezes whole projections (`learn: false`), not single units. So the lesioned units become
 * a layer of their own, "NAME (lesioned)", right after the layer they came from: fed by the same projections
 * (their rows of W, learning as before), with its outgoing projections zero and frozen. The network computes
 * exactly what the unsplit layer with those weights held at 0 computes — the zero terms add nothing, the
 * intact units' sums keep their order — and the training state (momentum, a gradient sum under way,
 * feedback matrices, the streams and histories) carries over unit by unit, so training goes on from it.
 * Lesioning every unit of a layer freezes its outgoing projections at 0 without a split. A frozen projection
 * carries its own initialisation, zeros (LESIONED_INIT), so a Reset or a new seed keeps the lesion.
 *
 * The lesion is appended to the model's damage record (version 6), which says what was done and when (the
 * description is left as the user wrote it). The run's snapshots are of the network
 * before the lesion — another network, whose layers a split no longer matches and from which "continue" would
 * start with the frozen projections not 0 — so a lesion drops them; the run keeps new ones from here on.
 */
import { withDamage } from '../../model/damage';
import { chainProjections, networkGraph } from '../../model/graph';
import { MAX_LAYERS, type LayerSpec, type ModelDocument, type NetworkState, type ProjectionSpec } from '../../model/schema';
import { createRun } from '../training-run';

type Matrix = number[][];

/**
 * A lesioned projection's own initialisation: uniform over [0, 0], zeros from any seed. So Reset, or a new
 * seed, starts it at 0 as the lesion left it (and frozen), and the rest of the network from the seed's
 * weights: the network as lesioned, not the intact one. It still draws one number per weight from the
 * seed's stream, so every other projection starts from what the same seed gives it.
 */
export const LESIONED_INIT = { kind: 'uniform', range: 0 } as const satisfies ProjectionSpec['init'];

/** Projection `p` frozen at 0: it does not learn and starts at 0 after a reset. */
export const frozenAtZero = (p: ProjectionSpec): ProjectionSpec => ({ ...p, learn: false, init: { ...LESIONED_INIT } });

/** The state the model holds, or the one a run starts from (its seed's initial weights). */
export function stateToEdit(model: ModelDocument): NetworkState {
  return structuredClone(model.state ?? createRun(model).toModel().state!);
}

/** Checks `units` (indices from 0) against layer `layer`, which must be hidden; the units sorted, without repeats. */
export function checkedUnits(model: ModelDocument, layer: number, units: readonly number[]): number[] {
  const spec = model.layers[layer] as LayerSpec | undefined;
  if (!spec) throw new RangeError(`there is no layer ${layer}: the layers are 0 … ${model.layers.length - 1}`);
  if (spec.kind !== 'hidden') {
    throw new RangeError(`layer ${layer} (${spec.name}) is an ${spec.kind} layer: only a hidden layer's units can be lesioned (an input or output unit is part of the patterns)`);
  }
  if (model.links?.length) throw new RangeError('this network has copy links (a recurrent network): lesions are for feedforward networks for now');
  if (units.length === 0) throw new RangeError('name at least one unit to lesion');
  for (const unit of units) {
    if (!Number.isInteger(unit) || unit < 0 || unit >= spec.units) {
      throw new RangeError(`layer ${layer} (${spec.name}) has units 1 … ${spec.units}; there is no unit ${unit + 1}`);
    }
  }
  return [...new Set(units)].sort((a, b) => a - b);
}

const rows = (matrix: Matrix, keep: readonly number[]) => keep.map((r) => [...matrix[r]]);
const columns = (matrix: Matrix, keep: readonly number[]) => matrix.map((row) => keep.map((c) => row[c]));
const zeroed = (matrix: Matrix) => matrix.map((row) => row.map(() => 0));

function uniqueLayerName(layers: readonly LayerSpec[], name: string): string {
  const taken = new Set(layers.map((l) => l.name));
  let candidate = `${name} (lesioned)`;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name} (lesioned ${n})`;
  return candidate;
}

/** The model with `units` (indices from 0) of hidden layer `layer` lesioned, at the weights it holds. */
export function lesionUnits(model: ModelDocument, layer: number, units: readonly number[]): ModelDocument {
  const lesioned = checkedUnits(model, layer, units);
  const spec = model.layers[layer];
  const { snapshots: _before, ...state } = stateToEdit(model);
  const projections: ProjectionSpec[] = (model.projections ?? chainProjections(model.layers.length)).map((p) => ({ ...p }));
  const outgoing = projections.flatMap((p, q) => (p.from === layer ? [q] : []));
  const record = { kind: 'lesion', epoch: state.epoch, layer: spec.name, layerUnits: spec.units, units: lesioned } as const;

  if (lesioned.length === spec.units) {
    for (const q of outgoing) {
      projections[q] = frozenAtZero(projections[q]);
      state.weights[q] = zeroed(state.weights[q]);
      state.weightMomentum[q] = zeroed(state.weightMomentum[q]);
      if (state.gradientSum) state.gradientSum.weights[q] = zeroed(state.gradientSum.weights[q]);
    }
    return withDamage({ ...model, projections, state }, record);
  }
  if (model.layers.length >= MAX_LAYERS) throw new RangeError(`lesioning some units of a layer makes them a layer of their own, and this network already has the most layers a model holds (${MAX_LAYERS})`);

  const intact = Array.from({ length: spec.units }, (_, u) => u).filter((u) => !lesioned.includes(u));
  const at = layer + 1; // the lesioned units' layer
  const moved = (g: number) => (g > layer ? g + 1 : g);
  const part = (keep: readonly number[], name: string): LayerSpec => ({
    ...spec, name, units: keep.length, ...(spec.unitNames ? { unitNames: keep.map((u) => spec.unitNames![u]) } : {}),
  });
  const lesionedName = uniqueLayerName(model.layers, spec.name);
  const layers = [...model.layers.slice(0, at), part(lesioned, lesionedName), ...model.layers.slice(at)];
  layers[layer] = part(intact, spec.name);

  // New projections go after the model's: its own keep their indices (and their places in the state).
  const added: { source: number; into: boolean }[] = [];
  const renumbered = projections.map((p) => ({ ...p, from: moved(p.from), to: moved(p.to) }));
  projections.forEach((p, q) => {
    if (p.to === layer) {
      renumbered.push({ ...renumbered[q], to: at });
      added.push({ source: q, into: true });
    }
  });
  for (const q of outgoing) {
    renumbered.push(frozenAtZero({ ...renumbered[q], from: at }));
    added.push({ source: q, into: false });
  }
  const into = new Set(projections.flatMap((p, q) => (p.to === layer ? [q] : [])));
  const out = new Set(outgoing);
  /** Per-projection matrices split: rows of projections into the layer, columns of those out of it. */
  const split = (matrices: Matrix[], lesionedOut: (m: Matrix) => Matrix): Matrix[] => [
    ...matrices.map((m, q) => (into.has(q) && m.length > 0 ? rows(m, intact) : out.has(q) && m.length > 0 ? columns(m, intact) : m)),
    ...added.map(({ source, into: isInto }) => {
      const m = matrices[source];
      if (m.length === 0) return [];
      return isInto ? rows(m, lesioned) : lesionedOut(columns(m, lesioned));
    }),
  ];
  const keepValues = (m: Matrix) => m;
  // Biases per non-input layer in layer order: the lesioned part's right after the layer's own.
  const biasAt = networkGraph(model).biased.indexOf(layer);
  const splitBiases = (vectors: number[][]) => [
    ...vectors.slice(0, biasAt), intact.map((u) => vectors[biasAt][u]), lesioned.map((u) => vectors[biasAt][u]), ...vectors.slice(biasAt + 1),
  ];
  const next: NetworkState = {
    ...state,
    weights: split(state.weights, zeroed),
    biases: splitBiases(state.biases),
    weightMomentum: split(state.weightMomentum, zeroed),
    biasMomentum: splitBiases(state.biasMomentum),
  };
  // Feedback matrices keep their values: under feedback alignment the lesioned units still receive deltas.
  if (state.feedback) next.feedback = split(state.feedback, keepValues);
  if (state.gradientSum) next.gradientSum = { weights: split(state.gradientSum.weights, zeroed), biases: splitBiases(state.gradientSum.biases) };
  return withDamage({ ...model, layers, projections: renumbered, state: next }, record);
}
