/** What `cli experiment run` and its worker threads say to each other. */
import type { RunResult } from '../../src-shared/experiment/run-one';

export interface ThreadRequest {
  index: number;
}

export type ThreadReply = { index: number; result: RunResult } | { index: number; error: string };
