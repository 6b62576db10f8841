/**
 * A graph network from the command line and through the trainer: `train` and `test` run it on the graph
 * path and continue it exactly; the trainer the app talks to loads it on the same path.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findExample } from '../../../src-shared/data/examples';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';
import { parseModelText } from '../../../src-shared/model/parse';
import { cli } from '../../support/cli-harness';
import { startTrainer } from '../../support/trainer-harness';

describe('a graph network outside the app', () => {
  it('trains and tests on the command line, continuing exactly where it stopped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bplab-graph-'));
    const file = join(dir, 'xor-2-1-1.bplab');
    await writeFile(file, (await cli('example', 'xor-2-1-1')).out);
    const half = join(dir, 'half.bplab');
    const whole = join(dir, 'whole.bplab');
    expect((await cli('train', file, '--epochs', '30', '--out', half)).code).toBe(0);
    const trained = await cli('train', half, '--epochs', '30', '--out', whole);
    expect(trained.out).toMatch(/^epoch 60 {2}tss after epoch \d/);
    const continued = parseModelText(await readFile(whole, 'utf8'));
    if (!continued.ok) throw new Error(JSON.stringify(continued.problems));
    const straight = new GraphRun(findExample('xor-2-1-1')!.build());
    straight.advance(Number.MAX_SAFE_INTEGER, 60);
    expect(continued.model.state).toEqual(straight.state());
    const tested = await cli('test', whole);
    expect(tested.out).toMatch(/^pattern +output \| target +pss\n00 /);
    expect(tested.out).toMatch(/epoch 60 {2}tss \d/);
  });

  it('exports its tables and tlearn files per layer and projection, and is refused by name by the formats that assume a chain', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bplab-graph-'));
    const file = join(dir, 'xor-2-1-1.bplab');
    await writeFile(file, (await cli('example', 'xor-2-1-1')).out);
    const tlearn = await cli('export', file, '--to', 'tlearn', '--out', join(dir, 'net'));
    expect(tlearn.code).toBe(0);
    expect(await readFile(join(dir, 'net.cf'), 'utf8')).toMatch(/\n1 from i1-i2\n2 from i1-i2\n2 from 1\n/);
    const weights = await cli('export', file, '--to', 'weights', '--layer', '1', '--out', join(dir, 'skip.csv'));
    expect(weights.code).toBe(0);
    expect((await readFile(join(dir, 'skip.csv'), 'utf8')).split('\n')[0]).toBe('unit,input_1,input_2,bias');
    const lens = await cli('export', file, '--to', 'ex', '--out', join(dir, 'net.ex'));
    expect(lens.code).toBe(0);
    expect(await readFile(join(dir, 'net.ex'), 'utf8')).toMatch(/^name: \{.*\} I: 0 1 T: 1;$/m);
  });

  it('is loaded by the app\'s trainer on the graph path (test/unit/trainer/serve-trainer-graph.test.ts trains it)', async () => {
    const trainer = startTrainer();
    const graph = await trainer.request({ type: 'load', model: findExample('xor-2-1-1')!.build() }, 'result');
    expect(graph.state.weights).toHaveLength(3);
    expect(trainer.events('error')).toEqual([]);
    const loaded = await trainer.request({ type: 'load', model: findExample('xor')!.build() }, 'result');
    expect(loaded.epoch).toBe(0);
  });
});
