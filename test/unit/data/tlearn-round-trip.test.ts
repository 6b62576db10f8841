/**
 * A model through tlearn's files and back: the .cf (every projection as its node ranges, skips included, and
 * a recurrent network's copy-back), the .data and .teach, the .wts (tlearn's save_wts layout) and the .reset
 * (the sequence starts) read back by our tlearn importer give the same network, the same weights — every
 * connection compared by tlearn's node numbers, exactly — the same patterns and sequences, and so the same outputs.
 */
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { exportModel } from '../../../src-shared/data/export';
import { exportTlearn } from '../../../src-shared/data/export/tlearn';
import { tlearnNumbering } from '../../../src-shared/data/export/tlearn-numbering';
import { readImportSet } from '../../../src-shared/data/import/file-set';
import { modelFromImport } from '../../../src-shared/data/import/model';
import { importTlearnProject } from '../../../src-shared/data/import/tlearn';
import { readTlearnWeights } from '../../../src-shared/data/import/tlearn-wts';
import { temporalXor } from '../../../src-shared/data/recurrent-examples';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import { RecurrentRun } from '../../../src-shared/engine/recurrent/recurrent-run';
import { isRecurrent } from '../../../src-shared/model/recurrence';
import { createRun } from '../../../src-shared/engine/training-run';
import { networkGraph } from '../../../src-shared/model/graph';
import { parseModel } from '../../../src-shared/model/parse';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { expectImportError } from './fixtures';

/** Every unit's tlearn name (`i2`, `node5`), layer by layer, as the exporter numbers them. */
function exportedNames(model: ModelDocument): string[][] {
  const { first } = tlearnNumbering(model);
  return model.layers.map((layer, j) => Array.from({ length: layer.units }, (_, k) => (layer.kind === 'input' ? `i${first[j] + k}` : `node${first[j] + k}`)));
}

/** The network as tlearn sees it: each unit's kind and activation, each connection with its weight, each copy-back. */
function connections(model: ModelDocument, names: string[][]): string[] {
  const graph = networkGraph(model);
  const state = model.state!;
  const lines: string[] = [];
  model.layers.forEach((layer, j) => names[j].forEach((name) => lines.push(`${name}: ${layer.kind} ${layer.activation}`)));
  graph.projections.forEach(({ from, to }, q) => names[to].forEach((receiver, r) => names[from].forEach((sender, c) => {
    lines.push(`${receiver} ← ${sender} ${state.weights[q][r][c]}`);
  })));
  graph.biased.forEach((j, k) => {
    if (model.layers[j].bias) names[j].forEach((receiver, r) => lines.push(`${receiver} ← 0 ${state.biases[k][r]}`));
  });
  for (const link of model.links ?? []) names[link.to].forEach((context, k) => lines.push(`${context} ⇐ ${names[link.from][k]}`));
  return lines.sort();
}

function roundTrip(model: ModelDocument) {
  const exported = exportTlearn(model);
  const project = importTlearnProject({
    cf: exported.cf, data: exported.data, teach: exported.teach, wts: exported.wts, ...(exported.reset ? { reset: exported.reset } : {}),
  });
  const { layers, projections, links, training } = project.network;
  const parsed = parseModel(modelFromImport({ name: model.name, imported: project, layers, projections, links, training, weights: project.weights }));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return { exported, back: parsed.model, names: project.network.unitNames };
}

function trained(model: ModelDocument, epochs: number): ModelDocument {
  const run = createRun(model);
  run.advance(Number.MAX_SAFE_INTEGER, epochs);
  return run.toModel();
}

function expectSameNetwork(model: ModelDocument) {
  const { back, names } = roundTrip(model);
  expect(connections(back, names)).toEqual(connections(model, exportedNames(model)));
  // tlearn's files name no patterns: the values and the sequence starts come back, in order.
  const values = (m: ModelDocument) => m.patterns.map((p) => ({ input: p.input, target: p.target, reset: p.reset === true }));
  expect(values(back)).toEqual(values(model));
  // A recurrent network's outputs over its sequences: the context carried from event to event, reset at each start.
  const run = (m: ModelDocument) => (isRecurrent(m) ? new RecurrentRun(m) : new GraphRun(m)).outputs();
  const outputs = run(back);
  run({ ...model, projections: [...networkGraph(model).projections] }).forEach((row, p) => row.forEach((o, k) => expect(outputs[p][k]).toBeCloseTo(o, 12)));
  return back;
}

