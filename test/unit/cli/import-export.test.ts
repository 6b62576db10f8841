import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../support/cli-harness';
import { Simulation } from '../../../src-shared/engine/simulation';
import { parseModelText } from '../../../src-shared/model/parse';

const fixture = (path: string) => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));

async function readModel(path: string) {
  const parsed = parseModelText(await readFile(path, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.model;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bplab-import-'));
});

describe('importing and exporting from the command line', () => {
  it('imports a tlearn project (.cf, .data, .teach) as the network it describes', async () => {
    const out = join(dir, 'xor.bplab');
    const result = await cli('import', fixture('tlearn/xor.cf'), fixture('tlearn/xor.data'), fixture('tlearn/xor.teach'), '--out', out);
    expect(result.code).toBe(0);
    const model = await readModel(out);
    expect(model.layers.map((l) => l.units)).toEqual([2, 2, 1]);
    expect(model.patterns.map((p) => [p.input, p.target])).toEqual([[[0, 0], [0]], [[0, 1], [1]], [[1, 0], [1]], [[1, 1], [0]]]);
  });

  it('refuses what it cannot build, naming the file, line and construct', async () => {
    const result = await cli('import', fixture('tlearn/recurrent.cf'), fixture('tlearn/xor.data'), fixture('tlearn/xor.teach'), '--out', join(dir, 'recurrent.bplab'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/recurrent\.cf, line 9, column 1: tlearn recurrent connections .* are not supported yet/);
  });

  it('refuses a set of files it cannot import, as File → Import does', async () => {
    const missing = await cli('import', fixture('tlearn/xor.cf'), fixture('tlearn/xor.data'), '--out', join(dir, 'missing.bplab'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('A tlearn import needs the .data file (inputs) and the .teach file (targets), with the .cf for the network: give them together (the .teach was not given).');
    const several = await cli('import', fixture('pdp/xor.pat'), fixture('lens/xor-sparse.ex'), '--out', join(dir, 'several.bplab'));
    expect(several.code).toBe(1);
    expect(several.err).toContain('Import one pattern file at a time');
  });

  it('asks which CSV columns are inputs and targets, then imports them', async () => {
    const asked = await cli('import', fixture('csv/european.csv'), '--out', join(dir, 'csv.bplab'));
    expect(asked.code).toBe(1);
    expect(asked.err).toMatch(/--input-columns and --target-columns[\s\S]*0: word \(text\)/);
    const out = join(dir, 'csv.bplab');
    const imported = await cli('import', fixture('csv/european.csv'), '--out', out, '--input-columns', 'x,y', '--target-columns', 'target', '--name-column', 'word', '--hidden', '3');
    expect(imported.code).toBe(0);
    const model = await readModel(out);
    expect(model.layers.map((l) => l.units)).toEqual([2, 3, 1]);
    expect(model.layers[0].unitNames).toEqual(['x', 'y']);
  });

  it('imports a PDP .pat file split by the sizes given', async () => {
    const out = join(dir, 'pat.bplab');
    expect((await cli('import', fixture('pdp/xor.pat'), '--inputs', '2', '--outputs', '1', '--hidden', '2', '--out', out)).code).toBe(0);
    expect((await readModel(out)).patterns).toHaveLength(4);
  });

  it('exports weights, hidden activations and tlearn files, saying what a format cannot hold', async () => {
    const model = join(dir, 'xor-example.bplab');
    await cli('example', 'xor').then(({ out }) => import('node:fs/promises').then((fs) => fs.writeFile(model, out)));
    const weights = join(dir, 'w.csv');
    expect((await cli('export', model, '--to', 'weights', '--layer', '1', '--out', weights)).code).toBe(0);
    const initial = new Simulation(await readModel(model)).state();
    const rows = (await readFile(weights, 'utf8')).trim().split('\n');
    expect(rows[0]).toBe('unit,hidden_1,hidden_2,bias');
    expect(rows[1].split(',').slice(1).map(Number)).toEqual([...initial.weights[1][0], initial.biases[1][0]]);

    const hidden = join(dir, 'h.csv');
    await cli('export', model, '--to', 'hidden', '--out', hidden);
    expect((await readFile(hidden, 'utf8')).split('\n')[0]).toBe('pattern,hidden_1,hidden_2');

    const tlearn = await cli('export', model, '--to', 'tlearn', '--out', join(dir, 'xor-out'));
    expect(tlearn.out).toMatch(/xor-out\.cf[\s\S]*xor-out\.data[\s\S]*xor-out\.teach[\s\S]*xor-out\.wts/);
    expect(tlearn.err).toMatch(/note: training settings/);
    const back = join(dir, 'back.bplab');
    await cli('import', join(dir, 'xor-out.cf'), join(dir, 'xor-out.data'), join(dir, 'xor-out.teach'), '--out', back);
    expect((await readModel(back)).patterns.map((p) => p.target)).toEqual([[0], [1], [1], [0]]);
    // With the .wts, the weights come back too.
    const withWeights = join(dir, 'back-weights.bplab');
    await cli('import', join(dir, 'xor-out.cf'), join(dir, 'xor-out.data'), join(dir, 'xor-out.teach'), join(dir, 'xor-out.wts'), '--out', withWeights);
    expect((await readModel(withWeights)).state!.weights).toEqual(initial.weights); // the untrained model's initial weights

    const unknown = await cli('export', model, '--to', 'xlsx', '--out', join(dir, 'x'));
    expect(unknown.err).toMatch(/--to must name a format/);
  });
});
