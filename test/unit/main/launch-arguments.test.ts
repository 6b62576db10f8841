import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLaunch } from '../../../src-main/main/launch-arguments';

const installed = { defaultApp: false, cwd: '/home/ada' };
const development = { defaultApp: true, cwd: '/work' };

describe('a launch', () => {
  it('with no arguments starts the app with nothing to open', () => {
    expect(parseLaunch(['/opt/Backprop Lab/backprop-lab'], installed)).toEqual({ kind: 'app', documents: [] });
    expect(parseLaunch(['/usr/bin/electron', 'out/main/index.js'], development)).toEqual({ kind: 'app', documents: [] });
  });

  it('with a double-clicked model file opens it, resolved against the working folder', () => {
    expect(parseLaunch(['backprop-lab', 'xor.bplab'], installed)).toEqual({ kind: 'app', documents: [resolve('/home/ada', 'xor.bplab')] });
    expect(parseLaunch(['Backprop Lab.exe', '/data/Models/Encoder.BPLAB'], installed)).toEqual({ kind: 'app', documents: [resolve('/data/Models/Encoder.BPLAB')] });
    expect(parseLaunch(['electron', 'out/main/index.js', 'a.bplab'], development)).toEqual({ kind: 'app', documents: [resolve('/work', 'a.bplab')] });
  });

  it('ignores flags (Chromium’s, macOS’s -psn_), other files and repeats', () => {
    const argv = ['backprop-lab', '--allow-file-access-from-files', '-psn_0_12345', 'notes.txt', 'a.bplab', '--original-process-start-time=1', 'a.bplab'];
    expect(parseLaunch(argv, installed)).toEqual({ kind: 'app', documents: [resolve('/home/ada', 'a.bplab')] });
  });

  it('with `cli` or `--cli` first runs the command line with the rest', () => {
    expect(parseLaunch(['backprop-lab', 'cli', 'train', 'xor.bplab', '--epochs', '10'], installed)).toEqual({ kind: 'cli', args: ['train', 'xor.bplab', '--epochs', '10'] });
    expect(parseLaunch(['Backprop Lab.exe', '--cli', 'example', '--list'], installed)).toEqual({ kind: 'cli', args: ['example', '--list'] });
    expect(parseLaunch(['electron', 'out/main/index.js', '--cli'], development)).toEqual({ kind: 'cli', args: [] });
    // Only as the first argument: a model file named "cli" elsewhere is not the command line.
    expect(parseLaunch(['backprop-lab', 'x.bplab', 'cli'], installed).kind).toBe('app');
  });
});