describe('tlearn export → import', () => {
  it('gives back a trained graph network with a skip projection: the 2-1-1 XOR', () => {
    expectSameNetwork(trained(findExample('xor-2-1-1')!.build(), 200));
  });

  it('gives back a graph with two input layers: Rumelhart\'s semantic network', () => {
    expectSameNetwork(trained(findExample('rumelhart-graph')!.build(), 2));
  });

  it('gives back a chain, untrained: the .wts holds the initial weights its run starts from', () => {
    const model = findExample('xor')!.build();
    const { exported } = roundTrip(model);
    expect(exported.notes).toContain('the model is untrained: the .wts holds the initial weights its run starts from');
    expectSameNetwork({ ...model, state: createRun(model).toModel().state });
  });

  it('gives back a recurrent network with its copy-back, weights and sequences', () => {
    const base = temporalXor(30);
    const model: ModelDocument = {
      ...base,
      links: base.links!.map((link) => ({ ...link, initial: 0 })),
      recurrence: undefined,
      patterns: base.patterns.map((p, i) => (i % 10 === 0 ? { ...p, reset: true } : p)),
    };
    const done = trained(model, 3);
    const { exported, back } = roundTrip(done);
    expect(exported.reset).toBe('3\n0\n10\n20\n');
    expect(back.links).toEqual([expect.objectContaining({ kind: 'copy', delay: 1 })]);
    expect(back.patterns.flatMap((p, i) => (p.reset ? [i] : []))).toEqual([0, 10, 20]);
    expectSameNetwork(done);
  });

  it('writes tlearn\'s .wts layout: header, `# TO NODE n`, the bias, the inputs, then the nodes, copy-backs at 1', () => {
    const model = trained({ ...temporalXor(9), recurrence: undefined }, 1);
    const lines = exportTlearn(model).wts.trimEnd().split('\n');
    expect(lines.slice(0, 4)).toEqual(['NETWORK CONFIGURED BY TLEARN', '# weights after 9 sweeps', '# WEIGHTS', '# TO NODE 1']);
    // 5 nodes (context 1-2, hidden 3-4, output 5), each with 1 + 1 input + 5 node weights.
    expect(lines.length).toBe(3 + 5 * 8);
    const row = (n: number) => lines.slice(3 + (n - 1) * 8 + 1, 3 + n * 8).map(Number);
    expect(row(1)).toEqual([0, 0, 0, 0, 1, 0, 0]); // context node 1 copies node 3
    expect(row(2)).toEqual([0, 0, 0, 0, 0, 1, 0]);
    const { weights, biases } = model.state!;
    // Node 3 (hidden unit 1): its bias, its weight from i1, then from the context nodes 1-2.
    expect(row(3)).toEqual([biases[0][0], weights[0][0][0], weights[1][0][0], weights[1][0][1], 0, 0, 0]);
    // Node 5 (the output) from the hidden nodes 3-4.
    expect(row(5)).toEqual([biases[2][0], 0, 0, 0, weights[2][0][0], weights[2][0][1], 0]);
    expect(exportTlearn(model).reset).toBeUndefined(); // one continuous stream: no .reset
  });

  it('is offered by the tlearn export as five files, and read back from them as one set', () => {
    const model = trained({ ...temporalXor(12), recurrence: undefined, patterns: temporalXor(12).patterns.map((p, i) => (i === 6 ? { ...p, reset: true } : p)) }, 1);
    const files = exportModel(model, 'tlearn').files;
    expect(files.map((f) => f.extension)).toEqual(['cf', 'data', 'teach', 'wts', 'reset']);
    const step = readImportSet(files.map((f) => ({ name: `txor.${f.extension}`, text: 'text' in f ? f.text : '' })));
    expect(step.kind).toBe('read');
    if (step.kind !== 'read') return;
    expect(step.files.weights?.weights).toEqual(model.state!.weights);
    expect(step.files.imported.patterns.flatMap((p, i) => (p.reset ? [i] : []))).toEqual([6]);
  });
});

describe('tlearn .wts import refuses what does not fit the .cf, naming the line', () => {
  const model = trained(findExample('xor-2-1-1')!.build(), 5);
  const { cf, wts } = exportTlearn(model);
  const network = importTlearnProject({ cf, data: exportTlearn(model).data, teach: exportTlearn(model).teach }).network;
  const read = (text: string) => () => readTlearnWeights(text, network, 'xor.wts');
  const lines = wts.split('\n');
  const replaced = (line: number, text: string) => lines.map((l, i) => (i === line - 1 ? text : l)).join('\n');

  it('a weight where the .cf declares no connection', () => {
    // Line 8 is node 1's weight from node 1 (node 1: lines 5-8 hold the bias, i1, i2, node 1).
    expectImportError(read(replaced(8, '0.25')), { file: 'xor.wts', line: 8, column: 1 }, /weight into node 1 from node 1 is 0.25, but the .cf declares no such connection/);
  });

  it('a file that is not a tlearn weights file, a count that does not fit, a bad number', () => {
    expectImportError(read(replaced(1, 'NETWORK CONFIGURED BY LENS')), { line: 1, column: 1 }, /NETWORK CONFIGURED BY TLEARN/);
    expectImportError(read(lines.slice(0, -3).join('\n')), { line: lines.length - 3, column: 1 }, /node 2 has 3 weights; each node has 5/);
    expectImportError(read(replaced(6, 'abc')), { line: 6, column: 1 }, /expected a weight \(a number\), found `abc`/);
    expectImportError(read(replaced(4, '# TO NODE 2')), { line: 4, column: 1 }, /expected `# TO NODE 1`/);
  });

  it('a copy-back weight other than 1', () => {
    const srn = trained({ ...temporalXor(6), recurrence: undefined }, 1);
    const files = exportTlearn(srn);
    const srnNetwork = importTlearnProject({ cf: files.cf, data: files.data, teach: files.teach }).network;
    const srnLines = files.wts.split('\n');
    // Node 1 (context) from node 3: line 4 `# TO NODE 1`, then the bias, i1, node 1, node 2, node 3 → line 9.
    const changed = srnLines.map((l, i) => (i === 8 ? '0.9' : l)).join('\n');
    expectImportError(() => readTlearnWeights(changed, srnNetwork, 'txor.wts'), { line: 9, column: 1 }, /copy-back weight into node1 from node3 is 0.9; a copy-back's weight is fixed at 1/);
  });

  it('a .wts without its .cf', () => {
    expect(() => readImportSet([{ name: 'a.data', text: 'distributed\n1\n0\n' }, { name: 'a.teach', text: 'distributed\n1\n0\n' }, { name: 'a.wts', text: wts }]))
      .toThrow(/a tlearn weights file is read onto its network: give the .cf with it/);
  });
});
