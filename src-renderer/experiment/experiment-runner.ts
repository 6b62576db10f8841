/**
 * An experiment run from the page: the runs its stored results do not hold yet, on the shared pool of
 * Web Workers, each stored the moment it finishes. Pause stops the workers (the runs under way are redone on
 * Resume); Cancel stops them and discards the stored runs. Progress and time left come from the runs done here.
 */
import { runPool, type RunWorker } from '../../src-shared/experiment/pool';
import { planExperiment, type ExperimentPlan } from '../../src-shared/experiment/plan';
import type { FailedRun } from '../../src-shared/experiment/run-record';
import type { ModelDocument } from '../../src-shared/model/schema';
import { experimentText, type StoredRun } from './experiment-results';

export type RunnerPhase = 'idle' | 'running' | 'paused' | 'done';

/**
 * Where the runs are kept: IndexedDB in the web build (web-experiment-store.ts), a results folder through
 * main in the desktop app (electron-experiments.ts), a Map in tests.
 */
export interface ExperimentStorage {
  key(text: string): string;
  /** `text`: the experiment's experiment.json, which `key` was made from. `where`: where they are, to show. */
  load(key: string, text: string): Promise<{ runs: StoredRun[]; failed: FailedRun[]; where?: string }>;
  put(key: string, run: StoredRun): Promise<void>;
  putFailed(key: string, failed: FailedRun): Promise<void>;
  clear(key: string): Promise<void>;
  /** Every run has been handed out and stored: the storage may merge them (a results folder's tables). */
  finish?(key: string): Promise<void>;
  /** Removes every experiment's stored results (the browser's storage); absent where results are the user's files. */
  deleteAll?(): Promise<void>;
}

export interface RunnerOptions {
  storage: ExperimentStorage;
  startWorker: (model: ModelDocument) => () => RunWorker;
  jobs: number;
  now?: () => number;
  view?: RunnerView;
}

/** What a view shows of the runner; the page passes reactive state (experiment-view.svelte.ts), tests a plain object. */
export interface RunnerView {
  phase: RunnerPhase;
  /** The finished runs, in the order they finished (a new array on each, so views redraw). */
  runs: StoredRun[];
  failed: FailedRun[];
  total: number;
  /** Milliseconds left at the pace of the runs finished since Run or Resume; null until one has. */
  timeLeft: number | null;
  error: string | null;
  /** Where the shown experiment's results are kept (a folder), once known; null when the storage does not say. */
  where: string | null;
}

export function plainRunnerView(): RunnerView {
  return { phase: 'idle', runs: [], failed: [], total: 0, timeLeft: null, error: null, where: null };
}

export class ExperimentRunner {
  readonly view: RunnerView;

  private model: ModelDocument | null = null;
  private key = '';
  private controller: AbortController | null = null;
  private running: Promise<void> | null = null;
  /** The storage could not be opened for the shown experiment. */
  private unavailable = false;
  private readonly now: () => number;

  constructor(private readonly options: RunnerOptions) {
    this.now = options.now ?? (() => Date.now());
    this.view = options.view ?? plainRunnerView();
  }

  get jobs(): number {
    return this.options.jobs;
  }

  get done(): number {
    return doneCount(this.view);
  }

  /** Shows what the storage holds for this model's experiment (after opening it, or a reload). */
  async show(model: ModelDocument): Promise<void> {
    const text = experimentText(model);
    const key = this.options.storage.key(text);
    if (key === this.key && this.model && !this.unavailable) return;
    // Another experiment (its settings edited, another model opened): this one's runs stop where they are.
    if (this.view.phase === 'running') await this.pause();
    this.model = model;
    this.key = key;
    const plan = planExperiment(model);
    let stored: Awaited<ReturnType<ExperimentStorage['load']>>;
    let failure: string | null = null;
    try {
      stored = await this.options.storage.load(key, text);
    } catch (error) {
      // Nothing is shown as stored, and Run stays refused (it would fail the same way); the message says why.
      stored = { runs: [], failed: [] };
      failure = error instanceof Error ? error.message : String(error);
    }
    if (this.key !== key) return;
    this.unavailable = failure !== null;
    this.view.where = stored.where ?? null;
    this.view.total = plan.total;
    this.view.runs = stored.runs;
    this.view.failed = stored.failed.filter((f) => !stored.runs.some((r) => r.result.index === f.index));
    this.view.timeLeft = null;
    this.view.error = failure;
    this.view.phase = this.done >= plan.total ? 'done' : this.done > 0 ? 'paused' : 'idle';
  }

