/**
 * The pattern editor for a graph network: a block of columns per input layer and per output layer, headed
 * by the layer's name (Item | Relation → Attributes), new patterns as wide as all of them, a pasted block
 * checked with the layer and column named, and targets checked against their own output layer's range.
 */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { columnBlocks, columnHeads, columnName, hasLayerBlocks, patternSizes } from '../../../src-renderer/patterns/pattern-columns';
import { addPattern, gridShape, pasteBlock } from '../../../src-renderer/patterns/pattern-edits';
import { patternsCsv } from '../../../src-renderer/patterns/pattern-export';
import { checkColumnChoice } from '../../../src-renderer/patterns/pattern-import';
import { targetsOutOfRange } from '../../../src-renderer/patterns/target-range';
import type { ModelDocument } from '../../../src-shared/model/schema';

const rumelhart = () => findExample('rumelhart-graph')!.build();

describe('the pattern grid of a graph network', () => {
  it('has a block of columns per input layer and per output layer, in the pattern\'s order, headed by the layer\'s name', () => {
    const model = rumelhart();
    const shape = gridShape(model, 'patterns');
    expect(shape).toEqual({ inputs: 12, targets: 26 });
    expect(hasLayerBlocks(model)).toBe(true);
    expect(columnBlocks(model, shape)).toEqual([
      { layer: 0, name: 'item', role: 'input', start: 0, width: 8 },
      { layer: 1, name: 'relation', role: 'input', start: 8, width: 4 },
      { layer: 4, name: 'attributes', role: 'target', start: 12, width: 26 },
    ]);
    const heads = columnHeads(model, shape);
    expect(heads.slice(0, 12)).toEqual([...model.layers[0].unitNames!, ...model.layers[1].unitNames!]);
    expect(columnName(model, shape, 9)).toBe(`relation ${model.layers[1].unitNames![1]}`);
    expect(columnName(model, shape, 12)).toBe(`attributes ${model.layers[4].unitNames![0]}`);
  });

  it('keeps a chain\'s grid as it was: one block each side, `in k` and `out k` heads', () => {
    const xor = findExample('xor')!.build();
    const shape = gridShape(xor, 'patterns');
    expect(hasLayerBlocks(xor)).toBe(false);
    expect(columnHeads(xor, shape)).toEqual(['in 1', 'in 2', 'out 1']);
    expect(columnName(xor, shape, 2)).toBe('out 1');
  });

  it('adds a pattern as wide as every input layer and every output layer', () => {
    const model = rumelhart();
    const added = addPattern(model, 'patterns').patterns.at(-1)!;
    expect([added.input.length, added.target.length]).toEqual([12, 26]);
  });

  it('pastes a block across the item and relation blocks, and names the layer and column of a bad cell', () => {
    const model = rumelhart();
    const row = '0\t0\t0\t0\t0\t0\t0\t1\t0\t0\t1\t0';
    const pasted = pasteBlock(model, 'patterns', 0, 1, `${row}\n`);
    if (!pasted.ok) throw new Error(pasted.reason);
    expect(pasted.model.patterns[0].input).toEqual(row.split('\t').map(Number));
    const bad = pasteBlock(model, 'patterns', 0, 1, '0\t0\t0\t0\t0\t0\t0\t1\t0\tx\t1\t0');
    expect(bad).toEqual({ ok: false, reason: `Pasted row 1, cell 10 (relation ${model.layers[1].unitNames![1]}): “x” is not a number. Nothing was pasted.` });
    const star = pasteBlock(model, 'patterns', 0, 13, '*\t1');
    if (!star.ok) throw new Error(star.reason);
    expect(star.model.patterns[0].target.slice(0, 2)).toEqual([null, 1]);
    expect(pasteBlock(model, 'patterns', 0, 3, '*\t1')).toMatchObject({ ok: false, reason: expect.stringContaining(`(item ${model.layers[0].unitNames![2]}): “*” (don’t care) is for targets only`) });
  });

  it('checks each target against its own output layer\'s range', () => {
    const base = findExample('xor-2-1-1')!.build();
    // Two output layers: a logistic one and a linear one, fed by the hidden layer.
    const model: ModelDocument = {
      ...base,
      layers: [...base.layers, { kind: 'output', name: 'readout', units: 1, activation: 'linear', bias: true }],
      projections: [...base.projections!, { from: 1, to: 3 }],
      patterns: base.patterns.map((p) => ({ ...p, target: [2, 2] })),
    };
    expect(targetsOutOfRange(model, 'patterns').map((t) => t.unit)).toEqual([0, 0, 0, 0]);
    expect(patternsCsv(model, model.patterns).split('\n')[0]).toBe('pattern,input_1,input_2,target_output_1,target_readout_1');
  });

  it('asks a CSV import for the columns of every input layer, naming them', () => {
    const sizes = patternSizes(rumelhart());
    expect(sizes).toMatchObject({ inputs: 12, outputs: 26, inputLayers: 'item and relation' });
    const preview = { header: true, columns: [{ index: 0, name: 'a', kind: 'number' as const }], rows: [] };
    const problems = checkColumnChoice(preview as never, ['input'], sizes);
    expect(problems[0]).toBe('Pick 12 input columns: the item and relation layers have 12 units (1 is picked).');
  });
});
