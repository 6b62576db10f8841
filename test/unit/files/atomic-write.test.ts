import { fork, spawn } from 'node:child_process';
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

  it('the next save removes temporary files of that name left by processes that have ended, never a live one’s', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bplab-atomic-'));
    const file = join(dir, 'model.bplab');
    const ended = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => ended.once('exit', resolve));
    const living = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const left = [
        `.model.bplab.${ended.pid}.1700000000000.tmp`, // a save killed mid-way: removed
        `.model.bplab.${living.pid}.1700000000001.tmp`, // another process saving now: kept
        `.model.bplab.${process.pid}.1700000000002.tmp`, // this process's own other save: kept
        `.other.bplab.${ended.pid}.1700000000003.tmp`, // another file's: not this save's business
        `.model.bplab.${ended.pid}.tmp`, // not a name writeFileAtomic makes: kept
      ];
      for (const name of left) await writeFile(join(dir, name), 'x'.repeat(1024));
      await writeFileAtomic(file, 'new');
      expect(await readFile(file, 'utf8')).toBe('new');
      expect((await readdir(dir)).sort()).toEqual(['model.bplab', ...left.slice(1)].sort());
    } finally {
      living.kill();
    }
  });

  it('after saves killed mid-way, the next save leaves only the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bplab-atomic-'));
    const file = join(dir, 'model.bplab');
    const child = fork(saver, [file], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
    // Until a temporary file is seen, so that the kill lands mid-save.
    while (!(await readdir(dir)).some((name) => name.endsWith('.tmp'))) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect((await readdir(dir)).some((name) => name.endsWith('.tmp'))).toBe(true);
    await writeFileAtomic(file, 'new');
    expect(await readdir(dir)).toEqual(['model.bplab']);
  }, 30_000);
});
