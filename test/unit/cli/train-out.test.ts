/**
 * `train --out` writes only a file the loader accepts, and never writes over a good file with one it would
 * refuse: an epoch target past what a file can record is refused before training, and the writer itself
 * checks what it writes.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeModelFile } from '../../../src-main/cli/model-file';
import { examples } from '../../../src-shared/data/examples';
import { Simulation } from '../../../src-shared/engine/simulation';
import { parseModelText } from '../../../src-shared/model/parse';
import { cli } from '../../support/cli-harness';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bplab-train-out-'));
});

const xorText = () => new Simulation(examples.find((e) => e.id === 'xor')!.build());

describe('train --out', () => {
  it('refuses an epoch target past what a file can record, before training, and keeps the file', async () => {
    const file = join(dir, 'a.bplab');
    await writeFile(file, (await cli('example', 'xor')).out);
    expect((await cli('train', file, '--epochs', '10', '--out', file)).code).toBe(0);
    const before = await readFile(file, 'utf8');
    const run = await cli('train', file, '--epochs', '1000000000', '--out', file);
    expect(run.code).not.toBe(0);
    expect(run.err).toMatch(/--epochs.*999999990/);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(parseModelText(before)).toMatchObject({ ok: true });
  });

  it('trains up to the last epoch a file can record', async () => {
    const file = join(dir, 'b.bplab');
    await writeFile(file, (await cli('example', 'xor')).out);
    expect((await cli('train', file, '--epochs', '10', '--out', file)).code).toBe(0);
    const run = await cli('train', file, '--epochs', '999999990', '--out', file);
    expect(run.code).toBe(0);
    const saved = parseModelText(await readFile(file, 'utf8'));
    expect(saved).toMatchObject({ ok: true, model: { training: { maxEpochs: 1e9 } } });
  });

  it('refuses a file whose initial range would draw weights past the bound, naming the field', async () => {
    const file = join(dir, 'huge.bplab');
    const model = JSON.parse((await cli('example', 'xor')).out);
    model.training.init = { kind: 'uniform', range: 1e308 };
    await writeFile(file, JSON.stringify(model));
    const run = await cli('train', file, '--out', file);
    expect(run.code).not.toBe(0);
    expect(run.err).toMatch(/training\.init\.range/);
  });

  it('never writes over a good file with one the loader would refuse', async () => {
    const file = join(dir, 'good.bplab');
    await writeFile(file, (await cli('example', 'xor')).out);
    const before = await readFile(file, 'utf8');
    const simulation = xorText();
    const bad = simulation.toModel();
    bad.state!.weights[0][0][0] = 1e13;
    await expect(writeModelFile(file, bad, true)).rejects.toThrow(/not written.*state\.weights\[0\]\[0\]\[0\]/s);
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});
