/**
 * What the command line cannot do yet with a graph network (several input or output layers, skips): its
 * exporters, weight import and experiments assume a chain, so they refuse a graph by name rather than write
 * a chain's reading of it. `train` and `test` run graphs now.
 */
import { isGraphModel } from '../../src-shared/engine/graph/graph-support';
import type { ModelDocument } from '../../src-shared/model/schema';
import { CliError } from './cli-error';

export function refuseGraph(model: ModelDocument, what: string): void {
  if (isGraphModel(model)) {
    throw new CliError(`${model.name || 'this model'} is a graph network (several input or output layers, or projections that skip layers): ${what} graph networks comes with the next version; train and test work now`);
  }
}
