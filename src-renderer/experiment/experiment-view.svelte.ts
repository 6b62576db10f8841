/** The runner's view as reactive state, for the Experiment tab (experiment-runner.ts stays plain TypeScript). */
import type { FailedRun } from '../../src-shared/experiment/run-record';
import type { StoredRun } from './experiment-results';
import type { RunnerPhase, RunnerView } from './experiment-runner';

export class ReactiveRunnerView implements RunnerView {
  phase = $state<RunnerPhase>('idle');
  // Raw: each change is a new array, and hundreds of run results need no deep proxies.
  runs = $state.raw<StoredRun[]>([]);
  failed = $state.raw<FailedRun[]>([]);
  total = $state(0);
  timeLeft = $state<number | null>(null);
  error = $state<string | null>(null);
  where = $state<string | null>(null);
}
