/**
 * One of the web build's experiment workers (a module Web Worker): serves the runs it is asked for with the
 * shared request handler (src-shared/experiment/serve-runs.ts).
 */
import '../../zod-jitless';
import { serveRuns } from '../../../src-shared/experiment/serve-runs';
import type { ExperimentRequest } from './experiment-messages';

serveRuns({
  postMessage: (reply) => postMessage(reply),
  onMessage: (handler) => addEventListener('message', (event) => handler((event as MessageEvent<ExperimentRequest>).data)),
});
