/**
 * The Network tab's damage edits: choosing units (clicks, typed lists, a fraction from a seed) and each of
 * Lesion, Scale and Add noise as the engine's change — checked against the engine called directly and
 * against the weights worked out here by hand — keeping the trained state through the Workspace's rule for
 * edits that put weights in place.
 */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import { lesionUnits } from '../../../src-shared/engine/lesions/lesion-units';
import { unitsAtRandom } from '../../../src-shared/engine/lesions/perturb-units';
import { parseModelText } from '../../../src-shared/model/parse';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { serializeModel } from '../../../src-shared/model/serialize';
import { lesionProjection } from '../../../src-shared/engine/lesions/damage-projection';
import {
  damageableLayers, damageChange, damageLabel, damageProblem, formatUnitList, parseUnitList, projectionDamageChange, projectionDamageLabel, toggleUnit, unitsFromFraction,
} from '../../../src-renderer/network/lesion-edits';

const REPRESENTATION = 2;

function trained(epochs: number): ModelDocument {
  const run = new GraphRun(findExample('rumelhart-graph')!.build());
  run.advance(Number.MAX_SAFE_INTEGER, epochs);
  return run.toModel();
}

describe('choosing units to damage', () => {
  it('offers the hidden layers of a network without copy links', () => {
    expect(damageableLayers(findExample('rumelhart-graph')!.build())).toEqual({ layers: [2, 3], reason: null });
    expect(damageableLayers(findExample('temporal-xor')!.build()).layers).toEqual([]);
    expect(damageableLayers(findExample('temporal-xor')!.build()).reason).toMatch(/copy links/);
    expect(damageableLayers({ layers: [findExample('xor')!.build().layers[0], findExample('xor')!.build().layers[2]] }).reason).toMatch(/no hidden layer/);
  });

  it('a click chooses one unit, Shift-click adds or takes out', () => {
    expect(toggleUnit([], 3, false)).toEqual([3]);
    expect(toggleUnit([1, 5], 3, false)).toEqual([3]);
    expect(toggleUnit([3], 3, false)).toEqual([]);
    expect(toggleUnit([5, 1].sort(), 3, true)).toEqual([1, 3, 5]);
    expect(toggleUnit([1, 3, 5], 3, true)).toEqual([1, 5]);
  });

  it('reads typed units from 1, with ranges, and names what is wrong', () => {
    expect(parseUnitList('1, 3, 5-7', 8)).toEqual({ ok: true, units: [0, 2, 4, 5, 6] });
    expect(parseUnitList(' 8,1,1 ', 8)).toEqual({ ok: true, units: [0, 7] });
    expect(parseUnitList('2–4', 8)).toEqual({ ok: true, units: [1, 2, 3] });
    expect(parseUnitList('9', 8)).toEqual({ ok: false, message: '“9” is not among the units 1 to 8.' });
    expect(parseUnitList('0', 8)).toEqual({ ok: false, message: '“0” is not among the units 1 to 8.' });
    expect(parseUnitList('5-3', 8)).toEqual({ ok: false, message: '“5-3” is not among the units 1 to 8.' });
    expect(parseUnitList('a', 8)).toEqual({ ok: false, message: '“a” is not a unit or a range of the units 1 to 8.' });
    expect(parseUnitList(' , ', 8).ok).toBe(false);
    for (const units of [[0, 2, 4, 5, 6], [7], [0, 1], [0, 1, 2, 3, 4, 5, 6, 7], [1, 3]]) {
      const text = formatUnitList(units);
      expect(parseUnitList(text, 8)).toEqual({ ok: true, units });
    }
    expect(formatUnitList([0, 2, 4, 5, 6])).toBe('1, 3, 5–7');
    expect(formatUnitList([0, 1])).toBe('1, 2');
  });

  it('draws a fraction from the seed as the engine does, refusing a fraction outside (0, 1]', () => {
    expect(unitsFromFraction(8, 0.5, 4)).toEqual({ ok: true, units: unitsAtRandom(8, 0.5, 4) });
    expect(unitsFromFraction(8, 0, 4)).toEqual({ ok: false, message: 'The fraction must be above 0 and at most 1.' });
    expect(unitsFromFraction(8, 0.5, -1).ok).toBe(false);
  });
});

