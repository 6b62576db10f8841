/**
 * How an experiment's runs are cut into the tasks of a SLURM job array: task t runs indices
 * t·K … min(t·K + K − 1, M − 1), so that a large experiment stays under a cluster's MaxArraySize.
 */

/** SLURM's default MaxArraySize is 1001: array indices 0…1000. */
export const commonMaxArrayIndex = 1000;

export interface TaskLayout {
  totalRuns: number;
  runsPerTask: number;
}

export function taskCount({ totalRuns, runsPerTask }: TaskLayout): number {
  return Math.ceil(totalRuns / runsPerTask);
}

/** The fewest runs per task that keep the array within the common MaxArraySize. */
export function defaultRunsPerTask(totalRuns: number): number {
  return Math.max(1, Math.ceil(totalRuns / (commonMaxArrayIndex + 1)));
}

export function runsOfTask(task: number, { totalRuns, runsPerTask }: TaskLayout): { first: number; last: number } {
  const first = task * runsPerTask;
  return { first, last: Math.min(first + runsPerTask - 1, totalRuns - 1) };
}

export function taskOfRun(run: number, { runsPerTask }: TaskLayout): number {
  return Math.floor(run / runsPerTask);
}

/** The tasks that hold any of these runs, as SLURM writes an array: "3,7-9,12". */
export function arraySpec(tasks: Iterable<number>): string {
  const sorted = [...new Set(tasks)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j === i ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

export function tasksOfRuns(runs: Iterable<number>, layout: TaskLayout): number[] {
  return [...new Set([...runs].map((run) => taskOfRun(run, layout)))].sort((a, b) => a - b);
}
