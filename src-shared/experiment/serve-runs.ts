/**
 * The worker's side of an experiment worker's conversation, the same in every host: a Web Worker (the web
 * build), a worker thread (`cli experiment run`), an Electron utility process (the desktop app) or a Node
 * child with an IPC channel (its tests). Given the experiment's model (at start, or as the first message)
 * it plans the experiment once, says `ready`, then computes each run asked for with the shared run-one, one
 * at a time. Any error becomes that run's error reply, never a dead worker.
 */
import type { ModelDocument } from '../model/schema';
import { planExperiment, type ExperimentPlan } from './plan';
import { runExperimentRun } from './run-one';
import type { RunExtras } from './run-angles';
import type { RunReply } from './worker-conversation';

/**
 * What the pool's side sends: the model once (unless the worker was started with it), with what its runs
 * record beyond the experiment's measures (run-angles.ts), then run indices.
 */
export type RunRequest = { model: ModelDocument; extras?: RunExtras } | { index: number };

/** A two-way channel to the pool, whatever carries it. */
export interface RunChannel {
  postMessage(reply: RunReply): void;
  onMessage(handler: (request: RunRequest) => void): void;
}

/** Serves runs over `channel`; `model` when the host hands it over at start (a worker thread's workerData). */
export function serveRuns(channel: RunChannel, model?: ModelDocument): void {
  let held: { model: ModelDocument; plan: ExperimentPlan; extras?: RunExtras } | null = null;
  const hold = (given: ModelDocument, extras?: RunExtras) => {
    held = { model: given, plan: planExperiment(given), extras };
    channel.postMessage({ ready: true });
  };
  channel.onMessage((request) => {
    if ('model' in request) {
      hold(request.model, request.extras);
      return;
    }
    let reply: RunReply;
    try {
      if (!held) throw new Error('the worker was asked for a run before it was given the experiment');
      reply = { index: request.index, result: runExperimentRun(held.model, held.plan, request.index, held.extras) };
    } catch (error) {
      reply = { index: request.index, error: error instanceof Error ? error.message : String(error) };
    }
    channel.postMessage(reply);
  });
  if (model) hold(model);
}
