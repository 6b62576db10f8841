/**
 * The supervisor, unchanged, against real trainer processes (the built out/main/trainer.js under Node):
 * one is killed mid-training, a new one is started and the page told, and loading the last snapshot
 * into it continues exactly the run that would have followed that snapshot. Needs `npm run build`.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { Simulation } from '../../../src-shared/engine/simulation';
import { superviseTrainer, type TrainerSupervisor } from '../../../src-shared/trainer/trainer-supervisor';
import { TrainerRecorder } from '../../support/trainer-harness';
import { forkNodeTrainer } from './node-trainer';

const entry = fileURLToPath(new URL('../../../out/main/trainer.js', import.meta.url));
const MORE_EPOCHS = 300;

interface Connection {
  child: ChildProcess;
  trainer: TrainerRecorder;
  restarted: string | null;
}

let supervisor: TrainerSupervisor | null = null;
afterEach(() => supervisor?.dispose());

/** What a page would do with each port the supervisor delivers: talk to the trainer behind it. */
function supervised() {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first (npm test does).`);
  const connections: Connection[] = [];
  let arrived: (() => void) | null = null;
  supervisor = superviseTrainer<ChildProcess>({
    start: () => forkNodeTrainer(entry),
    deliver: (child, restarted) => {
      const trainer = new TrainerRecorder((command) => child.send(command));
      child.on('message', (data) => trainer.accept(data));
      connections.push({ child, trainer, restarted });
      arrived?.();
    },
    schedule: (run, delayMs) => {
      const timer = setTimeout(run, delayMs);
      return () => clearTimeout(timer);
    },
    now: () => Date.now(),
    warn: () => undefined,
  });
  const connection = (index: number, timeoutMs = 10_000) =>
    new Promise<Connection>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`no connection ${index} within ${timeoutMs} ms`)), timeoutMs);
      const check = () => {
        if (connections.length <= index) return;
        clearTimeout(timeout);
        resolve(connections[index]);
      };
      arrived = check;
      check();
    });
  return { supervisor, connection };
}

describe('the trainer supervisor with real processes', () => {
  it('replaces a trainer killed mid-training; the last snapshot continues exactly', async () => {
    const { supervisor, connection } = supervised();
    supervisor.connect();
    const first = await connection(0);
    const xor = findExample('xor')!.build();
    const model = { ...xor, training: { ...xor.training, errorCriterion: 0, stopWhenAllCorrect: false, maxEpochs: 1e9 } };
    await first.trainer.request({ type: 'load', model }, 'result');
    await first.trainer.request({ type: 'train' }, 'status', (s) => s.status === 'training');
    await first.trainer.next('metrics', (m) => (m.latest?.epoch ?? 0) > 50);
    const { model: snapshot } = await first.trainer.request({ type: 'snapshot' }, 'snapshot');
    const snapshotEpoch = snapshot.state!.epoch;
    expect(snapshotEpoch).toBeGreaterThan(0);

    first.child.kill('SIGKILL');
    const second = await connection(1);
    expect(second.child.pid).not.toBe(first.child.pid);
    expect(second.restarted).toMatch(/The trainer stopped unexpectedly \(signal SIGKILL\) and was restarted/);

    const loaded = await second.trainer.request({ type: 'load', model: snapshot }, 'result');
    expect(loaded.epoch).toBe(snapshotEpoch);
    const stepping = second.trainer.mark();
    await second.trainer.request({ type: 'step', epochs: MORE_EPOCHS }, 'status', (s) => s.status === 'paused');
    const result = await second.trainer.next('result', () => true, stepping);

    // The run that would have followed the snapshot, computed here without any process in between;
    // the state holds every epoch's tss, so equal states mean equal curves too.
    const reference = new Simulation(snapshot);
    const target = reference.epoch + MORE_EPOCHS;
    while (reference.epoch < target && !reference.advance(4096, target).stop);
    expect(result.epoch).toBe(reference.epoch);
    expect(result.state).toEqual(reference.state());
    expect(result.tss).toBe(reference.testPass().tss);
  });

  it('ends its trainer for good when disposed', async () => {
    const { supervisor, connection } = supervised();
    supervisor.connect();
    const { child } = await connection(0);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    supervisor.dispose();
    await exited;
    await expect(connection(1, 1000)).rejects.toThrow(/no connection 1/);
  });
});
