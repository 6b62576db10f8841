/**
 * A real one-node SLURM cluster for the tests: munged, slurmctld and slurmd from Debian's `munge` and
 * `slurm-wlm`, on this machine, with a slurm.conf written for it in a temporary folder. Started as root;
 * stopped by PID. Without accounting there is no sacct: wait on jobs with squeue/scontrol.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, fchownSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, hostname, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

export interface SlurmCluster {
  /** The temporary folder holding slurm.conf, the daemons' state, spool and logs. */
  dir: string;
  conf: string;
  /** The environment sbatch, squeue and scontrol need (SLURM_CONF). */
  env: NodeJS.ProcessEnv;
  /** The last lines of the daemons' logs, for a failure message. */
  daemonLogs(): string;
  stop(): Promise<void>;
}

export type SlurmStart = { cluster: SlurmCluster } | { unavailable: string };

const slurmPorts = [6817, 6818];
const mungeSocketDir = '/run/munge';
const mungeKey = '/etc/munge/munge.key';

export async function startSlurmCluster(): Promise<SlurmStart> {
  if (process.getuid?.() !== 0) return { unavailable: 'the daemons must be started as root (munged as the munge user)' };
  const missing = ['munged', 'munge', 'slurmctld', 'slurmd', 'sbatch', 'squeue', 'scontrol', 'sinfo'].filter((tool) => !which(tool));
  if (missing.length > 0) return { unavailable: `not installed: ${missing.join(', ')} (apt-get install slurm-wlm munge)` };
  for (const port of slurmPorts) {
    if (!(await portIsFree(port))) {
      return { unavailable: `port ${port} is in use (another slurmctld or slurmd on this machine?); SLURM needs ports ${slurmPorts.join(' and ')}` };
    }
  }

  const dir = mkdtempSync(join(tmpdir(), 'bplab-slurm-'));
  const children: ChildProcess[] = [];
  const stop = async () => {
    // slurmd first, so no job step is started by a controller that is going away.
    for (const child of [...children].reverse()) await stopChild(child);
  };

  const munge = await startMunge(dir);
  if ('unavailable' in munge) {
    rmSync(dir, { recursive: true, force: true });
    return munge;
  }
  if (munge.child) children.push(munge.child);

  const conf = join(dir, 'slurm.conf');
  writeFileSync(conf, slurmConf(dir));
  const env = { ...process.env, SLURM_CONF: conf };
  children.push(daemon('slurmctld', ['-D', '-f', conf], join(dir, 'slurmctld.out'), env));
  children.push(daemon('slurmd', ['-D', '-f', conf], join(dir, 'slurmd.out'), env));

  const cluster: SlurmCluster = {
    dir,
    conf,
    env,
    daemonLogs: () => ['slurmctld.out', 'slurmd.out', 'munged.out'].map((name) => `--- ${name}\n${tail(join(dir, name), 15)}`).join('\n'),
    stop: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const idle = await waitForIdleNode(env, children, 20_000);
  if (idle !== true) {
    const logs = cluster.daemonLogs();
    await stop();
    return { unavailable: `the node did not come up idle (${idle}); daemon logs in ${dir}:\n${logs}` };
  }
  return { cluster };
}

/** Reuses a munged that already answers; otherwise starts one as the munge user, with a key if there is none. */
async function startMunge(dir: string): Promise<{ child?: ChildProcess } | { unavailable: string }> {
  if (mungeAnswers()) return {};
  if (!existsSync(mungeKey)) {
    const made = which('mungekey')
      ? spawnSync('runuser', ['-u', 'munge', '--', 'mungekey', '--create', `--keyfile=${mungeKey}`], { encoding: 'utf8' })
      : spawnSync('create-munge-key', [], { encoding: 'utf8' });
    if (made.status !== 0) return { unavailable: `could not create the munge key ${mungeKey}: ${made.stderr || made.error}` };
  }
  mkdirSync(mungeSocketDir, { recursive: true });
  const munge = userIds('munge');
  if (!munge) return { unavailable: 'there is no "munge" user (is the munge package installed?)' };
  chownSync(mungeSocketDir, munge.uid, munge.gid);
  // Started as the munge user directly (what `runuser -u munge -- munged` does), so that the child this
  // process stops and reaps is munged itself.
  // --force: a socket left by a munged that was killed would otherwise stop this one from starting.
  const child = daemon('munged', ['-F', '--force'], join(dir, 'munged.out'), process.env, munge);
  for (let i = 0; i < 50; i++) {
    if (mungeAnswers()) return { child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  return { unavailable: `munged did not answer within 5 s:\n${tail(join(dir, 'munged.out'), 15)}` };
}

function slurmConf(dir: string): string {
  const host = hostname().split('.')[0];
  // Below the machine's memory, or slurmd reports less than configured and the node is drained.
  const memoryMb = Math.floor((totalmem() / 2 ** 20) * 0.9);
  return [
    'ClusterName=bplab-test',
    `SlurmctldHost=${host}(127.0.0.1)`,
    'SlurmUser=root',
    'SlurmdUser=root',
    'AuthType=auth/munge',
    'MpiDefault=none',
    'ProctrackType=proctrack/linuxproc',
    'TaskPlugin=task/none',
    'SelectType=select/cons_tres',
    'SelectTypeParameters=CR_Core',
    'AccountingStorageType=accounting_storage/none',
    'JobAcctGatherType=jobacct_gather/none',
    'JobCompType=jobcomp/none',
    'MailProg=/bin/true',
    'ReturnToService=2',
    `StateSaveLocation=${join(dir, 'state')}`,
    `SlurmdSpoolDir=${join(dir, 'spool')}`,
    `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
    `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
    `NodeName=${host} NodeAddr=127.0.0.1 CPUs=${availableParallelism()} RealMemory=${memoryMb} State=UNKNOWN`,
    `PartitionName=test Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
    '',
  ].join('\n');
}

async function waitForIdleNode(env: NodeJS.ProcessEnv, children: ChildProcess[], timeoutMs: number): Promise<true | string> {
  const deadline = Date.now() + timeoutMs;
  let state = '';
  while (Date.now() < deadline) {
    const exited = children.find((child) => child.exitCode !== null || child.signalCode !== null);
    if (exited) return `${exited.spawnargs.join(' ')} exited with ${exited.exitCode ?? exited.signalCode}`;
    const sinfo = spawnSync('sinfo', ['-h', '-N', '-o', '%T'], { env, encoding: 'utf8' });
    state = sinfo.stdout.trim() || sinfo.stderr.trim();
    if (sinfo.status === 0 && state === 'idle') return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return `after ${timeoutMs / 1000} s the node is "${state}"`;
}

function daemon(command: string, args: string[], logFile: string, env: NodeJS.ProcessEnv, user?: { uid: number; gid: number }): ChildProcess {
  const log = openSync(logFile, 'a');
  if (user) fchownSync(log, user.uid, user.gid);
  return spawn(command, args, { env, stdio: ['ignore', log, log], ...user });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function mungeAnswers(): boolean {
  const encode = spawnSync('munge', ['-n'], { encoding: 'utf8' });
  if (encode.status !== 0) return false;
  return spawnSync('unmunge', [], { input: encode.stdout, encoding: 'utf8' }).status === 0;
}

function which(tool: string): boolean {
  return ['/usr/sbin', '/usr/bin', '/sbin', '/bin', ...(process.env.PATH ?? '').split(':')].some((dir) => dir && existsSync(join(dir, tool)));
}

function userIds(name: string): { uid: number; gid: number } | undefined {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((entry) => entry.startsWith(`${name}:`));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

function tail(file: string, lines: number): string {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
