import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { checkConsistency } from '../../../src-shared/model/consistency';
import {
  changeLayer,
  insertLayer,
  moveLayer,
  newLayer,
  readUnitNames,
  removeLayer,
  resizePatterns,
} from '../../../src-renderer/network/layer-edits';

const xor = () => findExample('xor')!.build();

describe('the builder’s edits of the layer list', () => {
  it('inserts a hidden layer with a fresh name, anywhere', () => {
    const model = xor();
    const layer = newLayer(model.layers, 'hidden', 'tanh');
    expect(layer).toEqual({ kind: 'hidden', name: 'hidden 2', units: 2, activation: 'tanh', bias: true });
    const inserted = insertLayer(model, 2, layer);
    expect(inserted.layers.map((l) => l.name)).toEqual(['input', 'hidden', 'hidden 2', 'output']);
    expect(checkConsistency(inserted)).toEqual([]);
    expect(model.layers).toHaveLength(3);
  });

  it('moves and removes layers; the validator names a layer in the wrong place', () => {
    const model = insertLayer(xor(), 2, newLayer(xor().layers, 'hidden', 'relu'));
    const moved = moveLayer(model, 2, 1);
    expect(moved.layers.map((l) => l.name)).toEqual(['input', 'hidden 2', 'hidden', 'output']);
    expect(removeLayer(moved, 1).layers.map((l) => l.name)).toEqual(['input', 'hidden', 'output']);
    const misplaced = moveLayer(model, 3, 1);
    expect(checkConsistency(misplaced).map((p) => p.path)).toContain('layers[1].kind');
  });

  it('changes one layer and removes unit names cleanly', () => {
    const named = changeLayer(xor(), 0, { unitNames: ['a', 'b'] });
    expect(named.layers[0].unitNames).toEqual(['a', 'b']);
    const unnamed = changeLayer(named, 0, { unitNames: undefined });
    expect('unitNames' in unnamed.layers[0]).toBe(false);
  });

  it('makes the patterns follow a new input or output size', () => {
    const wider = changeLayer(xor(), 0, { units: 3 });
    expect(checkConsistency(wider).map((p) => p.path)).toContain('patterns[0].input');
    const fitted = resizePatterns(wider, 'input', 3);
    expect(fitted.patterns.map((p) => p.input)).toEqual([[0, 0, 0], [0, 1, 0], [1, 0, 0], [1, 1, 0]]);
    expect(checkConsistency(fitted)).toEqual([]);
    expect(resizePatterns(fitted, 'input', 1).patterns.map((p) => p.input)).toEqual([[0], [0], [1], [1]]);
  });

  it('reads unit names typed on one line', () => {
    expect(readUnitNames(' canary, salmon ,oak')).toEqual(['canary', 'salmon', 'oak']);
    expect(readUnitNames('  ')).toBeUndefined();
  });
});
