/**
 * Damage to one projection as a whole, every weight of W_p (a pathway cut or weakened, rather than units):
 * a lesion sets them to 0 and freezes the projection (`learn: false`, and zeros as its own initialisation, so
 * a Reset keeps the lesion), so they stay 0 while the rest trains on; scaling multiplies them by a factor; noise adds N(0, sd²) to each, row by row, from `seed`'s noise
 * stream (engine/rng.ts), so the same seed adds the same noise. Each is appended to the model's damage record
 * (version 6), naming the projection by its layers' names.
 */
import { withDamage } from '../../model/damage';
import { chainProjections } from '../../model/graph';
import { MAX_WEIGHT_MAGNITUDE, type DamageRecord, type ModelDocument, type ProjectionSpec } from '../../model/schema';
import { RandomStream } from '../rng';
import { frozenAtZero, stateToEdit } from './lesion-units';

type Matrix = number[][];

function checkedProjection(model: ModelDocument, projection: number): ProjectionSpec {
  const projections = model.projections ?? chainProjections(model.layers.length);
  const spec = projections[projection] as ProjectionSpec | undefined;
  if (!Number.isInteger(projection) || !spec) throw new RangeError(`there is no projection ${projection}: the projections are 0 … ${projections.length - 1}`);
  if (model.links?.length) throw new RangeError('this network has copy links (a recurrent network): lesions are for feedforward networks for now');
  return spec;
}

function record(model: ModelDocument, projection: ProjectionSpec, epoch: number, damage: Pick<DamageRecord, 'kind'> & Partial<DamageRecord>): DamageRecord {
  return { ...damage, epoch, layer: model.layers[projection.from].name, to: model.layers[projection.to].name } as DamageRecord;
}

const zeroed = (matrix: Matrix) => matrix.map((row) => row.map(() => 0));

/** Projection `projection` (its index in the model's projections, or the chain's) at 0 and frozen. */
export function lesionProjection(model: ModelDocument, projection: number): ModelDocument {
  const spec = checkedProjection(model, projection);
  const state = stateToEdit(model);
  const projections = (model.projections ?? chainProjections(model.layers.length)).map((p, q) => (q === projection ? frozenAtZero(p) : { ...p }));
  state.weights[projection] = zeroed(state.weights[projection]);
  state.weightMomentum[projection] = zeroed(state.weightMomentum[projection]);
  if (state.gradientSum) state.gradientSum.weights[projection] = zeroed(state.gradientSum.weights[projection]);
  // Snapshots hold the weights before the lesion, which "continue from here" would start from, frozen: dropped.
  const { snapshots: _before, ...kept } = state;
  return withDamage({ ...model, projections, state: kept }, record(model, spec, state.epoch, { kind: 'lesion' }));
}

function perturbProjection(model: ModelDocument, projection: number, change: (weight: number) => number, damage: Pick<DamageRecord, 'kind'> & Partial<DamageRecord>): ModelDocument {
  const spec = checkedProjection(model, projection);
  const state = stateToEdit(model);
  for (const row of state.weights[projection]) {
    for (let c = 0; c < row.length; c++) {
      row[c] = change(row[c]);
      if (!(Math.abs(row[c]) <= MAX_WEIGHT_MAGNITUDE)) {
        throw new RangeError(`this would make a weight of ${model.layers[spec.from].name} → ${model.layers[spec.to].name} ${row[c]}, beyond the ±${MAX_WEIGHT_MAGNITUDE.toExponential()} a model holds`);
      }
    }
  }
  return withDamage({ ...model, state }, record(model, spec, state.epoch, damage));
}

/** Every weight of the projection multiplied by `factor`; it goes on learning. */
export function scaleProjection(model: ModelDocument, projection: number, factor: number): ModelDocument {
  if (!Number.isFinite(factor)) throw new RangeError(`the scale factor must be a finite number, not ${factor}`);
  return perturbProjection(model, projection, (w) => w * factor, { kind: 'scale', factor });
}

/** N(0, sd²) added to every weight of the projection, row by row; it goes on learning. */
export function addNoiseToProjection(model: ModelDocument, projection: number, sd: number, seed: number): ModelDocument {
  if (!(sd >= 0 && Number.isFinite(sd))) throw new RangeError(`the noise's sd must be zero or more, not ${sd}`);
  const stream = RandomStream.forSeed(seed, 'noise');
  return perturbProjection(model, projection, (w) => w + sd * stream.gaussian(), { kind: 'noise', sd, seed });
}
