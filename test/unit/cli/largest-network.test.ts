/**
 * The largest network the format allows (MAX_WEIGHTS), with momentum, feedback-alignment matrices and a
 * full history, trains, saves and opens again in the command line — a real child process, as a user runs it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Simulation } from '../../../src-shared/engine/simulation';
import { HISTORY_CAPACITY } from '../../../src-shared/model/epoch-history';
import { createModel } from '../../../src-shared/model/create';
import { parseModelText } from '../../../src-shared/model/parse';
import { MAX_WEIGHTS } from '../../../src-shared/model/schema';
import { serializeModel } from '../../../src-shared/model/serialize';

const run = promisify(execFile);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bplab-largest-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** 3070 → 1024 → 1024: 1024 · 3071 + 1024 · 1025 = 4,194,304 weights and biases, and a 1024 × 1024 F. */
function largest() {
  const sizes = [3070, 1024, 1024];
  const model = createModel({
    name: 'largest', description: '',
    layers: sizes.map((units, j) => ({ kind: (['input', 'hidden', 'output'] as const)[j], name: `layer ${j}`, units, activation: 'logistic' as const, bias: true })),
    patterns: [0, 1].map((p) => ({ name: `p${p}`, input: Array.from({ length: 3070 }, (_, i) => ((i + p) % 3) / 2), target: Array.from({ length: 1024 }, (_, k) => (k + p) % 2) })),
    training: { rule: 'feedback-alignment', update: 'online', momentum: 0.9, learningRate: 0.05, init: { kind: 'uniform', range: 0.1 }, errorCriterion: 0, maxEpochs: 1e9 },
  });
  expect(model.layers.slice(1).reduce((sum, layer, j) => sum + layer.units * (model.layers[j].units + 1), 0)).toBe(MAX_WEIGHTS);
  // One epoch trained here gives momentum and F; the history is then made full (epoch 65,535 of 65,536 entries).
  const simulation = new Simulation(model);
  simulation.advance(2);
  const trained = simulation.toModel();
  const epochs = HISTORY_CAPACITY - 1;
  const history = Array.from({ length: epochs }, (_, i) => 1 / (i + 3));
  return { ...trained, state: { ...trained.state!, epoch: epochs, tssHistory: history, correctHistory: history.map(() => 0.5) } };
}

const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], { maxBuffer: 1 << 24, timeout: 600_000 });

describe('the largest network, in the command line', () => {
  it('trains, saves with momentum, feedback matrices and a full history, and opens again', async () => {
    const file = join(dir, 'largest.bplab');
    await writeFile(file, serializeModel(largest()));
    const trained = join(dir, 'trained.bplab');
    const training = await cli('train', file, '--epochs', '1', '--out', trained);
    expect(training.stdout).toMatch(/^epoch 65536 /);
    const validated = await cli('validate', trained);
    expect(validated.stdout).toMatch(/valid/i);
    const saved = parseModelText(await readFile(trained, 'utf8'));
    if (!saved.ok) throw new Error(JSON.stringify(saved.problems.slice(0, 3)));
    const state = saved.model.state!;
    expect(state.epoch).toBe(HISTORY_CAPACITY);
    expect(state.historyStride).toBe(2);
    expect(state.tssHistory).toHaveLength(HISTORY_CAPACITY / 2);
    expect(state.feedback![1]).toHaveLength(1024);
    expect(state.weightMomentum[0][0].some((v) => v !== 0)).toBe(true);
  }, 600_000);
});
