/**
 * File → Export → hidden for a recurrent network: the hidden layer over the training sequence, each event
 * with the context its sequence gives it (RecurrentRun.layerOverSequence), the table the command line writes.
 */
import { describe, expect, it } from 'vitest';
import { temporalXor } from '../../../src-shared/data/recurrent-examples';
import { RecurrentRun } from '../../../src-shared/engine/recurrent/recurrent-run';
import { prepareModelExport } from '../../../src-renderer/files/model-export';

describe('exporting a recurrent network’s hidden states', () => {
  const base = temporalXor(30);
  const model = { ...base, patterns: base.patterns.map((p, i) => (i === 12 ? { ...p, reset: true } : p)) };
  const run = new RecurrentRun(model);
  run.advance(30 * 4);
  const trained = run.toModel();

  it('writes each event’s hidden activations with its sequence and position, as a pass over the set in order computes them', () => {
    const prepared = prepareModelExport(trained, 'hidden', undefined);
    if (!prepared.ok) throw new Error(prepared.message);
    expect(prepared.names).toEqual(['Temporal XOR (Elman 1990)-hidden.csv', 'Temporal XOR (Elman 1990)-hidden.provenance.json']);
    const lines = String(prepared.set.files[0].content).trim().split('\n');
    expect(lines[0]).toBe('event,pattern,sequence,position,hidden 1,hidden 2');
    expect(lines).toHaveLength(31);
    const expected = new RecurrentRun(trained).layerOverSequence(1);
    lines.slice(1).forEach((line, p) => {
      const cells = line.split(',');
      expect(cells.slice(0, 4)).toEqual([String(p + 1), trained.patterns[p].name, p < 12 ? '1' : '2', String(p < 12 ? p : p - 12)]);
      expect(cells.slice(4).map(Number)).toEqual(expected[p]);
    });
    // The event after the reset starts from the initial context: its hidden state is not the one a run without the mark gives.
    const unmarked = new RecurrentRun({ ...trained, patterns: base.patterns }).layerOverSequence(1);
    expect(expected[12]).not.toEqual(unmarked[12]);
  });

  it('names a layer it cannot export', () => {
    const prepared = prepareModelExport(trained, 'hidden', 0);
    expect(prepared.ok ? null : prepared.message).toMatch(/^Cannot export hidden: layer 0 cannot be exported: name a layer that is not an input layer/);
  });
});

describe('exporting a recurrent network’s outputs', () => {
  it('gives each event the output Test shows: the set run in order with its context, not the event alone', () => {
    const base = temporalXor(30);
    const run = new RecurrentRun(base);
    run.advance(30 * 5);
    const trained = run.toModel();
    const prepared = prepareModelExport(trained, 'outputs', undefined);
    if (!prepared.ok) throw new Error(prepared.message);
    const lines = String(prepared.set.files[0].content).trim().split('\n');
    expect(lines[0]).toBe('pattern,input_1,target_output_1,output_output_1,pss');
    const pass = new RecurrentRun(trained).testPass();
    lines.slice(1).forEach((line, p) => {
      const cells = line.split(',');
      expect(Number(cells[3])).toBe(pass.patterns[p].output[0]);
      expect(Number(cells[4])).toBe(pass.patterns[p].pss);
    });
  });
});
