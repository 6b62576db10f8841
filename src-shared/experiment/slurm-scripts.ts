/**
 * The text of a SLURM bundle's scripts and README: an array job whose every task checks the engine's
 * fingerprint and runs its share of the experiment, and a collect job that runs after the array whatever
 * became of it (afterany), so a failed task never leaves it waiting.
 */
import { commonMaxArrayIndex, taskCount, type TaskLayout } from './slurm-tasks';

export interface SlurmBundleSettings {
  /** The experiment's name, as the jobs are called in squeue. */
  jobName: string;
  /** The model file's name inside the bundle. */
  modelFile: string;
  layout: TaskLayout;
  /** At most this many tasks run at once (the %T of --array). */
  throttle: number;
  partition?: string;
  time?: string;
  account?: string;
}

export const bundleFiles = {
  cli: 'backprop-lab.cjs',
  standalone: 'backprop-lab-linux-x64',
  fingerprint: 'engine-fingerprint.txt',
  settings: 'bundle.json',
  results: 'results',
  logs: 'logs',
  run: 'run.sbatch',
  collect: 'collect.sbatch',
  submit: 'submit.sh',
  readme: 'README.md',
} as const;

/** Only what needs no quoting reaches a script: SLURM's names and times are made of these. */
export const slurmNamePattern = /^[A-Za-z0-9_.+-]{1,64}$/;
export const slurmTimePattern = /^(\d+-)?\d{1,2}(:\d{2}){0,2}$|^\d+$/;

export function jobName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_.+-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return `bplab-${cleaned || 'experiment'}`;
}

function directives(settings: SlurmBundleSettings): string[] {
  return [
    ...(settings.partition ? [`#SBATCH --partition=${settings.partition}`] : []),
    ...(settings.account ? [`#SBATCH --account=${settings.account}`] : []),
    ...(settings.time ? [`#SBATCH --time=${settings.time}`] : []),
  ];
}

/** Node ≥ 20 with the single file where there is one, otherwise the standalone executable. */
const chooseCommandLine = `# Backprop Lab's command line: Node >= 20 with the single file, else the standalone executable.
# If your cluster provides Node as a module, load it here (e.g. module load nodejs/20).
bplab() {
  if command -v node >/dev/null 2>&1 && [ -f ${bundleFiles.cli} ] \\
     && [ "$(node -p 'Number(process.versions.node.split(".")[0])' 2>/dev/null || echo 0)" -ge 20 ]; then
    node ${bundleFiles.cli} "$@"
  elif [ -x ${bundleFiles.standalone} ]; then
    ./${bundleFiles.standalone} "$@"
  else
    echo "neither Node >= 20 nor ${bundleFiles.standalone} is available on $(hostname): load a Node module in this script or make the bundle with --standalone" >&2
    return 127
  fi
}

[ -f ${bundleFiles.settings} ] || { echo "submit this script from the bundle's folder (cd BUNDLE && ./submit.sh)" >&2; exit 2; }`;

export function runSbatch(settings: SlurmBundleSettings): string {
  const tasks = taskCount(settings.layout);
  const { totalRuns, runsPerTask } = settings.layout;
  return `#!/bin/bash
# One task of the experiment's array job: runs ${runsPerTask} of its ${totalRuns} runs, each written to
# ${bundleFiles.results}/runs/ as it finishes. Rerun some tasks only: sbatch --array=3,7-8 ${bundleFiles.run}
#SBATCH --job-name=${settings.jobName}
#SBATCH --array=0-${tasks - 1}%${settings.throttle}
#SBATCH --output=${bundleFiles.logs}/%A_%a.out
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=1
${directives(settings).join('\n')}${directives(settings).length > 0 ? '\n' : ''}set -euo pipefail
cd "\${SLURM_SUBMIT_DIR:-.}"

${chooseCommandLine}

task=\${SLURM_ARRAY_TASK_ID:?run.sbatch is an array job: submit it with sbatch}
first=$(( task * ${runsPerTask} ))
last=$(( first + ${runsPerTask} - 1 ))
if [ "$last" -gt ${totalRuns - 1} ]; then last=${totalRuns - 1}; fi
echo "task $task: runs $first-$last on $(hostname), $(date -u +%FT%TZ)"

# A cluster whose engine computes different bits from the one that made this bundle stops here.
bplab experiment fingerprint --expect "$(cat ${bundleFiles.fingerprint})"
bplab experiment run ${settings.modelFile} --runs "$first-$last" --out ${bundleFiles.results} --jobs 1
echo "task $task: done, $(date -u +%FT%TZ)"
`;
}

