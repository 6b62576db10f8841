/**
 * The built trainer entry (the one Electron starts as a utility process) started as a plain Node child
 * process, trained through the protocol. `npm test` builds it first; run `npm run build` before running
 * this file alone.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { findExample } from '../../src-shared/data/examples';
import { Simulation } from '../../src-shared/engine/simulation';
import { createModel } from '../../src-shared/model/create';
import { historyEpoch, historyLength } from '../../src-shared/model/epoch-history';
import type { ModelDocument } from '../../src-shared/model/schema';
import { TrainerRecorder } from '../support/trainer-harness';

const entry = fileURLToPath(new URL('../../out/main/trainer.js', import.meta.url));
const children: ChildProcess[] = [];

function startTrainerProcess(): TrainerRecorder {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first (npm test does).`);
  const child = fork(entry, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(child);
  const recorder = new TrainerRecorder((command) => child.send(command));
  child.on('message', (data) => recorder.accept(data));
  return recorder;
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

function untilPaused(model: ModelDocument): ModelDocument {
  return { ...model, training: { ...model.training, errorCriterion: 0, maxEpochs: 1e9 } };
}

describe('the trainer as a child process', () => {
  it('trains XOR through the protocol to the error criterion, bit for bit as in this process', async () => {
    const trainer = startTrainerProcess();
    const model = findExample('xor')!.build();
    await trainer.request({ type: 'load', model }, 'result');
    const mark = trainer.mark();
    const stopped = await trainer.request({ type: 'train' }, 'status', (s) => s.status === 'stopped');
    expect(stopped.reason).toBe('criterion');
    const result = await trainer.next('result', () => true, mark);
    expect(result.tss).toBeLessThan(0.04);
    const here = new Simulation(model);
    here.advance(Number.MAX_SAFE_INTEGER);
    expect(trainer.curve()).toEqual(here.tssHistory);
    expect(result.state).toEqual(here.state());
  });

  it('posts metrics 10–30 times a second, each batching many epochs, and pauses within 100 ms', async () => {
    const trainer = startTrainerProcess();
    await trainer.request({ type: 'load', model: untilPaused(findExample('encoder-8-3-8')!.build()) }, 'result');
    const training = await trainer.request({ type: 'train' }, 'status', (s) => s.status === 'training');
    const startedAt = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const metrics = trainer.received.filter((r) => r.event.type === 'metrics' && r.at > startedAt);
    const seconds = (performance.now() - startedAt) / 1000;
    const pausedAt = performance.now();
    const mark = trainer.mark();
    const paused = await trainer.request({ type: 'pause' }, 'status', (s) => s.status === 'paused');
    const pauseLatency = performance.now() - pausedAt;

    expect(training.epoch).toBe(0);
    expect(metrics.length / seconds).toBeGreaterThanOrEqual(10);
    expect(metrics.length / seconds).toBeLessThanOrEqual(30);
    const epochs = trainer.events('metrics').map((m) => m.latest?.epoch ?? 0);
    expect(epochs.slice(1).every((epoch, i) => epoch - epochs[i] > 1)).toBe(true);
    expect(pauseLatency).toBeLessThan(100);
    expect(paused.reason).toBe('paused');
    const result = await trainer.next('result', () => true, mark);
    // Fast enough that the history thins (every 2nd, 4th … epoch): the page's curve is still the file's.
    const { tssHistory, historyStride = 1 } = result.state;
    expect(trainer.streamedCurve()).toEqual({ epochs: tssHistory.map((_, i) => historyEpoch(i, historyStride)), tss: tssHistory });
    expect(tssHistory).toHaveLength(historyLength(result.epoch, historyStride));
    expect(result.epoch).toBeGreaterThan(100);
  });

  it('pauses in the middle of a long epoch and reports progress through it', async () => {
    const inputs = 300;
    const patterns = Array.from({ length: 400 }, (_, p) => ({
      name: `p${p}`,
      input: Array.from({ length: inputs }, (_, i) => ((p * 31 + i * 17) % 7) / 7),
      target: Array.from({ length: 10 }, (_, k) => (p % 10 === k ? 1 : 0)),
    }));
    const model = createModel({
      name: 'long epochs',
      description: 'Large enough that one epoch takes seconds.',
      layers: [
        { kind: 'input', name: 'input', units: inputs, activation: 'linear', bias: false },
        { kind: 'hidden', name: 'hidden 1', units: 800, activation: 'logistic', bias: true },
        { kind: 'hidden', name: 'hidden 2', units: 800, activation: 'logistic', bias: true },
        { kind: 'output', name: 'output', units: 10, activation: 'logistic', bias: true },
      ],
      patterns,
      training: { learningRate: 0.01, errorCriterion: 0, maxEpochs: 1e9 },
    });
    const trainer = startTrainerProcess();
    await trainer.request({ type: 'load', model }, 'result', () => true);
    await trainer.request({ type: 'train' }, 'status', (s) => s.status === 'training');
    const progress = await trainer.next('metrics', (m) => m.patternsIntoEpoch > 0);
    expect(progress.tss).toEqual([]);
    const sentAt = performance.now();
    const mark = trainer.mark();
    const paused = await trainer.request({ type: 'pause' }, 'status', (s) => s.status === 'paused');
    expect(performance.now() - sentAt).toBeLessThan(100);
    expect(paused.epoch).toBe(0);
    const result = await trainer.next('result', () => true, mark, 60_000);
    expect(result.state.cursor?.position).toBeGreaterThan(0);
  }, 120_000);

  it('answers a malformed command with an error and goes on working', async () => {
    const trainer = startTrainerProcess();
    const error = await trainer.request({ type: 'load', model: { nonsense: true } } as Record<string, unknown>, 'error');
    expect(error.message).toMatch(/malformed command/);
    const result = await trainer.request({ type: 'load', model: findExample('xor')!.build() }, 'result');
    expect(result.patterns).toHaveLength(4);
  });
});
