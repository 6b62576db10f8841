/** What `cli experiment run` and its worker threads say to each other. */
import type { RunResult } from '../../src-shared/experiment/run-one';

export interface ThreadRequest {
  index: number;
}

/** `ready` once the worker has loaded and planned the experiment; then one reply per request. */
export type ThreadReply = { ready: true } | { index: number; result: RunResult } | { index: number; error: string };
