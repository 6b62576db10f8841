/**
 * The experiment runner as the page has it: its workers and storage are the host's (Web Workers and
 * IndexedDB in the web build, utility processes and a results folder in the desktop app).
 */
import { ExperimentRunner } from '../../experiment/experiment-runner';
import { ReactiveRunnerView } from '../../experiment/experiment-view.svelte';
import type { ExperimentHost } from '../host';

export function pageExperimentRunner(host: ExperimentHost): ExperimentRunner {
  return new ExperimentRunner({ jobs: host.jobs, view: new ReactiveRunnerView(), startWorker: host.startWorker, storage: host.storage });
}
