/**
 * tlearn's weights file (.wts), read onto the network its .cf built: `NETWORK CONFIGURED BY TLEARN`,
 * `# weights after N sweeps`, `# WEIGHTS`, then for each node 1 … nodes `# TO NODE n` and its weights from
 * the bias (node 0), the inputs i1 … iN and the nodes 1 … nodes, one number per line as save_wts writes them
 * (any whitespace between them will do, as tlearn's fscanf reads them). Each weight lands in the projection
 * (or bias) that holds its connection; a copy-back's weight must be its fixed 1, and a weight where the .cf
 * declares no connection must be 0 — tlearn never changes it — or the file is refused naming its line.
 */
import { networkGraph } from '../../model/graph';
import { MAX_WEIGHT_MAGNITUDE } from '../../model/schema';
import { ImportError } from './import-error';
import { readNumber } from './numbers';
import type { TlearnNetwork } from './tlearn-cf';
import { splitLines, tokenize, quote, type Token } from './tokens';

export interface TlearnWeights {
  /** W_p per projection of the network (its own projections, or the chain's), to-units × from-units. */
  weights: number[][][];
  /** b per layer that is not an input layer, in layer order (zeros for a layer without a bias). */
  biases: number[][];
  /** The sweeps (patterns presented) the file says it was saved after. */
  sweeps: number | null;
}

interface Value {
  value: number;
  token: Token;
}

export function readTlearnWeights(text: string, network: Pick<TlearnNetwork, 'layers' | 'projections' | 'links' | 'unitNames'>, file: string): TlearnWeights {
  const fail = (at: { line: number; column: number }, reason: string): never => {
    throw new ImportError(file, at.line, at.column, reason);
  };
  const names = network.unitNames.flat();
  const inputs = names.filter((name) => name.startsWith('i')).length;
  const nodes = names.length - inputs;
  const width = 1 + inputs + nodes;
  const lines = splitLines(text);
  const firstLine = lines.findIndex((line) => line.text.trim() !== '');
  if (firstLine < 0 || lines[firstLine].text.trim().replace(/\s+/g, ' ').toUpperCase() !== 'NETWORK CONFIGURED BY TLEARN') {
    fail({ line: firstLine < 0 ? 1 : firstLine + 1, column: 1 }, 'a tlearn weights file starts with `NETWORK CONFIGURED BY TLEARN`');
  }
  let sweeps: number | null = null;
  const rows: Value[][] = [];
  let last: { line: number; column: number } = { line: firstLine + 1, column: 1 };
  for (const line of lines.slice(firstLine + 1)) {
    const trimmed = line.text.trim();
    if (trimmed.startsWith('#')) {
      const toNode = /^#\s*TO\s+NODE\s+(\S+)$/i.exec(trimmed);
      const after = /^#\s*weights\s+after\s+(\d+)\s+sweeps$/i.exec(trimmed);
      if (after) sweeps = Number(after[1]);
      if (!toNode) continue;
      const previous = rows.at(-1);
      if (previous && previous.length !== width) fail(last, `node ${rows.length} has ${previous.length} weights; each node has ${width} (the bias, ${inputs} inputs and ${nodes} nodes)`);
      if (toNode[1] !== String(rows.length + 1)) fail({ line: line.line, column: 1 }, `expected \`# TO NODE ${rows.length + 1}\`, found ${quote(trimmed)}`);
      if (rows.length === nodes) fail({ line: line.line, column: 1 }, `the .cf has ${nodes} nodes, but the weights go on to node ${rows.length + 1}`);
      rows.push([]);
      continue;
    }
    for (const token of tokenize(line)) {
      const value = readNumber(token.text);
      if (value === null) fail(token, `expected a weight (a number), found ${quote(token.text)}`);
      if (Math.abs(value!) > MAX_WEIGHT_MAGNITUDE) fail(token, `the weight ${token.text} is larger than the app holds (at most ${MAX_WEIGHT_MAGNITUDE} in size)`);
      const row = rows.at(-1);
      if (!row) fail(token, 'a weight before the first `# TO NODE 1` line');
      if (row!.length === width) fail(token, `node ${rows.length} has more than ${width} weights (the bias, ${inputs} inputs and ${nodes} nodes)`);
      row!.push({ value: value!, token });
      last = token;
    }
  }
  if (rows.length < nodes || rows.at(-1)!.length !== width) {
    fail(last, rows.length < nodes ? `the weights stop at node ${rows.length}; the .cf has ${nodes} nodes` : `node ${rows.length} has ${rows.at(-1)!.length} weights; each node has ${width}`);
  }

  // Where each unit's weights are: a node's row, a sending unit's column (inputs after the bias, nodes after the inputs).
  const rowOf = (name: string) => Number(name.slice(4)) - 1;
  const columnOf = (name: string) => (name.startsWith('i') ? Number(name.slice(1)) : inputs + Number(name.slice(4)));
  const used = rows.map((row) => row.map(() => false));
  const take = (receiver: string, column: number) => {
    used[rowOf(receiver)][column] = true;
    return rows[rowOf(receiver)][column].value;
  };
  const { layers, unitNames } = network;
  const graph = networkGraph(network);
  const weights = graph.projections.map(({ from, to }) => unitNames[to].map((receiver) => unitNames[from].map((sender) => take(receiver, columnOf(sender)))));
  const biases = graph.biased.map((g) => unitNames[g].map((receiver) => (layers[g].bias ? take(receiver, 0) : 0)));
  for (const link of network.links ?? []) {
    unitNames[link.to].forEach((context, k) => {
      const { value, token } = rows[rowOf(context)][columnOf(unitNames[link.from][k])];
      if (value !== 1) fail(token, `the copy-back weight into ${context} from ${unitNames[link.from][k]} is ${token.text}; a copy-back's weight is fixed at 1`);
      used[rowOf(context)][columnOf(unitNames[link.from][k])] = true;
    });
  }
  const senders = ['the bias (node 0)', ...Array.from({ length: inputs }, (_, i) => `i${i + 1}`), ...Array.from({ length: nodes }, (_, n) => `node ${n + 1}`)];
  rows.forEach((row, n) => row.forEach(({ value, token }, column) => {
    if (!used[n][column] && value !== 0) {
      fail(token, `the weight into node ${n + 1} from ${senders[column]} is ${token.text}, but the .cf declares no such connection; tlearn keeps it at 0`);
    }
  }));
  return { weights, biases, sweeps };
}
