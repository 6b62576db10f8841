/**
 * Lesion size as an experiment factor (model/schema.ts: `{ setting: 'lesion', layer, epoch, levels }`): each
 * run trains `epoch` epochs, then round(fraction × units) units of the hidden layer `layer` (at least one; as
 * the run's condition sizes the layer), drawn from the run's seed (engine/lesions/perturb-units.ts's
 * unitsAtRandom), are lesioned as the app and `cli lesion` lesion them (engine/lesions/lesion-units.ts), and
 * the run trains on. A level of 0 lesions nothing. The run alone is this: its single-run model trained to
 * the epoch, `lesionUnits(itsModel, layer, units)`, trained on.
 */
import { lesionUnits } from '../engine/lesions/lesion-units';
import { unitsAtRandom } from '../engine/lesions/perturb-units';
import { describeLevel } from '../model/experiment';
import type { ExperimentSpec, FactorLevel, ModelDocument } from '../model/schema';

/** The lesion one run gets: the epoch after which it is done, the layer (its index) and the units (from 0). */
export interface PlannedLesion {
  epoch: number;
  layer: number;
  layerName: string;
  fraction: number;
  units: number[];
}

/**
 * The lesion of a run of the condition with `levels` and seed `seed`, or null when the condition lesions
 * nothing (level 0, or no lesion factor). `single` is the run's single-run model (the condition's layer sizes).
 */
export function plannedLesion(spec: ExperimentSpec, levels: readonly FactorLevel[], seed: number, single: Pick<ModelDocument, 'layers'>): PlannedLesion | null {
  const at = spec.factors.findIndex((f) => f.setting === 'lesion');
  const factor = spec.factors[at];
  if (!factor || factor.setting !== 'lesion') return null;
  const fraction = levels[at] as number;
  if (fraction === 0) return null;
  const layer = single.layers.findIndex((l) => l.name === factor.layer);
  if (layer < 0) throw new RangeError(`the lesion factor names layer "${factor.layer}", which the run's network does not have`);
  return { epoch: factor.epoch, layer, layerName: factor.layer, fraction, units: unitsAtRandom(single.layers[layer].units, fraction, seed) };
}

/** The run's model (its state at the lesion's epoch) with the planned units lesioned. */
export function applyPlannedLesion(model: ModelDocument, lesion: PlannedLesion): ModelDocument {
  if (model.state && model.state.epoch !== lesion.epoch) throw new Error(`the lesion is planned after epoch ${lesion.epoch}, not ${model.state.epoch}`);
  return lesionUnits(model, lesion.layer, lesion.units);
}

/** "lesions 50% of representation (units 1, 4, 5, 8) after epoch 200": for a run's description. */
export function describePlannedLesion(lesion: PlannedLesion): string {
  const units = lesion.units.map((u) => u + 1).join(', ');
  return `lesions ${describeLevel(100 * lesion.fraction)}% of ${lesion.layerName} (unit${lesion.units.length > 1 ? 's' : ''} ${units}) after epoch ${lesion.epoch}`;
}
