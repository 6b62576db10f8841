/**
 * manifest.json of an experiment's results folder, the same whichever host wrote the folder: the command
 * line merging run files on disk (src-main/experiment/merge-results.ts) or the page zipping the runs it
 * keeps (src-renderer/experiment/experiment-results.ts). A reader of either sees one format.
 */
import { engineFingerprint } from './fingerprint';
import { plannedRun, type ExperimentPlan } from './plan';

export const MANIFEST_FORMAT = 'backprop-lab-experiment-results';

export interface ManifestFacts {
  /** The experiment's (the model's) name. */
  experiment: string;
  appVersion: string;
  /** When computing began and ended (ISO 8601); ended is null while runs are missing. */
  started: string | null;
  ended: string | null;
  /** Each finished run's status, by run index. */
  statuses: ReadonlyMap<number, string>;
  /** The runs that failed, with why. */
  failures: readonly { index: number; message: string }[];
  /** How many runs have neither finished nor failed. */
  missing: number;
}

/** The manifest's text: every planned run with its condition, replication, seed and status. */
export function manifestText(plan: ExperimentPlan, facts: ManifestFacts): string {
  const { statuses, failures } = facts;
  const messages = new Map(failures.map((f) => [f.index, f.message]));
  const counts: Record<string, number> = { finished: 0, 'stopped-at-criterion': 0, diverged: 0, failed: failures.length, missing: facts.missing };
  for (const status of statuses.values()) counts[status]++;
  const manifest = {
    format: MANIFEST_FORMAT,
    version: 1,
    experiment: facts.experiment,
    appVersion: facts.appVersion,
    engineFingerprint: engineFingerprint(),
    started: facts.started,
    ended: facts.ended,
    total: plan.total,
    conditions: plan.conditions.length,
    replications: plan.spec.replications,
    counts,
    runs: Array.from({ length: plan.total }, (_, index) => {
      const { condition, replication, seed } = plannedRun(plan, index);
      const status = statuses.get(index) ?? (messages.has(index) ? 'failed' : 'missing');
      return { index, condition, replication, seed, status, ...(messages.has(index) ? { message: messages.get(index) } : {}) };
    }),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
