/**
 * Experiments on a graph network: `experiment run` trains each run on the graph path, as `train` does, so a
 * run is bit for bit the single run with its seed; a factor resizing a named hidden layer resizes that
 * layer of the graph, every projection into and out of it following.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import { planExperiment, singleRunModel } from '../../../src-shared/experiment/plan';
import { runExperimentRun, type RunResult } from '../../../src-shared/experiment/run-one';
import { parseModelText } from '../../../src-shared/model/parse';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { serializeModel } from '../../../src-shared/model/serialize';
import { cli } from '../../support/cli-harness';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bplab-graph-experiment-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The 2-1-1 XOR with an experiment of two replications (seeds 3 and 4) of 300 epochs. */
function xorExperiment(): ModelDocument {
  const model = findExample('xor-2-1-1')!.build();
  return {
    ...model,
    training: { ...model.training, errorCriterion: 0 },
    experiment: { design: 'crossed', factors: [], replications: 2, baseSeed: 3, epochs: 300, stopAtCriterion: false, record: { finalOutputs: true, finalWeights: true } },
  };
}

describe('an experiment on a graph network', () => {
  it('gives, through the command line, the same results as two `train` runs with those seeds', async () => {
    const file = join(root, 'xor-2-1-1.bplab');
    await writeFile(file, serializeModel(xorExperiment()));
    const ran = await cli('experiment', 'run', file, '--jobs', '1', '--out', join(root, 'results'));
    expect(ran.err).not.toMatch(/graph network/);
    expect(ran.code).toBe(0);
    for (const [index, seed] of [[0, 3], [1, 4]]) {
      const run = JSON.parse(await readFile(join(root, 'results', 'runs', `run-${String(index).padStart(5, '0')}.json`), 'utf8')) as RunResult;
      expect(run.seed).toBe(seed);
      const trained = join(root, `seed-${seed}.bplab`);
      const alone = await cli('train', file, '--seed', String(seed), '--epochs', '300', '--out', trained);
      expect(alone.code).toBe(0);
      const read = parseModelText(await readFile(trained, 'utf8'));
      if (!read.ok) throw new Error(JSON.stringify(read.problems));
      const state = read.model.state!;
      expect(run.epochs).toBe(300);
      expect(run.weights).toEqual({ weights: state.weights, biases: state.biases });
      expect(run.curve.tss).toEqual(state.tssHistory);
      expect(run.curve.correct).toEqual(state.correctHistory);
      const pass = new GraphRun(read.model).testPass();
      expect(run.final).toEqual({ tss: pass.tss, fractionCorrect: pass.fractionCorrect, testTss: null });
      expect(run.outputs).toEqual(pass.patterns.map((p) => ({ name: p.name, output: p.output })));
    }
  });

  it('marks the first epoch whose after-epoch tss, from the weights after it, meets the criterion', () => {
    const base = xorExperiment();
    const model = { ...base, training: { ...base.training, errorCriterion: 0.04 }, experiment: { ...base.experiment!, epochs: 3000, replications: 1 } };
    const plan = planExperiment(model);
    const run = runExperimentRun(model, plan, 0);
    // The after-epoch tss computed here from the saved weights: h = σ(W_ih x + b_h), o = σ(W_io x + W_ho h + b_o).
    const logistic = (x: number) => 1 / (1 + Math.exp(-x));
    const alone = new GraphRun(singleRunModel(model, plan, 0));
    let first: number | null = null;
    while (first === null && alone.epoch < 3000) {
      alone.advance(Number.MAX_SAFE_INTEGER, alone.epoch + 1);
      const { weights: [toHidden, skip, fromHidden], biases: [[bh], [bo]] } = alone.state();
      const tss = model.patterns.reduce((sum, { input: [a, b], target: [t] }) => {
        const h = logistic(toHidden[0][0] * a + toHidden[0][1] * b + bh);
        const o = logistic(skip[0][0] * a + skip[0][1] * b + fromHidden[0][0] * h + bo);
        return sum + (t! - o) ** 2;
      }, 0);
      if (tss < 0.04) first = alone.epoch;
    }
    expect(first).not.toBeNull();
    expect(run.epochsToCriterion).toBe(first);
    expect(run.epochs).toBe(3000);
  });

  it('resizes a named hidden layer of the graph, its projections following', () => {
    const base = xorExperiment();
    const model = { ...base, experiment: { ...base.experiment!, factors: [{ setting: 'units' as const, layer: 'hidden', levels: [1, 3] }], replications: 1, epochs: 50 } };
    const plan = planExperiment(model);
    const run = runExperimentRun(model, plan, 1);
    const shapes = run.weights!.weights.map((W) => [W.length, W[0].length]);
    expect(shapes).toEqual([[3, 2], [1, 2], [1, 3]]);
    const alone = new GraphRun(singleRunModel(model, plan, 1));
    alone.advance(Number.MAX_SAFE_INTEGER, 50);
    expect(run.weights!.weights).toEqual(alone.state().weights);
    expect(run.curve.tss).toEqual(alone.tssHistory);
  });
});
