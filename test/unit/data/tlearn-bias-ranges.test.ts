/**
 * Issue 13, point 5: biases from node 0 per range. A .cf that biases only some nodes of what would be one
 * layer (`1-2 from 0` beside `1-4 from i1-i3`) imports with the biased and the unbiased nodes as layers of
 * their own, the unbiased ones with `bias: false`; the imported network computes what tlearn's connections
 * say (weights set by hand, tlearn's forward sweep computed here node by node).
 */
import { describe, expect, it } from 'vitest';
import { modelFromImport } from '../../../src-shared/data/import/model';
import { importTlearnConfig } from '../../../src-shared/data/import/tlearn-cf';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import { createRun } from '../../../src-shared/engine/training-run';
import { networkGraph } from '../../../src-shared/model/graph';
import { parseModel } from '../../../src-shared/model/parse';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { expectImportError, fixture } from './fixtures';

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * tlearn's sweep: z[0] = 1 (the bias), then the inputs, then nodes 1 … nn in order, each the logistic (or
 * linear) of Σ w · z over the units it is connected from. `weights[n]` maps a source ('0', 'i1', '3') to its weight.
 */
function tlearnSweep(weights: Record<number, Record<string, number>>, input: number[], nodes: number, linear = new Set<number>()): number[] {
  const z = new Map<string, number>([['0', 1]]);
  input.forEach((v, i) => z.set(`i${i + 1}`, v));
  for (let n = 1; n <= nodes; n++) {
    let net = 0;
    for (const [from, w] of Object.entries(weights[n] ?? {})) net += w * z.get(from)!;
    z.set(String(n), linear.has(n) ? net : logistic(net));
  }
  return Array.from({ length: nodes }, (_, k) => z.get(String(k + 1))!);
}

/** The model with weights and biases taken from the per-node map, through the unit names the import gave. */
function withWeights(model: ModelDocument, names: string[][], weights: Record<number, Record<string, number>>): ModelDocument {
  const state = createRun(model).toModel().state!;
  const graph = networkGraph(model);
  const node = (name: string) => Number(name.replace('node', ''));
  const source = (name: string) => (name.startsWith('node') ? name.slice(4) : name);
  state.weights = graph.projections.map(({ from, to }) => names[to].map((receiver) => names[from].map((sender) => {
    const w = weights[node(receiver)]?.[source(sender)];
    if (w === undefined) throw new Error(`no weight to ${receiver} from ${sender}`);
    return w;
  })));
  state.biases = graph.biased.map((g) => names[g].map((receiver) => (model.layers[g].bias ? weights[node(receiver)]['0'] : 0)));
  return { ...model, state };
}

function imported(cf: string, inputs: number[][], outputs: number) {
  const network = importTlearnConfig(cf, { file: 'net.cf' });
  const patterns = inputs.map((input, p) => ({ name: `p${p + 1}`, input, target: new Array<number>(outputs).fill(0) }));
  const parsed = parseModel(modelFromImport({
    name: 'net', imported: { patterns, warnings: [] }, layers: network.layers, projections: network.projections, links: network.links, training: network.training,
  }));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return { network, model: parsed.model };
}

describe('tlearn biases from node 0 for some ranges only', () => {
  const cf = fixture('tlearn/biased-ranges.cf');
  const inputs = [[0, 0, 0], [1, 0, 1], [0.5, -1, 2], [1, 1, 1]];

  it('groups the biased and the unbiased nodes into layers of their own', () => {
    const { network } = imported(cf, inputs, 2);
    expect(network.layers.map((l) => [l.kind, l.name, l.units, l.bias])).toEqual([
      ['input', 'input', 3, false],
      ['hidden', 'hidden 1', 2, true],
      ['hidden', 'hidden 2', 2, false],
      ['output', 'output 1', 1, true],
      ['output', 'output 2', 1, false],
    ]);
    expect(network.unitNames).toEqual([['i1', 'i2', 'i3'], ['node1', 'node2'], ['node3', 'node4'], ['node5'], ['node6']]);
    expect(network.projections).toEqual([
      { from: 0, to: 1 }, { from: 0, to: 2 }, { from: 1, to: 3 }, { from: 2, to: 3 }, { from: 1, to: 4 }, { from: 2, to: 4 },
    ]);
  });

  it('computes what tlearn computes with the same weights', () => {
    const { model, network } = imported(cf, inputs, 2);
    // Every declared connection gets a weight of its own; undeclared ones (node 0 into 3, 4 and 6) have none.
    const weights: Record<number, Record<string, number>> = {};
    let k = 0;
    const next = () => Math.sin(++k * 1.7) * 1.5;
    for (const n of [1, 2, 3, 4]) weights[n] = { i1: next(), i2: next(), i3: next() };
    for (const n of [5, 6]) weights[n] = { 1: next(), 2: next(), 3: next(), 4: next() };
    weights[1]['0'] = next();
    weights[2]['0'] = next();
    weights[5]['0'] = next();
    const outputs = new GraphRun(withWeights(model, network.unitNames, weights)).outputs();
    inputs.forEach((input, p) => {
      const z = tlearnSweep(weights, input, 6);
      expect(outputs[p][0]).toBeCloseTo(z[4], 12);
      expect(outputs[p][1]).toBeCloseTo(z[5], 12);
    });
    // The bias matters: dropping node 5's changes its output, node 6's has none to drop.
    const unbiased = new GraphRun(withWeights(model, network.unitNames, { ...weights, 5: { ...weights[5], 0: 0 } })).outputs();
    expect(Math.abs(unbiased[1][0] - outputs[1][0])).toBeGreaterThan(1e-3);
    expect(unbiased[1][1]).toBe(outputs[1][1]);
  });

  it('refuses, naming the line, what still cannot be built', () => {
    // Output nodes 5 and 7 biased, 6 not: the .teach columns would interleave two layers.
    const three = cf.replace('nodes = 6', 'nodes = 7').replace('outputs = 2', 'outputs = 3').replace('output nodes are 5-6', 'output nodes are 5-7')
      .replace('5-6 from 1-4', '5-7 from 1-4').replace('5 from 0', '5,7 from 0').replace('selected = 1-6', 'selected = 1-7');
    expectImportError(() => importTlearnConfig(three, { file: 'net.cf' }), { line: 5, column: 1 }, /output node 7 is fed \(and biased\) as node 5 is, but other output nodes come between them/);
    // A copy-back copies one whole layer: hidden nodes 1-3 split by their bias are two layers.
    const srn = fixture('tlearn/srn.cf').replace('1-7 from 0', '1-2,4-7 from 0');
    expectImportError(() => importTlearnConfig(srn, { file: 'srn.cf' }), { line: 11, column: 1 }, /copied nodes 1, 2, 3 are not one whole layer/);
  });

  it('biases a recurrent network\'s hidden layer and not its output (a copy-back network as the manual writes it)', () => {
    const srn = fixture('tlearn/srn.cf').replace('1-7 from 0', '1-3 from 0');
    const network = importTlearnConfig(srn, { file: 'srn.cf' });
    expect(network.layers.map((l) => [l.kind, l.name, l.bias])).toEqual([
      ['input', 'input', false], ['hidden', 'context', false], ['hidden', 'hidden', true], ['output', 'output', false],
    ]);
  });
});
