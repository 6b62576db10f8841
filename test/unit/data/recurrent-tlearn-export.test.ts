/**
 * tlearn's .cf for a recurrent network: each copy link a copy-back connection (`= 1. & 1. fixed one-to-one`,
 * the context nodes linear) that our tlearn importer reads back as the same link; what tlearn cannot hold of
 * the network's time (an initial context other than 0, BPTT) said in the notes, not dropped; the reset marks
 * are the .reset file (tlearn-round-trip.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { exportTlearn } from '../../../src-shared/data/export';
import { importTlearnConfig } from '../../../src-shared/data/import/tlearn-cf';
import { temporalXor } from '../../../src-shared/data/recurrent-examples';

describe('tlearn export of a recurrent network', () => {
  it('writes the copy link as a copy-back connection into linear context nodes', () => {
    const { cf } = exportTlearn(temporalXor(6));
    expect(cf).toBe([
      'NODES:', 'nodes = 5', 'inputs = 1', 'outputs = 1', 'output node is 5',
      'CONNECTIONS:', 'groups = 0', '3-4 from i1', '3-4 from 1-2', '5 from 3-4', '3-4 from 0', '5 from 0', '1-2 from 3-4 = 1. & 1. fixed one-to-one',
      'SPECIAL:', 'linear = 1-2', 'weight_limit = 0.5', 'selected = 1-5', '',
    ].join('\n'));
  });

  it('reads back through our tlearn importer as the same network: the context layer, its projection and its link', () => {
    const model = temporalXor(6);
    const back = importTlearnConfig(exportTlearn(model).cf);
    const describe = (layers: { kind: string; units: number; activation: string }[], g: number) => `${layers[g].kind} ${layers[g].units} ${layers[g].activation}`;
    const shape = (layers: typeof model.layers, projections: { from: number; to: number }[]) => projections.map((p) => `${describe(layers, p.from)} → ${describe(layers, p.to)}`).sort();
    expect(shape(back.layers, back.projections!)).toEqual(shape(model.layers, model.projections!));
    expect(back.links!.map((link) => `${describe(back.layers, link.from)} ⇒ ${describe(back.layers, link.to)}`)).toEqual(['hidden 2 logistic ⇒ hidden 2 linear']);
  });

  it('says what tlearn cannot hold of the time: the initial context, BPTT', () => {
    const model = temporalXor(6);
    model.patterns[3] = { ...model.patterns[3], reset: true };
    const { notes } = exportTlearn(model);
    expect(notes).toContain('tlearn starts its context nodes at 0; the context\'s initial value (0.5) is not written');
    expect(notes).toContain('tlearn trains a copy-back network with the one-step gradient; backpropagation through time to depth 3 is not written');
    const plain = { ...temporalXor(6), links: temporalXor(6).links!.map((link) => ({ ...link, initial: 0 })), recurrence: undefined };
    expect(exportTlearn(plain).notes.filter((note) => /context|reset|backpropagation through time/.test(note))).toEqual([]);
  });
});
