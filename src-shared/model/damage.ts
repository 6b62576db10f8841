/**
 * The model's damage record (version 6): every lesion, scaling and noise the run's units were given, with its
 * parameters and epoch, appended by the functions that do the damage (engine/lesions), so a file says what was
 * done to its network and the charts mark where. The checks a schema cannot make alone are here too.
 */
import type { ModelProblem } from './consistency';
import { MAX_DAMAGE_RECORDS, type DamageRecord, type ModelDocument } from './schema';

/** The model with `record` appended to its damage (the field placed after `state`, as the schema orders it). */
export function withDamage(model: ModelDocument, record: DamageRecord): ModelDocument {
  if ((model.damage?.length ?? 0) >= MAX_DAMAGE_RECORDS) {
    throw new RangeError(`the model already records ${MAX_DAMAGE_RECORDS.toLocaleString('en')} pieces of damage, the most a file holds`);
  }
  const damage = [...(model.damage ?? []), record];
  const { provenance, experiment, damage: _old, ...rest } = model;
  return {
    ...rest,
    damage,
    ...(provenance !== undefined ? { provenance } : {}),
    ...(experiment !== undefined ? { experiment } : {}),
  };
}

/**
 * Each record names units (with the layer's size then) or a projection (`to`), not both; its units distinct,
 * ascending and within the layer as it was. The records are in the order the damage was done, whose epochs
 * may go back (a run reset, or continued from an earlier snapshot, then damaged again), so their order is not checked.
 */
export function checkDamage(model: ModelDocument): ModelProblem[] {
  const problems: ModelProblem[] = [];
  (model.damage ?? []).forEach((record, i) => {
    const path = `damage[${i}]`;
    if (record.to !== undefined) {
      if (record.units !== undefined || record.layerUnits !== undefined) {
        problems.push({ path: `${path}.${record.units !== undefined ? 'units' : 'layerUnits'}`, message: 'must be absent: the record names a projection (its `to`), whose every weight was damaged' });
      }
      return;
    }
    if (record.units === undefined || record.layerUnits === undefined) {
      problems.push({ path: `${path}.${record.units === undefined ? 'units' : 'layerUnits'}`, message: 'is missing: a record names units (with `units` and `layerUnits`) or a projection (with `to`)' });
      return;
    }
    const { units, layerUnits } = record;
    units.forEach((unit, k) => {
      if (unit >= layerUnits) {
        problems.push({ path: `${path}.units[${k}]`, message: `is ${unit}: layer "${record.layer}" had ${layerUnits} units then, numbered from 0` });
      } else if (k > 0 && unit <= units[k - 1]) {
        problems.push({ path: `${path}.units[${k}]`, message: `is ${unit}: the units are listed once each, in ascending order` });
      }
    });
  });
  return problems;
}

/** What was damaged, in a few words: "50% of representation", "unit 3 of hidden", "representation → hidden". */
function share(record: DamageRecord): string {
  const { units, layerUnits, layer } = record;
  if (units === undefined || layerUnits === undefined) return `${layer} → ${record.to ?? '?'}`;
  if (units.length === layerUnits) return `all of ${layer}`;
  if (units.length <= 2) return `unit${units.length > 1 ? 's' : ''} ${units.map((u) => u + 1).join(', ')} of ${layer}`;
  return `${Number(((100 * units.length) / layerUnits).toFixed(1))}% of ${layer}`;
}

/**
 * A chart marker's label: "lesion 50% of representation", "scale ×0.5 50% of hidden", "noise sd 0.1 on 25% of
 * hidden", "lesion representation → hidden".
 */
export function describeDamage(record: DamageRecord): string {
  if (record.kind === 'lesion') return `lesion ${share(record)}`;
  if (record.kind === 'scale') return `scale ×${record.factor} ${share(record)}`;
  return `noise sd ${record.sd} on ${share(record)}`;
}
