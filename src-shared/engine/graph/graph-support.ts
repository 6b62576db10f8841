/**
 * Where graph networks run today: the engine's graph path (graph-run.ts) and the command line train them;
 * the app's views still assume a chain, so the app says so rather than show a graph as if it were one.
 */
import { networkGraph } from '../../model/graph';
import type { ModelDocument } from '../../model/schema';

export const GRAPH_NETWORKS_NOTICE =
  'This network is a graph (several input or output layers, or projections that skip layers): graph networks are shown in the app from the next version. ' +
  'Until then, train and test it with the command line (backprop-lab cli train FILE).';

/** Whether the model's network is not a plain chain, and so runs on the graph path. */
export function isGraphModel(model: Pick<ModelDocument, 'layers' | 'projections'>): boolean {
  return !networkGraph(model).isChain;
}

export const RECURRENT_NETWORKS_NOTICE =
  'This network is recurrent (a context layer holds a copy of another layer from the previous event): recurrent networks are shown in the app from a later version. ' +
  'Until then, train and test it with the command line (backprop-lab cli train FILE).';
