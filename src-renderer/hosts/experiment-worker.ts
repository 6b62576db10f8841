/**
 * One of the web build's experiment workers (a module Web Worker): given the experiment's model once, it
 * computes the runs it is asked for with the shared run-one, one at a time. Any error becomes a failed run.
 */
import '../zod-jitless';
import { planExperiment, type ExperimentPlan } from '../../src-shared/experiment/plan';
import { runExperimentRun } from '../../src-shared/experiment/run-one';
import type { ModelDocument } from '../../src-shared/model/schema';
import type { ExperimentReply, ExperimentRequest } from './experiment-messages';

let held: { model: ModelDocument; plan: ExperimentPlan } | null = null;

addEventListener('message', (event) => {
  const request = (event as MessageEvent<ExperimentRequest>).data;
  if ('model' in request) {
    held = { model: request.model, plan: planExperiment(request.model) };
    postMessage({ ready: true } satisfies ExperimentReply);
    return;
  }
  let reply: ExperimentReply;
  try {
    if (!held) throw new Error('the worker was asked for a run before it was given the experiment');
    reply = { index: request.index, result: runExperimentRun(held.model, held.plan, request.index) };
  } catch (error) {
    reply = { index: request.index, error: error instanceof Error ? error.message : String(error) };
  }
  postMessage(reply);
});
