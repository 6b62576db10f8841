/** The damage record (format version 6): what the loader refuses in it, where it sits in the file, and its chart labels. */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { checkDamage, describeDamage, withDamage } from '../../../src-shared/model/damage';
import { parseModelText } from '../../../src-shared/model/parse';
import { MAX_DAMAGE_RECORDS, type DamageRecord, type ModelDocument } from '../../../src-shared/model/schema';
import { serializeModel, withProvenance } from '../../../src-shared/model/serialize';

const lesion: DamageRecord = { kind: 'lesion', epoch: 40, layer: 'representation', layerUnits: 8, units: [0, 2, 5, 7] };

function withRecords(records: unknown[]): string {
  const model = withProvenance(findExample('rumelhart-graph')!.build(), '1.0.0', new Date(0), false);
  return serializeModel({ ...model, damage: records as DamageRecord[] });
}

describe('the damage record', () => {
  it('is appended after the state (the schema\'s order), so a saved file loads and saves to the same bytes', () => {
    const model = withProvenance(findExample('rumelhart-graph')!.build(), '1.0.0', new Date(0), false) as ModelDocument;
    const once = withDamage(model, lesion);
    const twice = withDamage(once, { kind: 'noise', epoch: 60, layer: 'hidden', layerUnits: 15, units: [3], sd: 0.2, seed: 9 });
    expect(Object.keys(twice).slice(-3)).toEqual(['state', 'damage', 'provenance']);
    expect(twice.damage).toHaveLength(2);
    const text = serializeModel(twice);
    const loaded = parseModelText(text);
    expect(loaded.ok && loaded.model.damage).toEqual(twice.damage);
    expect(loaded.ok && serializeModel(loaded.model)).toBe(text);
    // Never more than a file holds: the edit is refused, saying why, rather than a save.
    const full = { ...model, damage: Array.from({ length: MAX_DAMAGE_RECORDS }, () => lesion) };
    expect(parseModelText(serializeModel(full)).ok).toBe(true);
    expect(() => withDamage(full, lesion)).toThrow(/already records 1,000 pieces of damage, the most a file holds/);
  });

  it('refuses records that contradict themselves, naming the field', () => {
    const problems = (records: unknown[]) => {
      const parsed = parseModelText(withRecords(records));
      return parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`);
    };
    expect(problems([lesion])).toEqual([]);
    expect(problems([{ ...lesion, units: [0, 8] }])).toEqual(['damage[0].units[1]: is 8: layer "representation" had 8 units then, numbered from 0']);
    expect(problems([{ ...lesion, units: [3, 1] }])).toEqual(['damage[0].units[1]: is 1: the units are listed once each, in ascending order']);
    // In the order done: a run reset or continued from an earlier snapshot, then damaged again, goes back in epochs.
    expect(problems([lesion, { ...lesion, epoch: 10 }])).toEqual([]);
    expect(problems([{ ...lesion, kind: 'scale' }])[0]).toMatch(/^damage\[0\]\.factor: is missing/);
    expect(problems([{ ...lesion, kind: 'noise', sd: 0.1 }])[0]).toMatch(/^damage\[0\]\.seed: is missing/);
    expect(problems([{ ...lesion, factor: 2 }])[0]).toMatch(/^damage\[0\]: Unrecognized key: "factor"/);
    expect(problems([{ ...lesion, units: [] }])[0]).toMatch(/^damage\[0\]\.units: /);
    expect(checkDamage({ ...findExample('xor')!.build(), damage: [lesion] })).toEqual([]);
    // A projection's record names its two layers, and no units.
    expect(problems([{ kind: 'lesion', epoch: 3, layer: 'representation', to: 'hidden' }])).toEqual([]);
    expect(problems([{ ...lesion, to: 'hidden' }])).toEqual(['damage[0].units: must be absent: the record names a projection (its `to`), whose every weight was damaged']);
    expect(problems([{ kind: 'lesion', epoch: 3, layer: 'representation', units: [1] }])).toEqual(['damage[0].layerUnits: is missing: a record names units (with `units` and `layerUnits`) or a projection (with `to`)']);
  });

  it('labels each record as the chart marks it', () => {
    expect(describeDamage({ ...lesion, units: [0, 2, 5, 7] })).toBe('lesion 50% of representation');
    expect(describeDamage({ ...lesion, units: [0, 1, 2, 3, 4, 5, 6, 7] })).toBe('lesion all of representation');
    expect(describeDamage({ ...lesion, units: [2] })).toBe('lesion unit 3 of representation');
    expect(describeDamage({ ...lesion, kind: 'scale', factor: 0.5, units: [0, 1, 2] } as DamageRecord)).toBe('scale ×0.5 37.5% of representation');
    expect(describeDamage({ ...lesion, kind: 'noise', sd: 0.1, seed: 1, units: [1, 4] } as DamageRecord)).toBe('noise sd 0.1 on units 2, 5 of representation');
    expect(describeDamage({ kind: 'scale', epoch: 1, layer: 'item', to: 'representation', factor: 2 })).toBe('scale ×2 item → representation');
  });
});
