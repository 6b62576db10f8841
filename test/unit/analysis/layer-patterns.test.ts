import { describe, expect, it } from 'vitest';
import { groupByInputs, layerRepresentation } from '../../../src-shared/analysis/representations/layer-patterns';
import { patternActivations } from '../../../src-shared/data/export/activations';
import { findExample } from '../../../src-shared/data/examples';
import { eightLivingThings } from '../../../src-shared/data/semantic-items';

describe('patterns grouped by the inputs a layer depends on', () => {
  it('shows one point per item for a layer fed by the item units alone', () => {
    const { patterns, itemNames } = eightLivingThings();
    const groups = groupByInputs(patterns, [0, 1, 2, 3, 4, 5, 6, 7]);
    expect(groups.map((g) => g.label)).toEqual(itemNames);
    expect(groups[1].patterns).toEqual([4, 5, 6, 7]); // oak isa, is, can, has
  });

  it('keeps every pattern apart when the layer sees the whole input', () => {
    const { patterns } = eightLivingThings();
    const groups = groupByInputs(patterns, Array.from({ length: 12 }, (_, i) => i));
    expect(groups).toHaveLength(32);
    expect(groups[5]).toEqual({ label: 'oak is', patterns: [5] });
    expect(groupByInputs([{ name: 'a', input: [1], target: [0] }, { name: 'b', input: [1], target: [1] }], [0])[0].label).toBe('a, b');
  });

  it('reads a layer of a chain model at its current weights, refusing a layer it does not have', () => {
    const model = findExample('semantic')!.build();
    const representation = layerRepresentation(model, 1);
    const direct = patternActivations(model);
    expect(representation.groups.map((g) => g.label)).toEqual(['canary', 'salmon', 'oak', 'rose']);
    expect(representation.activations).toEqual(direct.map((layers) => layers[1]));
    expect(() => layerRepresentation(model, 3)).toThrow(/there is no layer 3: the layers are 0 … 2 \(items, hidden, attributes\)/);
  });
});
