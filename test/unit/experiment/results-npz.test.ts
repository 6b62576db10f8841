/**
 * An experiment's results as one .npz: hand-made runs of different lengths, a failed and a missing run, read
 * back by a zip and .npy reader written here from numpy's format description (sharing no code with the
 * writer) and, where python3 has numpy, by numpy.load; and `experiment export` on a real results folder.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { experimentExamples } from '../../../src-shared/data/experiment-examples';
import { planExperiment } from '../../../src-shared/experiment/plan';
import { resultsNpzBytes, type RunOutcome } from '../../../src-shared/experiment/results-arrays';
import type { RunResult } from '../../../src-shared/experiment/run-one';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { runExperiment } from '../../../src-main/experiment/run-experiment';
import { cli } from '../../support/cli-harness';
import { hasNumpy, runPython } from '../../support/python';
import { readZip } from '../data/python-formats/independent-readers';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bplab-results-npz-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** XOR with 2 or 4 hidden units × two initialisations × keeping the test set or not: 8 conditions. */
function design(replications: number, epochs: number): ModelDocument {
  const model = experimentExamples.find((e) => e.id === 'experiment-xor-hidden')!.build();
  return {
    ...model,
    testPatterns: model.patterns.slice(0, 2),
    experiment: {
      ...model.experiment!,
      replications,
      epochs,
      factors: [
        { setting: 'units', layer: 'hidden', levels: [2, 4] },
        { setting: 'init', levels: [{ kind: 'uniform', range: 1 }, { kind: 'gaussian', sd: 0.5 }] },
        { setting: 'testSet', levels: [true, false] },
      ],
    },
  };
}

interface Column {
  descr: string;
  shape: number[];
  values: (number | bigint | boolean | string)[];
}

/** A .npy file of the four dtypes the archive uses, read from numpy.lib.format's description. */
function readColumn(bytes: Uint8Array): Column {
  expect(Array.from(bytes.subarray(0, 8))).toEqual([0x93, 78, 85, 77, 80, 89, 1, 0]);
  const headerLength = bytes[8] + 256 * bytes[9];
  const header = Buffer.from(bytes.subarray(10, 10 + headerLength)).toString('latin1');
  const match = /^\{'descr': '([<|])([fibU])(\d+)', 'fortran_order': False, 'shape': \(([\d, ]*)\), \} *\n$/.exec(header);
  if (!match) throw new Error(`header ${header}`);
  const [, order, kind, sizeText, shapeText] = match;
  const shape = shapeText.split(',').filter((s) => s.trim() !== '').map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const data = Buffer.from(bytes.subarray(10 + headerLength));
  const size = Number(sizeText);
  const itemBytes = kind === 'U' ? 4 * size : size;
  expect(data.length).toBe(count * itemBytes);
  const values = Array.from({ length: count }, (_, i) => {
    const at = i * itemBytes;
    if (kind === 'f') return data.readDoubleLE(at);
    if (kind === 'i') return data.readBigInt64LE(at);
    if (kind === 'b') return data[at] === 1;
    let text = '';
    for (let k = 0; k < size; k++) {
      const point = data.readUInt32LE(at + 4 * k);
      if (point !== 0) text += String.fromCodePoint(point);
    }
    return text;
  });
  return { descr: `${order}${kind}${size}`, shape, values };
}

function readArchive(bytes: Uint8Array): { columns: Map<string, Column>; provenance: Record<string, unknown> } {
  const columns = new Map<string, Column>();
  let provenance: Record<string, unknown> = {};
  for (const [name, data] of readZip(bytes)) {
    if (name === 'provenance.json') provenance = JSON.parse(new TextDecoder().decode(data)) as Record<string, unknown>;
    else columns.set(name.replace(/\.npy$/, ''), readColumn(data));
  }
  return { columns, provenance };
}

/** A run as the runner would write it, with the given recorded epochs. */
function handRun(index: number, epochs: number[], status: RunResult['status'], testSet: boolean): RunResult {
  const model = design(2, 8);
  const plan = planExperiment(model);
  const conditions = plan.conditions.length;
  return {
    index, condition: index % conditions, replication: Math.floor(index / conditions), seed: plan.baseSeed + Math.floor(index / conditions),
    status, epochs: epochs[epochs.length - 1], epochsToCriterion: status === 'stopped-at-criterion' ? epochs[epochs.length - 1] : null,
    final: { tss: index / 10, fractionCorrect: 0.75, testTss: testSet ? index / 100 : null },
    curve: {
      epoch: epochs,
      tss: epochs.map((e) => index + e / 1000),
      correct: epochs.map((e) => e / 8),
      ...(testSet ? { testTss: epochs.map((e) => -index - e / 1000) } : {}),
    },
    message: null,
  };
}

