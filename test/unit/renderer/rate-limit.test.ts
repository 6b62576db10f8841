import { describe, expect, it } from 'vitest';
import { RateLimit, type Clock } from '../../../src-renderer/shared/rate-limit';

/** A clock whose time moves only when the test says, running what is due. */
class FakeClock implements Clock {
  time = 0;
  private due: { at: number; run: () => void; cancelled: boolean }[] = [];
  now = () => this.time;
  schedule(run: () => void, ms: number) {
    const entry = { at: this.time + ms, run, cancelled: false };
    this.due.push(entry);
    return () => void (entry.cancelled = true);
  }
  advance(ms: number): void {
    this.time += ms;
    const ready = this.due.filter((e) => !e.cancelled && e.at <= this.time);
    this.due = this.due.filter((e) => !ready.includes(e));
    for (const entry of ready) entry.run();
  }
  get pending(): number {
    return this.due.filter((e) => !e.cancelled).length;
  }
}

describe('RateLimit', () => {
  it('while holding back, shows at most once per interval, and the latest value when the interval ends', () => {
    const clock = new FakeClock();
    const limit = new RateLimit(250, clock);
    let source = 0;
    const shown: number[] = [];
    const offer = (value: number) => {
      source = value;
      limit.offer(() => shown.push(source), true);
    };
    offer(1); // the first is shown at once
    clock.advance(10);
    offer(2);
    clock.advance(10);
    offer(3); // 2 and 3 wait for the interval; one showing is scheduled, not two
    expect(shown).toEqual([1]);
    expect(clock.pending).toBe(1);
    clock.advance(230);
    expect(shown).toEqual([1, 3]);
    clock.advance(1000);
    expect(shown).toEqual([1, 3]);
  });

  it('shows at once when not holding back, cancelling a showing still to come', () => {
    const clock = new FakeClock();
    const limit = new RateLimit(250, clock);
    const shown: string[] = [];
    limit.offer(() => shown.push('a'), true);
    limit.offer(() => shown.push('b'), true);
    expect(clock.pending).toBe(1);
    limit.offer(() => shown.push('final'), false);
    expect(shown).toEqual(['a', 'final']);
    expect(clock.pending).toBe(0);
    clock.advance(1000);
    expect(shown).toEqual(['a', 'final']);
  });

  it('dispose cancels what is scheduled', () => {
    const clock = new FakeClock();
    const limit = new RateLimit(100, clock);
    const shown: number[] = [];
    limit.offer(() => shown.push(1), true);
    limit.offer(() => shown.push(2), true);
    limit.dispose();
    clock.advance(500);
    expect(shown).toEqual([1]);
  });
});
