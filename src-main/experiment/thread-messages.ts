/** What `cli experiment run` and its worker threads say to each other. */
import type { RunReply } from '../../src-shared/experiment/worker-conversation';

export interface ThreadRequest {
  index: number;
}

/** `ready` once the worker has loaded and planned the experiment; then one reply per request. */
export type ThreadReply = RunReply;
