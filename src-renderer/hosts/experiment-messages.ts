/** What the page and an experiment Web Worker say to each other (as `cli experiment run`'s threads do). */
import type { RunReply } from '../../src-shared/experiment/worker-conversation';
import type { ModelDocument } from '../../src-shared/model/schema';

export type ExperimentRequest = { model: ModelDocument } | { index: number };

/** `ready` once the worker has planned the experiment it was given; then one reply per run asked for. */
export type ExperimentReply = RunReply;