  private showError(error: unknown): void {
    this.view.error = error instanceof Error ? error.message : String(error);
  }

  /** Whether the storage can delete every experiment's results at once (the web build's). */
  get canDeleteAll(): boolean {
    return this.options.storage.deleteAll !== undefined;
  }

  /** Stops the runs, then deletes every experiment's stored results, this one's too. */
  async deleteAll(): Promise<void> {
    if (!this.options.storage.deleteAll) return;
    await this.pause();
    await this.options.storage.deleteAll();
    this.view.runs = [];
    this.view.failed = [];
    this.view.timeLeft = null;
    this.view.phase = 'idle';
  }

  /** Run, or Resume: the runs not yet stored. */
  start(model: ModelDocument): Promise<void> {
    if (this.running) return this.running;
    this.running = this.compute(model).finally(() => (this.running = null));
    return this.running;
  }

  async pause(): Promise<void> {
    this.controller?.abort();
    await this.running;
  }

  async cancel(): Promise<void> {
    await this.pause();
    await this.options.storage.clear(this.key);
    this.view.runs = [];
    this.view.failed = [];
    this.view.timeLeft = null;
    this.view.phase = 'idle';
  }

  private async compute(model: ModelDocument): Promise<void> {
    await this.show(model);
    if (this.unavailable) return;
    const plan: ExperimentPlan = planExperiment(model);
    const have = this.view.runs.map((run) => run.result.index).sort((a, b) => a - b);
    const indices = Array.from({ length: plan.total }, (_, i) => i).filter((i) => !sortedHas(have, i));
    const controller = (this.controller = new AbortController());
    const key = this.key;
    const began = this.now();
    let doneHere = 0;
    const pace = () => {
      doneHere++;
      const left = plan.total - this.done;
      // The pool's own pace (all workers together), so the estimate counts the parallelism it had.
      this.view.timeLeft = ((this.now() - began) / doneHere) * left;
    };
    this.view.phase = 'running';
    this.view.error = null;
    let outcome: Awaited<ReturnType<typeof runPool>> | null = null;
    try {
      outcome = await runPool({
        indices,
        jobs: this.options.jobs,
        startWorker: this.options.startWorker(model),
        signal: controller.signal,
        onFinished: async (result) => {
          const run = { result, time: this.now() };
          await this.options.storage.put(key, run);
          if (this.key !== key) return;
          this.view.runs = [...this.view.runs, run];
          this.view.failed = this.view.failed.filter((f) => f.index !== result.index);
          pace();
        },
        onFailed: async (index, message) => {
          await this.options.storage.putFailed(key, { index, message });
          if (this.key !== key) return;
          this.view.failed = [...this.view.failed, { index, message }];
          pace();
        },
      });
      if (!outcome.stopped) await this.options.storage.finish?.(key);
    } catch (error) {
      this.showError(error);
    } finally {
      this.controller = null;
      this.view.phase = this.done >= plan.total ? 'done' : this.done > 0 ? 'paused' : 'idle';
      if (this.view.phase !== 'done') this.view.timeLeft = null;
    }
  }
}

/** Whether the ascending list holds `value` (binary search: a plain Set here would be taken for reactive state). */
function sortedHas(list: readonly number[], value: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo] === value;
}

export function doneCount(view: RunnerView): number {
  return view.runs.length + view.failed.length;
}
