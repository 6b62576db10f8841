import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { MAX_RELOADS, reloadAfterRendererCrash, shouldReload } from '../../../src-main/main/renderer-recovery';

class FakeContents extends EventEmitter {
  reloads = 0;
  reload() {
    this.reloads++;
  }
  isDestroyed() {
    return false;
  }
}

describe('a crashed page', () => {
  it('is reloaded, unless it exited cleanly', () => {
    let clock = 0;
    const contents = new FakeContents();
    reloadAfterRendererCrash(contents as unknown as WebContents, () => clock, () => undefined);
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(contents.reloads).toBe(1);
    contents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(contents.reloads).toBe(1);
    clock += 1000;
    contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
    expect(contents.reloads).toBe(2);
  });

  it('that keeps crashing is left alone after a few reloads a minute', () => {
    let clock = 0;
    const contents = new FakeContents();
    reloadAfterRendererCrash(contents as unknown as WebContents, () => clock, () => undefined);
    for (let i = 0; i < MAX_RELOADS + 2; i++) {
      contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
      clock += 100;
    }
    expect(contents.reloads).toBe(MAX_RELOADS);
    clock += 61_000;
    contents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    expect(contents.reloads).toBe(MAX_RELOADS + 1);
  });

  it('decides from recent reloads only', () => {
    expect(shouldReload('crashed', [], 0)).toBe(true);
    expect(shouldReload('crashed', [0, 1, 2], 3)).toBe(false);
    expect(shouldReload('crashed', [0, 1, 2], 70_000)).toBe(true);
  });
});
