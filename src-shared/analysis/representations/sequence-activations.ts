/**
 * A recurrent network's activations over its training sequence at given weights (a live run's, or a
 * snapshot's), for the representation views: each event presented in the set's order with the context its
 * sequence gives it — the initial value at the first event and at every reset mark, else the copy of the
 * linked layer from the event before (docs/science.md, "Simple recurrent networks"). Elman (1990) analysed
 * such hidden states averaged over each input (each word): meanByGroup gives those averages.
 */
import { GraphNetwork } from '../../engine/graph/graph-network';
import type { ModelDocument, Pattern } from '../../model/schema';

/** activations[event][layer][unit]; `weights` per projection (W_p out × in, the model's order), `biases` per non-input layer. */
export function sequenceActivationsAt(
  model: Pick<ModelDocument, 'layers' | 'projections' | 'links' | 'patterns'>,
  weights: readonly (readonly (readonly number[])[])[],
  biases: readonly (readonly number[])[],
): number[][][] {
  const network = new GraphNetwork(model);
  weights.forEach((matrix, q) => network.weights[q].set(matrix.flat()));
  biases.forEach((vector, k) => network.biases[k].set(vector));
  const links = model.links ?? [];
  const context = links.map((link) => new Float64Array(model.layers[link.to].units));
  return model.patterns.map((pattern, p) => {
    links.forEach((link, i) => {
      if (p === 0 || pattern.reset) context[i].fill(link.initial ?? 0);
      network.act[link.to].set(context[i]);
      network.net[link.to].set(context[i]);
    });
    network.forward(pattern.input);
    links.forEach((link, i) => context[i].set(network.act[link.from]));
    return network.act.map((layer) => Array.from(layer));
  });
}

/** Layer `layer`'s mean activation over each group's events (one row per group). */
export function meanByGroup(all: readonly (readonly (readonly number[])[])[], groups: readonly { patterns: readonly number[] }[], layer: number): number[][] {
  return groups.map((group) => {
    const sum = new Array<number>(all[group.patterns[0]][layer].length).fill(0);
    for (const p of group.patterns) all[p][layer].forEach((value, k) => (sum[k] += value));
    return sum.map((value) => value / group.patterns.length);
  });
}

/**
 * A name for the events that share an input: what their names begin with ("a" for "a→b", "a→d"; the
 * letter Elman's figures label), or else the input itself ("input 1, 0").
 */
export function sharedInputLabel(patterns: readonly Pick<Pattern, 'name' | 'input'>[], members: readonly number[]): string {
  const names = members.map((p) => patterns[p].name);
  let prefix = names[0] ?? '';
  for (const name of names) while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const trimmed = prefix.replace(/[^\p{L}\p{N}]+$/u, '');
  // A whole word of every name ("1" is not shared by "1 (…)" and "10 (…)").
  const whole = names.every((name) => name.length === trimmed.length || !/[\p{L}\p{N}]/u.test(name[trimmed.length]));
  return trimmed !== '' && whole ? trimmed : `input ${patterns[members[0]].input.join(', ')}`;
}
