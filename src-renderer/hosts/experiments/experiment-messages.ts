/** What the page and an experiment worker (a Web Worker, or a utility process's port) say to each other. */
import type { RunRequest } from '../../../src-shared/experiment/serve-runs';
import type { RunReply } from '../../../src-shared/experiment/worker-conversation';

export type ExperimentRequest = RunRequest;

/** `ready` once the worker has planned the experiment it was given; then one reply per run asked for. */
export type ExperimentReply = RunReply;
