/** tlearn's numbering of a model's units, shared by the .cf and the .wts. */
import { networkGraph, topologicalOrder } from '../../model/graph';
import type { ModelDocument } from '../../model/schema';

/**
 * tlearn's numbers for the model's units: each layer's first unit (`first[j]`: node numbers from 1 for the
 * non-input layers, input numbers from 1 for the input layers) and how many nodes there are.
 */
export function tlearnNumbering(model: Pick<ModelDocument, 'layers' | 'projections' | 'links'>): { first: number[]; nodes: number; inputs: number } {
  const { layers } = model;
  const graph = networkGraph(model);
  // tlearn numbers its non-input units 1, 2, …, each layer after those that feed it (a chain's first hidden
  // layer first, its output layer last), and its inputs i1, i2, … in the input layers' order.
  const order = topologicalOrder(layers.length, graph.projections);
  const first: number[] = new Array<number>(layers.length).fill(0);
  let next = 1;
  for (const j of order) {
    if (layers[j].kind === 'input') continue;
    first[j] = next;
    next += layers[j].units;
  }
  let nextInput = 1;
  for (const j of graph.inputs) {
    first[j] = nextInput;
    nextInput += layers[j].units;
  }
  return { first, nodes: next - 1, inputs: nextInput - 1 };
}
