/**
 * The single-file build's entry. The file is its own worker script: on the main thread it is the command
 * line; on a worker thread (an experiment's runs, started by thread-host) it is the runner's worker.
 */
import { isMainThread } from 'node:worker_threads';

if (isMainThread) void import('../main');
else void import('../../experiment/run-worker');