export function collectSbatch(settings: SlurmBundleSettings): string {
  return `#!/bin/bash
# Merges every run's file into the results tables, after the array job (submit.sh makes it wait with
# --dependency=afterany, so it runs however the tasks ended), and lists the tasks to rerun, if any.
#SBATCH --job-name=${settings.jobName}-collect
#SBATCH --output=${bundleFiles.logs}/collect_%j.out
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=1
${directives(settings).join('\n')}${directives(settings).length > 0 ? '\n' : ''}set -euo pipefail
cd "\${SLURM_SUBMIT_DIR:-.}"

${chooseCommandLine}

bplab experiment collect .
`;
}

export function submitSh(settings: SlurmBundleSettings): string {
  return `#!/bin/bash
# Submits the array job and the collect job that waits for it; prints both job ids.
# Extra options go to the array job, e.g. ./submit.sh --array=3,7-8 reruns those tasks only.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p ${bundleFiles.logs}
array=$(sbatch --parsable "$@" ${bundleFiles.run})
array=\${array%%;*}
collect=$(sbatch --parsable --dependency=afterany:"$array" ${bundleFiles.collect})
collect=\${collect%%;*}
echo "array job $array (${taskCount(settings.layout)} tasks of ${settings.layout.runsPerTask} runs), collect job $collect"
echo "watch them with: squeue -j $array,$collect"
echo "array=$array collect=$collect" >> ${bundleFiles.logs}/submitted.txt
`;
}

export function bundleReadme(settings: SlurmBundleSettings & { fingerprint: string; appVersion: string; standalone: boolean }): string {
  const tasks = taskCount(settings.layout);
  const { totalRuns, runsPerTask } = settings.layout;
  return `# ${settings.jobName}: a Backprop Lab experiment for a SLURM cluster

${totalRuns} runs of \`${settings.modelFile}\`, as a job array of ${tasks} task${tasks === 1 ? '' : 's'} of ${runsPerTask === 1 ? 'one run' : `up to ${runsPerTask} runs`} each,
at most ${settings.throttle} at a time. Made by Backprop Lab ${settings.appVersion}; engine fingerprint \`${settings.fingerprint}\`.

## Run it

Copy this whole folder to the cluster (e.g. \`scp -r FOLDER login.cluster:\` or \`rsync -a\`), then on the login node:

    cd FOLDER
    ./submit.sh

It submits \`${bundleFiles.run}\` (the array) and \`${bundleFiles.collect}\` (which waits for the array with
\`--dependency=afterany\`, so it runs however the tasks ended) and prints both job ids.

The tasks need Node 20 or newer (the command line is the single file \`${bundleFiles.cli}\`; nothing to
install)${settings.standalone ? `, or else use the standalone Linux x64 executable \`${bundleFiles.standalone}\`, which needs nothing` : ''}. If Node
comes as a module on your cluster, add its \`module load\` line where the scripts say so. Partition, account
and time limit are set in the \`#SBATCH\` lines of both scripts; edit them there, or make the bundle again with
\`--partition\`, \`--account\`, \`--time\`.

Every task first checks that this cluster's engine computes the same bits as the one that made the bundle
(the fingerprint above) and stops with a message in its log if not: then the results would not equal a run
on your own machine.

## Watch it

    squeue -u $USER              # pending (PD) and running (R) tasks
    tail logs/ARRAYJOB_TASK.out  # one task's log; logs/collect_JOB.out is the collect job's

Each finished run is written at once to \`${bundleFiles.results}/runs/\`; a task that is killed (time limit,
node failure) loses only its unfinished run.

## The results

When the collect job has run, \`${bundleFiles.results}/\` holds the same tidy tables as a run on your own
machine (\`runs.csv\`, \`curves.csv\`, \`manifest.json\`), byte for byte but for the manifest's start and
end times. Its log
(\`logs/collect_JOB.out\`) says whether all ${totalRuns} runs finished.

## Rerun what failed

If runs are missing or failed, the collect log names their tasks and prints the line that reruns only those,
for example:

    ./submit.sh --array=3,7-8          # those tasks again, and a new collect job after them
    sbatch --array=3,7-8 ${bundleFiles.run}   # the same without collecting

Finished runs are never redone. To merge by hand at any time: \`node ${bundleFiles.cli} experiment collect .\`

Array indices above ${commonMaxArrayIndex} exceed many clusters' MaxArraySize (\`scontrol show config | grep MaxArraySize\`);
make the bundle again with a larger \`--runs-per-task\` if yours refuses the array.
`;
}