describe('experiment results as one .npz', () => {
  const model = design(2, 8);
  const plan = planExperiment(model);
  // 8 conditions × 2 replications; run 3 stopped at epoch 4, run 5 failed, runs 12–15 are not there yet.
  const outcomes: RunOutcome[] = Array.from({ length: plan.total }, (_, index) => {
    if (index === 5) return 'failed';
    if (index >= 12) return 'missing';
    const testSet = plan.conditions[index % 8].levels[2] === true;
    return index === 3 ? handRun(3, [1, 2, 3, 4], 'stopped-at-criterion', testSet) : handRun(index, [1, 2, 3, 4, 5, 6, 7, 8], 'finished', testSet);
  });
  const bytes = resultsNpzBytes(plan, outcomes, { experiment: 'hand-made' });

  it('holds curves as run × epoch matrices, NaN where a run was not observed', () => {
    const { columns } = readArchive(bytes);
    expect(columns.get('curve_epoch')).toEqual({ descr: '<i8', shape: [8], values: [1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n] });
    const tss = columns.get('curve_tss')!;
    expect(tss.shape).toEqual([16, 8]);
    const row = (name: string, run: number) => columns.get(name)!.values.slice(8 * run, 8 * run + 8);
    expect(row('curve_tss', 0)).toEqual([0.001, 0.002, 0.003, 0.004, 0.005, 0.006, 0.007, 0.008]);
    expect(row('curve_tss', 3)).toEqual([3.001, 3.002, 3.003, 3.004, NaN, NaN, NaN, NaN]);
    expect(row('curve_correct', 2)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((e) => e / 8));
    for (const run of [5, 12, 15]) expect(row('curve_tss', run)).toEqual(Array(8).fill(NaN));
    // Conditions 0–3 keep the test set (the last factor varies fastest: true, false, true, …).
    expect(row('curve_test_tss', 0)).toEqual([-0.001, -0.002, -0.003, -0.004, -0.005, -0.006, -0.007, -0.008]);
    expect(row('curve_test_tss', 1)).toEqual(Array(8).fill(NaN));
  });

  it('has one entry per run for the plan, each factor, the seed, the values runs.csv holds and the status code with its legend', () => {
    const { columns, provenance } = readArchive(bytes);
    const values = (name: string) => columns.get(name)!.values;
    expect([...columns.keys()]).toEqual([
      'curve_epoch', 'curve_tss', 'curve_correct', 'curve_test_tss', 'run', 'condition', 'replication',
      'units_hidden', 'init', 'testSet', 'seed', 'epochs', 'epochs_to_criterion', 'final_tss', 'fraction_correct',
      'final_test_tss', 'status', 'status_legend',
    ]);
    expect(values('run')).toEqual(Array.from({ length: 16 }, (_, i) => BigInt(i)));
    expect(values('condition')).toEqual(Array.from({ length: 16 }, (_, i) => BigInt(i % 8)));
    expect(values('replication')).toEqual(Array.from({ length: 16 }, (_, i) => BigInt(Math.floor(i / 8))));
    expect(columns.get('units_hidden')!.descr).toBe('<i8');
    expect(values('units_hidden').slice(0, 8)).toEqual([2n, 2n, 2n, 2n, 4n, 4n, 4n, 4n]);
    expect(columns.get('init')!.descr).toBe('<U13');
    expect(values('init').slice(0, 4)).toEqual(['uniform(1)', 'uniform(1)', 'gaussian(0.5)', 'gaussian(0.5)']);
    expect(columns.get('testSet')!.descr).toBe('|b1');
    expect(values('testSet').slice(0, 4)).toEqual([true, false, true, false]);
    expect(values('seed')).toEqual(Array.from({ length: 16 }, (_, i) => BigInt(plan.baseSeed + Math.floor(i / 8))));
    expect(values('epochs').slice(0, 6)).toEqual([8, 8, 8, 4, 8, NaN]);
    expect(values('epochs_to_criterion').slice(0, 4)).toEqual([NaN, NaN, NaN, 4]);
    expect(values('final_tss')[12]).toBeNaN();
    expect(values('final_test_tss').slice(0, 2)).toEqual([0, NaN]);
    expect(values('status')).toEqual([0, 0, 0, 1, 0, 3, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4].map(BigInt));
    expect(values('status_legend')).toEqual(['finished', 'stopped-at-criterion', 'diverged', 'failed', 'missing']);
    expect(provenance).toEqual({ experiment: 'hand-made' });
  });

  it('refuses outcomes that are not the plan’s runs', () => {
    expect(() => resultsNpzBytes(plan, outcomes.slice(1), {})).toThrow('the experiment has 16 runs, but 15 outcomes were given');
  });

  it.skipIf(!hasNumpy)('is read by numpy.load as the same arrays, with no pickle', async () => {
    const path = join(root, 'hand.npz');
    await writeFile(path, bytes);
    const read = JSON.parse(runPython(`
import json, math, sys
import numpy as np
r = np.load(sys.argv[1], allow_pickle=False)
plain = lambda a: [None if isinstance(v, float) and math.isnan(v) else v for v in a.ravel().tolist()]
print(json.dumps({k: {'dtype': r[k].dtype.str, 'shape': list(r[k].shape), 'values': plain(r[k])} for k in r.files if k != 'provenance.json'} | {'provenance': json.loads(r['provenance.json'])}))
`, [path])) as Record<string, { dtype: string; shape: number[]; values: unknown[] }>;
    const { columns } = readArchive(bytes);
    for (const [name, column] of columns) {
      expect(read[name].dtype, name).toBe(column.descr);
      expect(read[name].shape, name).toEqual(column.shape);
      expect(read[name].values, name).toEqual(column.values.map((v) => (typeof v === 'bigint' ? Number(v) : typeof v === 'number' && Number.isNaN(v) ? null : v)));
    }
    expect(read.provenance).toEqual({ experiment: 'hand-made' });
  });
});

