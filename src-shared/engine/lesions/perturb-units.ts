/**
 * Milder damage than a lesion, to the outgoing weights of chosen units of a hidden layer, which keep
 * learning afterwards: scaled by a factor (0 silences them until they relearn), or with Gaussian noise of a
 * chosen sd added, drawn from the seed's noise stream (engine/rng.ts) so the same seed adds the same noise.
 * And the choice of a fraction of a layer's units at random, from a seed, for lesions too.
 */
import { withDamage } from '../../model/damage';
import { MAX_WEIGHT_MAGNITUDE, type DamageRecord, type ModelDocument } from '../../model/schema';
import { chainProjections } from '../../model/graph';
import { RandomStream } from '../rng';
import { checkedUnits, stateToEdit } from './lesion-units';

/** round(fraction × units) distinct units (indices from 0, ascending) of an n-unit layer, drawn from `seed`'s noise stream. */
export function unitsAtRandom(units: number, fraction: number, seed: number): number[] {
  if (!(fraction > 0 && fraction <= 1)) throw new RangeError(`the fraction of units must be above 0 and at most 1, not ${fraction}`);
  const count = Math.max(1, Math.round(fraction * units));
  const stream = RandomStream.forSeed(seed, 'noise');
  // A partial Fisher–Yates shuffle: the first `count` of a random permutation.
  const pool = Array.from({ length: units }, (_, u) => u);
  for (let i = 0; i < count; i++) {
    const j = i + stream.below(units - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count).sort((a, b) => a - b);
}

type Perturbation = { kind: 'scale'; factor: number } | { kind: 'noise'; sd: number; seed: number };

/** The units' outgoing weights changed one by one, and the change appended to the model's damage record (version 6). */
function perturbOutgoing(model: ModelDocument, layer: number, units: readonly number[], change: (weight: number) => number, perturbation: Perturbation): ModelDocument {
  const chosen = checkedUnits(model, layer, units);
  const state = stateToEdit(model);
  const projections = model.projections ?? chainProjections(model.layers.length);
  projections.forEach((p, q) => {
    if (p.from !== layer) return;
    for (const row of state.weights[q]) {
      for (const u of chosen) {
        row[u] = change(row[u]);
        if (!(Math.abs(row[u]) <= MAX_WEIGHT_MAGNITUDE)) {
          throw new RangeError(`this would make a weight out of layer "${model.layers[layer].name}" ${row[u]}, beyond the ±${MAX_WEIGHT_MAGNITUDE.toExponential()} a model holds`);
        }
      }
    }
  });
  const spec = model.layers[layer];
  const record: DamageRecord = { ...perturbation, epoch: state.epoch, layer: spec.name, layerUnits: spec.units, units: chosen };
  return withDamage({ ...model, state }, record);
}

/** The units' outgoing weights multiplied by `factor`. */
export function scaleUnits(model: ModelDocument, layer: number, units: readonly number[], factor: number): ModelDocument {
  if (!Number.isFinite(factor)) throw new RangeError(`the scale factor must be a finite number, not ${factor}`);
  return perturbOutgoing(model, layer, units, (w) => w * factor, { kind: 'scale', factor });
}

/** N(0, sd²) added to each of the units' outgoing weights, row by row of each outgoing projection in the model's order. */
export function addNoiseToUnits(model: ModelDocument, layer: number, units: readonly number[], sd: number, seed: number): ModelDocument {
  if (!(sd >= 0 && Number.isFinite(sd))) throw new RangeError(`the noise's sd must be zero or more, not ${sd}`);
  const stream = RandomStream.forSeed(seed, 'noise');
  return perturbOutgoing(model, layer, units, (w) => w + sd * stream.gaussian(), { kind: 'noise', sd, seed });
}
