/**
 * Which path a network runs on: the chain engine (simulation.ts, with its fast paths) for a plain chain,
 * the graph path (graph-run.ts) for every other network; createRun (../training-run.ts) picks.
 */
import { networkGraph } from '../../model/graph';
import type { ModelDocument } from '../../model/schema';

/** What the chain engine says when given a graph: it runs on the graph path (createRun), not on Simulation. */
export const GRAPH_NETWORKS_NOTICE =
  'This network is a graph (several input or output layers, or projections that skip layers): it runs on the graph path (createRun in engine/training-run.ts), not on the chain engine.';

/** Whether the model's network is not a plain chain, and so runs on the graph path. */
export function isGraphModel(model: Pick<ModelDocument, 'layers' | 'projections'>): boolean {
  return !networkGraph(model).isChain;
}

/** What GraphRun says when given a recurrent network: createRun builds it a RecurrentRun, which the app and the command line both use. */
export const RECURRENT_NETWORKS_NOTICE =
  'This network is recurrent (a context layer holds a copy of another layer from the previous event): it runs on the recurrent path (createRun in engine/training-run.ts builds a RecurrentRun), not on GraphRun alone.';