describe('experiment export', () => {
  it('writes a results folder as one .npz equal to its runs.csv, and says what is wrong with bad arguments', async () => {
    const model = design(1, 20);
    const dir = join(root, 'results');
    await runExperiment({ model, dir, jobs: 1, merge: true });
    const out = join(root, 'results.npz');
    const done = await cli('experiment', 'export', dir, '--to', 'npz', '--out', out);
    expect(done).toMatchObject({ code: 0, out: `wrote ${out} (8 of 8 runs with results)\n` });
    const { columns, provenance } = readArchive(new Uint8Array(await readFile(out)));
    expect(provenance).toMatchObject({ format: 'experiment-npz', formatVersion: 1, experiment: model.name, total: 8, statusLegend: { 0: 'finished', 4: 'missing' } });
    expect(provenance.experimentSha256).toMatch(/^[0-9a-f]{64}$/);
    const csv = (await readFile(join(dir, 'runs.csv'), 'utf8')).trim().split('\n').map((line) => line.split(','));
    const header = csv[0];
    for (const name of ['final_tss', 'fraction_correct', 'epochs']) {
      const c = header.indexOf(name);
      expect(columns.get(name)!.values, name).toEqual(csv.slice(1).map((cells) => Number(cells[c])));
    }
    expect(columns.get('init')!.values).toEqual(csv.slice(1).map((cells) => cells[header.indexOf('init')]));
    // curves.csv's tss rows, run by run, are the matrix's rows.
    const curves = (await readFile(join(dir, 'curves.csv'), 'utf8')).trim().split('\n').slice(1).map((line) => line.split(','));
    const tssRows = curves.filter((cells) => cells.at(-3) === 'tss');
    const tss = columns.get('curve_tss')!;
    const epochs = columns.get('curve_epoch')!.values.map(Number);
    for (const cells of tssRows) {
      const run = Number(cells[0]);
      const epoch = Number(cells.at(-4));
      expect(tss.values[run * epochs.length + epochs.indexOf(epoch)]).toBe(Number(cells.at(-2)));
    }
    expect(tssRows).toHaveLength(8 * epochs.length);

    expect(await cli('experiment', 'export', dir, '--to', 'csv', '--out', out)).toMatchObject({ code: 1, err: expect.stringContaining('an experiment\'s results export to npz only, not "csv"') });
    expect(await cli('experiment', 'export', dir, '--to', 'npz')).toMatchObject({ code: 1, err: expect.stringContaining('say where to write with --out FILE.npz') });
    const notAFolder = join(root, 'nothing');
    expect(await cli('experiment', 'export', notAFolder, '--to', 'npz', '--out', out)).toMatchObject({ code: 1, err: expect.stringContaining(`${notAFolder} is not a results folder`) });
  });
});
