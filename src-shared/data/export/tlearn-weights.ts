/**
 * tlearn's weights file (.wts) and reset file (.reset) for a model.
 *
 * The .wts, as tlearn's save_wts writes it: `NETWORK CONFIGURED BY TLEARN`, `# weights after N sweeps`,
 * `# WEIGHTS`, then for each node 1 … nodes a line `# TO NODE n` and one weight per line from every unit in
 * tlearn's order — the bias (node 0), the inputs i1 … iN, the nodes 1 … nodes — 0 where no connection is.
 * A copy-back connection's weight is its fixed 1. The weights are written with every digit a float64 has
 * (tlearn reads them into floats), so the app reads back exactly the weights it wrote.
 *
 * The .reset, as tlearn reads it: the number of resets, then the patterns (numbered from 0) at which the
 * context nodes are reset — the patterns that start a sequence.
 */
import { createRun } from '../../engine/training-run';
import { networkGraph } from '../../model/graph';
import type { ModelDocument, Pattern } from '../../model/schema';
import { tlearnNumbering } from './tlearn-numbering';

export function tlearnWeights(model: ModelDocument): string {
  const { layers } = model;
  const graph = networkGraph(model);
  const { first, nodes, inputs } = tlearnNumbering(model);
  // An untrained model's weights are those its run starts from (drawn from its seed).
  const state = model.state ?? createRun(model).toModel().state!;
  const width = 1 + inputs + nodes;
  const rows = Array.from({ length: nodes }, () => new Array<number>(width).fill(0));
  // Column of a layer's unit k: inputs after the bias, nodes after the inputs.
  const column = (j: number, k: number) => (layers[j].kind === 'input' ? first[j] + k : inputs + first[j] + k);
  graph.projections.forEach(({ from, to }, q) => {
    state.weights[q].forEach((row, r) => row.forEach((w, c) => {
      rows[first[to] + r - 1][column(from, c)] = w;
    }));
  });
  graph.biased.forEach((j, k) => {
    if (layers[j].bias) state.biases[k].forEach((b, r) => { rows[first[j] + r - 1][0] = b; });
  });
  for (const link of model.links ?? []) {
    for (let k = 0; k < layers[link.to].units; k++) rows[first[link.to] + k - 1][column(link.from, k)] = 1;
  }
  const sweeps = state.epoch * model.patterns.length + (state.cursor?.position ?? 0);
  const lines = ['NETWORK CONFIGURED BY TLEARN', `# weights after ${sweeps} sweeps`, '# WEIGHTS'];
  rows.forEach((row, n) => {
    lines.push(`# TO NODE ${n + 1}`);
    // `-0` reads as 0; tlearn's %f reads the exponent form of very small or large weights.
    for (const w of row) lines.push(Object.is(w, -0) ? '0' : String(w));
  });
  return `${lines.join('\n')}\n`;
}

/** The .reset file of patterns in sequences: null when no pattern starts one (one continuous stream). */
export function tlearnReset(patterns: readonly Pattern[]): string | null {
  const starts = patterns.flatMap((p, i) => (p.reset ? [i] : []));
  if (starts.length === 0) return null;
  return `${[String(starts.length), ...starts.map(String)].join('\n')}\n`;
}
