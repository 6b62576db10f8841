import { describe, expect, it } from 'vitest';
import { SILENCE_MS, SilenceWatch } from '../../../src-shared/trainer/silence-watch';

describe('hung-trainer detection', () => {
  it('finds a training trainer silent for longer than SILENCE_MS, and never an idle one', () => {
    let time = 0;
    const watch = new SilenceWatch(() => time);
    time += SILENCE_MS * 10;
    expect(watch.silent()).toBe(false);
    watch.sent({ type: 'pause' });
    time += SILENCE_MS * 10;
    expect(watch.silent()).toBe(false);

    watch.sent({ type: 'train' });
    time += SILENCE_MS;
    expect(watch.silent()).toBe(false);
    watch.heard({ type: 'metrics' });
    time += SILENCE_MS + 1;
    expect(watch.silent()).toBe(true);
  });

  it('stands down when the trainer says it stopped, and watches again for a step', () => {
    let time = 0;
    const watch = new SilenceWatch(() => time);
    watch.sent({ type: 'stepPattern' });
    watch.heard({ type: 'status', status: 'paused' });
    time += SILENCE_MS * 2;
    expect(watch.silent()).toBe(false);
    watch.sent({ type: 'step', epochs: 3 });
    time += SILENCE_MS + 1;
    expect(watch.silent()).toBe(true);
    watch.heard({ type: 'status', status: 'training' });
    expect(watch.silent()).toBe(false);
  });
});
