/**
 * Ctrl-C during `train`: the run stops at the next safe point, as Pause would, the state reached is saved
 * to --out as a valid file, stderr says so, and the exit status is 130; a second Ctrl-C exits at once.
 * With a real child process receiving a real SIGINT.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliProcess } from '../../support/cli-harness';
import { examples } from '../../../src-shared/data/examples';
import { parseModelText } from '../../../src-shared/model/parse';
import { interruptHandler } from '../../../src-main/cli/interrupt';

/** Runs `train` until its progress shows, interrupts it `signals` times, and waits for it to end. */
async function interruptTraining(dir: string, signals: number): Promise<{ code: number | null; err: string; out: string; saved: string }> {
  const model = examples.find((e) => e.id === 'xor')!.build();
  // A run that would not end by itself: no criterion, no all-correct stop, the format's largest epoch count.
  model.training = { ...model.training, errorCriterion: 0, stopWhenAllCorrect: false, maxEpochs: 1e9 };
  const file = join(dir, 'endless.bplab');
  const saved = join(dir, 'interrupted.bplab');
  await writeFile(file, JSON.stringify(model));
  const child = cliProcess('train', file, '--out', saved);
  let err = '';
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => void (out += chunk.toString()));
  const started = new Promise<void>((resolve) => {
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (/epoch [1-9]\d*/.test(err)) resolve();
    });
  });
  const ended = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  await started;
  for (let i = 0; i < signals; i++) child.kill('SIGINT');
  return { code: await ended, err, out, saved };
}

describe('Ctrl-C during train', () => {
  it('saves the state reached to --out, says so, and exits 130', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bplab-interrupt-'));
    const { code, err, saved } = await interruptTraining(dir, 1);
    expect(code).toBe(130);
    const said = /interrupted at epoch (\d+); saved to (.+)\n/.exec(err);
    expect(said, err).not.toBeNull();
    expect(said![2]).toBe(saved);
    const parsed = parseModelText(await readFile(saved, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.model.state!.epoch).toBe(Number(said![1]));
    expect(parsed.model.state!.epoch).toBeGreaterThan(0);
  }, 60_000);

  it('two Ctrl-Cs in a row end it with 130, leaving at most a whole file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bplab-interrupt-'));
    const { code, saved } = await interruptTraining(dir, 2);
    expect(code).toBe(130);
    const written = await readFile(saved, 'utf8').catch(() => null);
    if (written !== null) expect(parseModelText(written).ok).toBe(true);
  }, 60_000);

  it('a second Ctrl-C exits at once, whatever the first was doing', () => {
    const calls: string[] = [];
    const handler = interruptHandler(() => calls.push('pause'), (code) => calls.push(`exit ${code}`));
    handler();
    expect(calls).toEqual(['pause']);
    handler();
    expect(calls).toEqual(['pause', 'exit 130']);
  });
});
