/**
 * The Network tab's damage to a trained network, as pure functions of the document: which layers' units can
 * be damaged, the units chosen (clicked in the diagram, typed as "1, 3, 5-7", or a fraction drawn from a
 * seed), and each of Lesion, Scale and Add noise as one edit that keeps the trained state (the point is to
 * watch it relearn) — the engine's own functions (src-shared/engine/lesions), which append the damage record.
 */
import { lesionUnits } from '../../src-shared/engine/lesions/lesion-units';
import { addNoiseToUnits, scaleUnits, unitsAtRandom } from '../../src-shared/engine/lesions/perturb-units';
import { addNoiseToProjection, lesionProjection, scaleProjection } from '../../src-shared/engine/lesions/damage-projection';
import { networkGraph } from '../../src-shared/model/graph';
import type { ModelDocument } from '../../src-shared/model/schema';

/** What the user asks for: the kind of damage and its parameter. */
export type DamageRequest =
  | { kind: 'lesion' }
  | { kind: 'scale'; factor: number }
  | { kind: 'noise'; sd: number; seed: number };

/** The hidden layers whose units can be damaged (document indexes), or why none can. */
export function damageableLayers(model: Pick<ModelDocument, 'layers' | 'links'>): { layers: number[]; reason: string | null } {
  if (model.links?.length) return { layers: [], reason: 'Lesions are for networks without copy links (not recurrent ones) for now.' };
  const layers = model.layers.flatMap((layer, g) => (layer.kind === 'hidden' ? [g] : []));
  return { layers, reason: layers.length === 0 ? 'The network has no hidden layer: only a hidden layer’s units can be damaged.' : null };
}

/**
 * A click on unit `unit` (from 0): alone, it chooses that unit (or clears it when it was the one chosen);
 * with Shift (`extend`), it adds the unit to the choice or takes it out. Ascending, without repeats.
 */
export function toggleUnit(chosen: readonly number[], unit: number, extend: boolean): number[] {
  if (!extend) return chosen.length === 1 && chosen[0] === unit ? [] : [unit];
  return chosen.includes(unit) ? chosen.filter((u) => u !== unit) : [...chosen, unit].sort((a, b) => a - b);
}

/** Units as the user types them, numbered from 1 ("1, 3, 5-7"), returned from 0; or what is wrong, naming the item. */
export function parseUnitList(text: string, units: number): { ok: true; units: number[] } | { ok: false; message: string } {
  const items = text.split(',').map((item) => item.trim()).filter((item) => item !== '');
  if (items.length === 0) return { ok: false, message: 'Name at least one unit, e.g. 1, 3, 5-7.' };
  const chosen = new Set<number>();
  for (const item of items) {
    const match = /^(\d+)(?:\s*[-–]\s*(\d+))?$/.exec(item);
    const first = match ? Number(match[1]) : NaN;
    const last = match?.[2] !== undefined ? Number(match[2]) : first;
    if (!match || first < 1 || last > units || last < first) {
      return { ok: false, message: `“${item}” is not ${match ? 'among' : 'a unit or a range of'} the units 1 to ${units}.` };
    }
    for (let u = first; u <= last; u++) chosen.add(u - 1);
  }
  return { ok: true, units: [...chosen].sort((a, b) => a - b) };
}

/** The units of an n-unit layer as the user reads them, from 1: "1, 3, 5–7". */
export function formatUnitList(units: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < units.length; i++) {
    let j = i;
    while (j + 1 < units.length && units[j + 1] === units[j] + 1) j++;
    parts.push(j >= i + 2 ? `${units[i] + 1}–${units[j] + 1}` : units.slice(i, j + 1).map((u) => u + 1).join(', '));
    i = j;
  }
  return parts.join(', ');
}

/** round(fraction × units) units drawn from `seed` (the engine's draw), or what is wrong with the fraction. */
export function unitsFromFraction(units: number, fraction: number, seed: number): { ok: true; units: number[] } | { ok: false; message: string } {
  if (!(fraction > 0 && fraction <= 1)) return { ok: false, message: 'The fraction must be above 0 and at most 1.' };
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= 0xffff_ffff)) return { ok: false, message: 'The seed must be a whole number from 0 to 4294967295.' };
  return { ok: true, units: unitsAtRandom(units, fraction, seed) };
}

/** The edit's label, as Undo names it: "Lesion 4 units of “representation”". */
export function damageLabel(model: Pick<ModelDocument, 'layers'>, layer: number, units: readonly number[], request: DamageRequest): string {
  const what = `${units.length} unit${units.length === 1 ? '' : 's'} of “${model.layers[layer].name}”`;
  if (request.kind === 'lesion') return `Lesion ${what}`;
  if (request.kind === 'scale') return `Scale ${what} by ${request.factor}`;
  return `Add noise (sd ${request.sd}) to ${what}`;
}

/** The damage as a change of the document (the engine's), to be made at the weights the document holds then. */
export function damageChange(layer: number, units: readonly number[], request: DamageRequest): (model: ModelDocument) => ModelDocument {
  if (request.kind === 'lesion') return (model) => lesionUnits(model, layer, units);
  if (request.kind === 'scale') return (model) => scaleUnits(model, layer, units, request.factor);
  return (model) => addNoiseToUnits(model, layer, units, request.sd, request.seed);
}

/** The projection from layer `from` into layer `to`, as the edit's label names it: "Lesion representation → hidden". */
export function projectionDamageLabel(model: Pick<ModelDocument, 'layers'>, from: number, to: number, request: DamageRequest): string {
  const what = `${model.layers[from].name} → ${model.layers[to].name}`;
  if (request.kind === 'lesion') return `Lesion ${what}`;
  if (request.kind === 'scale') return `Scale ${what} by ${request.factor}`;
  return `Add noise (sd ${request.sd}) to ${what}`;
}

/** Damage to the projection from layer `from` into layer `to` (found in the model the change is made to), every weight of it. */
export function projectionDamageChange(from: number, to: number, request: DamageRequest): (model: ModelDocument) => ModelDocument {
  return (model) => {
    const q = networkGraph(model).projections.findIndex((p) => p.from === from && p.to === to);
    if (q < 0) throw new RangeError(`${model.layers[from]?.name ?? `layer ${from}`} no longer projects into ${model.layers[to]?.name ?? `layer ${to}`}`);
    if (request.kind === 'lesion') return lesionProjection(model, q);
    if (request.kind === 'scale') return scaleProjection(model, q, request.factor);
    return addNoiseToProjection(model, q, request.sd, request.seed);
  };
}

/** Why `change` (one of the above) cannot be made to `model` (the engine's reason, as a sentence), or null. */
export function damageProblem(model: ModelDocument, change: (model: ModelDocument) => ModelDocument): string | null {
  try {
    change(model);
    return null;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const message = error.message;
    return `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
  }
}
