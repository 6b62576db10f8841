import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../support/cli-harness';
import { examples } from '../../../src-shared/data/examples';
import { Simulation } from '../../../src-shared/engine/simulation';
import { parseModelText } from '../../../src-shared/model/parse';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bplab-cli-'));
});

describe('the command line', () => {
  it('lists the examples and prints each as a valid model file', async () => {
    const list = await cli('example', '--list');
    expect(list.code).toBe(0);
    for (const example of examples) {
      expect(list.out).toContain(example.id);
      const printed = await cli('example', example.id);
      expect(parseModelText(printed.out), example.id).toMatchObject({ ok: true });
    }
    const missing = await cli('example', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no example named "nope"; the examples are: xor/);
  });

  it('trains a file, writes the model and the curve, and continues exactly where it stopped', async () => {
    const file = join(dir, 'xor.bplab');
    await writeFile(file, (await cli('example', 'xor')).out);
    const half = join(dir, 'half.bplab');
    const whole = join(dir, 'whole.bplab');
    const curve = join(dir, 'curve.csv');
    expect((await cli('train', file, '--epochs', '40', '--out', half)).code).toBe(0);
    const trained = await cli('train', half, '--epochs', '40', '--out', whole, '--log', curve);
    // Progress shows the tss summed during each epoch's updates; the last line, a test pass after the last
    // epoch: two figures for the same epoch, each named.
    expect(trained.err).toMatch(/^epoch \d+\/80 {2}tss during epoch \d/);
    expect(trained.out).toMatch(/^epoch 80 {2}tss after epoch \d/);

    const straight = new Simulation(examples.find((e) => e.id === 'xor')!.build());
    straight.advance(Number.MAX_SAFE_INTEGER, 80);
    const saved = parseModelText(await readFile(whole, 'utf8'));
    if (!saved.ok) throw new Error('saved model refused');
    expect(saved.model.state).toEqual(straight.state());
    const rows = (await readFile(curve, 'utf8')).trim().split('\n');
    expect(rows[0]).toBe('epoch,tss,fraction_correct');
    expect(rows).toHaveLength(81);
    expect(Number(rows[80].split(',')[1])).toBe(straight.tssHistory[79]);
  });

  it('tests a don’t-care target as null in JSON and as * in the table, never as NaN', async () => {
    const model = JSON.parse((await cli('example', 'xor')).out) as { patterns: Array<{ target: (number | null)[] }> };
    model.patterns[1].target[0] = null;
    const file = join(dir, 'xor-dont-care.bplab');
    await writeFile(file, JSON.stringify(model));
    const report = JSON.parse((await cli('test', file, '--json')).out) as { patterns: Array<{ target: (number | null)[] }> };
    expect(report.patterns.map((p) => p.target)).toEqual([[0], [null], [1], [0]]);
    const table = (await cli('test', file)).out.split('\n');
    expect(table[2]).toMatch(/^01 +[\d.]+ \| {6}\* /);
    expect(table.join('\n')).not.toContain('NaN');
  });

  it('trains to the file’s criterion without --epochs, and tests the result', async () => {
    const file = join(dir, 'xor-full.bplab');
    await writeFile(file, (await cli('example', 'xor')).out);
    const out = join(dir, 'xor-trained.bplab');
    const trained = await cli('train', file, '--out', out);
    expect(trained.out).toMatch(/\(stopping criterion reached\)\nStopped at epoch \d+: every output of every pattern was within 0.1 of its target.\n$/);
    const tested = await cli('test', out, '--json');
    const report = JSON.parse(tested.out);
    expect(report.tss).toBeLessThan(0.04);
    expect(report.patterns).toHaveLength(4);
    const table = await cli('test', out);
    expect(table.out).toMatch(/^pattern {2}output \| target {2}pss/);
    expect(table.out).toMatch(/tss 0\.0\d+/);
  });

  it('validates files and says what is wrong, where', async () => {
    const good = join(dir, 'good.bplab');
    await writeFile(good, (await cli('example', 'xor')).out);
    expect((await cli('validate', good)).out).toMatch(/valid Backprop Lab model "XOR" \(2-2-1, 4 patterns, untrained\)/);
    const bad = join(dir, 'bad.bplab');
    const model = JSON.parse(await readFile(good, 'utf8'));
    model.training.learningRate = -0.5;
    await writeFile(bad, JSON.stringify(model));
    const refused = await cli('validate', bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/bad\.bplab is not a valid model file:\ntraining\.learningRate: must be zero or more/);
    const absent = await cli('test', join(dir, 'absent.bplab'));
    expect(absent.err).toMatch(/cannot read .*absent\.bplab: no such file/);
    expect((await cli('train', good, '--epochs', 'ten')).err).toMatch(/--epochs must be a whole number/);
    expect((await cli('fly')).code).toBe(2);
  });

  it('shows don’t-care targets as * in the table and null in JSON', async () => {
    const model = examples.find((e) => e.id === 'xor')!.build();
    model.patterns[0].target = [null];
    const file = join(dir, 'dont-care.bplab');
    await writeFile(file, JSON.stringify(model));
    const table = await cli('test', file);
    expect(table.out).toMatch(/^00 +\d\.\d{4} \| +\* /m);
    const json = JSON.parse((await cli('test', file, '--json')).out);
    expect(json.patterns[0].target).toEqual([null]);
    expect(json.patterns[0].pss).toBe(0);
  });
});
