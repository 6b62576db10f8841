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
import { HISTORY_CAPACITY } from '../../../src-shared/model/epoch-history';
import { parseModelText } from '../../../src-shared/model/parse';
import { serializeModel } from '../../../src-shared/model/serialize';
import { largestTrainedModel } from '../../support/largest-model';

const run = promisify(execFile);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bplab-largest-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], { maxBuffer: 1 << 24, timeout: 600_000 });

describe('the largest network, in the command line', () => {
  it('trains, saves with momentum, feedback matrices and a full history, and opens again', async () => {
    const file = join(dir, 'largest.bplab');
    await writeFile(file, serializeModel(largestTrainedModel()));
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
