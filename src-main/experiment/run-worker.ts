/**
 * A worker thread of `cli experiment run`: plans the experiment it is given once, then computes the runs it
 * is asked for, one at a time, and posts each result back. Any error becomes a failed run, not a dead pool.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { planExperiment } from '../../src-shared/experiment/plan';
import { runExperimentRun } from '../../src-shared/experiment/run-one';
import type { ModelDocument } from '../../src-shared/model/schema';
import type { ThreadReply, ThreadRequest } from './thread-messages';

const model = (workerData as { model: ModelDocument }).model;
const plan = planExperiment(model);

parentPort!.postMessage({ ready: true } satisfies ThreadReply);
parentPort!.on('message', (request: ThreadRequest) => {
  let reply: ThreadReply;
  try {
    reply = { index: request.index, result: runExperimentRun(model, plan, request.index) };
  } catch (error) {
    reply = { index: request.index, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