describe('damage as one edit', () => {
  it('a lesion is the engine\'s, at the weights the document holds, and the file loads with its record', () => {
    const model = trained(30);
    const units = unitsAtRandom(8, 0.5, 1);
    const lesioned = damageChange(REPRESENTATION, units, { kind: 'lesion' })(model);
    expect(lesioned).toEqual(lesionUnits(model, REPRESENTATION, units));
    expect(damageLabel(model, REPRESENTATION, units, { kind: 'lesion' })).toBe('Lesion 4 units of “representation”');
    const parsed = parseModelText(serializeModel(lesioned));
    expect(parsed.ok && parsed.model.damage).toEqual([{ kind: 'lesion', epoch: 30, layer: 'representation', layerUnits: 8, units }]);
  });

  it('scales and adds noise to exactly the chosen units\' outgoing weights', () => {
    const model = trained(10);
    const W = model.state!.weights[1]; // representation → hidden, 15 × 8
    const scaled = damageChange(REPRESENTATION, [1, 6], { kind: 'scale', factor: -0.5 })(model).state!.weights[1];
    scaled.forEach((row, r) => row.forEach((w, c) => expect(w).toBe(c === 1 || c === 6 ? -0.5 * W[r][c] : W[r][c])));
    expect(damageLabel(model, REPRESENTATION, [1, 6], { kind: 'scale', factor: -0.5 })).toBe('Scale 2 units of “representation” by -0.5');
    const request = { kind: 'noise', sd: 0.2, seed: 11 } as const;
    const a = damageChange(REPRESENTATION, [3], request)(model);
    expect(a.state).toEqual(damageChange(REPRESENTATION, [3], request)(model).state);
    expect(a.state!.weights[1].every((row, r) => row.every((w, c) => (c === 3) !== (w === W[r][c])))).toBe(true);
    expect(damageLabel(model, 3, [0], request)).toBe('Add noise (sd 0.2) to 1 unit of “hidden”');
  });

  it('says why damage cannot be done, as a sentence', () => {
    const model = trained(2);
    expect(damageProblem(model, damageChange(REPRESENTATION, [0], { kind: 'lesion' }))).toBeNull();
    expect(damageProblem(model, damageChange(0, [0], { kind: 'lesion' }))).toMatch(/^Layer 0 \(item\) is an input layer: .*\.$/);
    expect(damageProblem(model, damageChange(REPRESENTATION, [9], { kind: 'lesion' }))).toMatch(/there is no unit 10\.$/);
    expect(damageProblem(model, damageChange(REPRESENTATION, [0], { kind: 'scale', factor: 1e15 }))).toMatch(/beyond the ±1e\+12 a model holds\.$/);
    expect(damageProblem(model, projectionDamageChange(0, 3, { kind: 'lesion' }))).toBe('Item no longer projects into hidden.');
  });

  it('damages a whole projection, found by its layers in the model the change is made to', () => {
    const model = trained(10);
    const q = model.projections!.findIndex((p) => p.from === REPRESENTATION && p.to === 3);
    const lesioned = projectionDamageChange(REPRESENTATION, 3, { kind: 'lesion' })(model);
    expect(lesioned).toEqual(lesionProjection(model, q));
    expect(lesioned.state!.weights[q].flat().every((w) => w === 0)).toBe(true);
    expect(projectionDamageLabel(model, REPRESENTATION, 3, { kind: 'lesion' })).toBe('Lesion representation → hidden');
    const scaled = projectionDamageChange(REPRESENTATION, 3, { kind: 'scale', factor: 2 })(model);
    expect(scaled.state!.weights[q]).toEqual(model.state!.weights[q].map((row) => row.map((w) => 2 * w)));
    expect(projectionDamageLabel(model, 0, REPRESENTATION, { kind: 'noise', sd: 0.1, seed: 1 })).toBe('Add noise (sd 0.1) to item → representation');
  });
});
