import { fork } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src-main/files/atomic-write';

const saver = fileURLToPath(new URL('./save-forever.ts', import.meta.url));

describe('saving a file atomically', () => {
  it('replaces the file and leaves no temporary file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bplab-atomic-'));
    const file = join(dir, 'model.bplab');
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['model.bplab']);
  });

  it('writes bytes as they are (an exported PNG)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bplab-atomic-'));
    const file = join(dir, 'chart.png');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]);
    await writeFileAtomic(file, png);
    expect(new Uint8Array(await readFile(file))).toEqual(png);
  });

  it('when the save fails, keeps the file that was there and cleans up', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bplab-atomic-'));
    const target = join(dir, 'taken');
    await mkdir(join(target, 'inside'), { recursive: true });
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(await readdir(target)).toEqual(['inside']);
    expect(await readdir(dir)).toEqual(['taken']);
  });

  it('a process killed mid-save never leaves a damaged file: it holds the old or the new contents whole', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bplab-atomic-'));
    const file = join(dir, 'model.bplab');
    const versions = ['a', 'b'].map((letter) => letter.repeat(8 * 1024 * 1024));
    await writeFile(file, versions[0]);
    for (const delay of [150, 400, 700]) {
      // The saver itself, with tsx as a loader: not tsx's command line, which runs it in a child of its
      // own that a kill of the command line would leave saving forever.
      const child = fork(saver, [file], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const contents = await readFile(file, 'utf8');
      expect(versions).toContain(contents);
    }
    // Killed means stopped: nothing writes to the file any more.
    const before = (await stat(file)).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await stat(file)).mtimeMs).toBe(before);
  }, 30_000);
});
