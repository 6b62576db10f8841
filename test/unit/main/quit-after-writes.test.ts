import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { finishWritesBeforeQuit } from '../../../src-main/main/quit-after-writes';

/** Electron's app as far as quitting goes: quit() emits 'will-quit', and the process ends unless it is prevented. */
class FakeApp extends EventEmitter {
  ended = 0;
  quit(): void {
    let prevented = false;
    this.emit('will-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.ended++;
  }
}

describe('quitting', () => {
  it('waits for the writes under way, then quits for good', async () => {
    const app = new FakeApp();
    let finishWrites!: () => void;
    const writes = new Promise<void>((resolve) => (finishWrites = resolve));
    let asked = 0;
    finishWritesBeforeQuit(app, () => {
      asked++;
      return writes;
    });
    app.quit();
    // A second quit while waiting (Cmd+Q pressed again) waits for the same writes.
    app.quit();
    expect(app.ended).toBe(0);
    finishWrites();
    await writes;
    await new Promise((resolve) => setImmediate(resolve));
    expect(app.ended).toBe(1);
    expect(asked).toBe(1);
  });

  it('quits when nothing is being written, after the writes settle either way', async () => {
    const app = new FakeApp();
    finishWritesBeforeQuit(app, () => Promise.resolve());
    app.quit();
    await new Promise((resolve) => setImmediate(resolve));
    expect(app.ended).toBe(1);
  });
});
