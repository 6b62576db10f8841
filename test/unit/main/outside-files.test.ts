/**
 * Files from outside the running app: the launch's own, macOS's 'open-file' (also before 'ready'), and a
 * second launch handed over by the single-instance lock. Driven here as main's glue drives it.
 */
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { OutsideFiles, type OutsideFileWindows } from '../../../src-main/main/outside-files';

function windows() {
  return { openWindow: vi.fn(), openPath: vi.fn() } satisfies OutsideFileWindows;
}
const EXE = '/opt/Backprop Lab/backprop-lab';

describe('files from outside', () => {
  it('open one empty window at start when there are none', () => {
    const w = windows();
    new OutsideFiles(w, []).start();
    expect(w.openWindow.mock.calls).toEqual([[]]);
    expect(w.openPath).not.toHaveBeenCalled();
  });

  it('that arrive before the app is ready wait, then open a window each, without repeats', () => {
    const w = windows();
    const outside = new OutsideFiles(w, ['/m/a.bplab']);
    outside.openFile('/m/b.bplab');
    outside.openFile('/m/a.bplab');
    expect(w.openWindow).not.toHaveBeenCalled();
    outside.start();
    expect(w.openWindow.mock.calls).toEqual([['/m/a.bplab'], ['/m/b.bplab']]);
  });

  it('that arrive once the app runs open where openPath puts them (the focused empty window, or a new one)', () => {
    const w = windows();
    const outside = new OutsideFiles(w, []);
    outside.start();
    outside.openFile('/m/c.bplab');
    expect(w.openPath).toHaveBeenCalledWith('/m/c.bplab');
    expect(w.openWindow).toHaveBeenCalledTimes(1);
  });

  it('from a second launch open that launch’s model files, resolved against its working folder', () => {
    const w = windows();
    const outside = new OutsideFiles(w, []);
    outside.start();
    outside.secondInstance([EXE, '--allow-file-access-from-files', 'lab/xor.bplab', 'notes.txt'], '/home/ana', false);
    expect(w.openPath.mock.calls).toEqual([[resolve('/home/ana', 'lab/xor.bplab')]]);
    expect(w.openWindow).toHaveBeenCalledTimes(1);
  });

  it('a second launch without files opens a new window, but none before the first one exists', () => {
    const w = windows();
    const outside = new OutsideFiles(w, []);
    outside.secondInstance([EXE], '/home/ana', false);
    expect(w.openWindow).not.toHaveBeenCalled();
    outside.start();
    outside.secondInstance([EXE], '/home/ana', false);
    expect(w.openWindow).toHaveBeenCalledTimes(2);
  });

  it('a second launch before ready hands its files to the start', () => {
    const w = windows();
    const outside = new OutsideFiles(w, []);
    // In development Electron's argv has the script after the executable.
    outside.secondInstance(['/usr/bin/electron', 'out/main/index.js', '/m/d.bplab'], '/repo', true);
    outside.start();
    expect(w.openWindow.mock.calls).toEqual([['/m/d.bplab']]);
  });
});
