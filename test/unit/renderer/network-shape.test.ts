/** The network's shape in words: a chain as "2-2-1", a graph as its projections read forward. */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { networkShape } from '../../../src-renderer/network/describe-network';

const shape = (id: string, named: boolean) => {
  const model = findExample(id)!.build();
  return networkShape(model.layers, model.projections, named);
};

describe('networkShape', () => {
  it('names a chain as papers do, with or without names', () => {
    expect(shape('xor', true)).toBe('2-2-1');
    expect(shape('xor', false)).toBe('2-2-1');
  });

  it('says what Rumelhart’s graph is: item → representation, which joins the relation into the hidden layer', () => {
    expect(shape('rumelhart-graph', true)).toBe('item 8 → representation 8; representation, relation 4 → hidden 15 → attributes 26');
    expect(shape('rumelhart-graph', false)).toBe('8→8; 8+4→15→26');
  });

  it('shows the 2-1-1 XOR’s direct connections', () => {
    expect(shape('xor-2-1-1', true)).toBe('input 2 → hidden 1; hidden, input → output 1');
    expect(shape('xor-2-1-1', false)).toBe('2→1; 1+2→1');
  });

  it('starts a new clause for a second layer fed by the same one, and reads a cycle as its layers in order', () => {
    const model = findExample('xor')!.build();
    const layers = [...model.layers, { ...model.layers[2], name: 'second' }];
    expect(networkShape(layers, [{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 1, to: 3 }], true)).toBe('input 2 → hidden 2 → output 1; hidden → second 1');
    expect(networkShape(model.layers, [{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 2, to: 1 }], true)).toBe('2-2-1');
  });
});
