import { describe, expect, it } from 'vitest';
import { restartDelay, superviseTrainer, type SupervisedTrainer } from '../../../src-shared/trainer/trainer-supervisor';

class FakeTrainer implements SupervisedTrainer {
  killed = false;
  private exitListener: ((how: string) => void) | null = null;
  onExit(listener: (how: string) => void) {
    this.exitListener = listener;
  }
  kill() {
    this.killed = true;
    this.exitListener?.('killed by main');
  }
  crash(how = 'exit code 139') {
    this.exitListener?.(how);
  }
}

function setUp() {
  const trainers: FakeTrainer[] = [];
  const delivered: { port: number; restarted: string | null }[] = [];
  const timers: { run: () => void; delay: number; cancelled: boolean }[] = [];
  let clock = 0;
  const supervisor = superviseTrainer<number>({
    start: () => {
      trainers.push(new FakeTrainer());
      return { trainer: trainers.at(-1)!, pagePort: trainers.length };
    },
    deliver: (port, restarted) => delivered.push({ port, restarted }),
    schedule: (run, delay) => {
      const timer = { run, delay, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    },
    now: () => clock,
    warn: () => undefined,
  });
  const runTimers = () => timers.splice(0).forEach((t) => t.cancelled || t.run());
  return { supervisor, trainers, delivered, timers, runTimers, advance: (ms: number) => (clock += ms) };
}

describe('the trainer supervisor', () => {
  it('starts a trainer when the page asks and hands it the port, with no restart message', () => {
    const { supervisor, trainers, delivered } = setUp();
    expect(trainers).toHaveLength(0);
    supervisor.connect();
    expect(trainers).toHaveLength(1);
    expect(delivered).toEqual([{ port: 1, restarted: null }]);
  });

  it('gives a page that asks again a fresh trainer, ending the old one without taking that for a crash', () => {
    const { supervisor, trainers, delivered, timers } = setUp();
    supervisor.connect();
    supervisor.connect();
    expect(trainers[0].killed).toBe(true);
    expect(trainers).toHaveLength(2);
    expect(timers).toHaveLength(0);
    expect(delivered.map((d) => d.restarted)).toEqual([null, null]);
  });

  it('replaces a trainer that died, telling the page once with a clear message', () => {
    const { supervisor, trainers, delivered, timers, runTimers } = setUp();
    supervisor.connect();
    trainers[0].crash('exit code 139');
    expect(timers.map((t) => t.delay)).toEqual([0]);
    runTimers();
    expect(trainers).toHaveLength(2);
    expect(delivered[1]).toEqual({ port: 2, restarted: expect.stringMatching(/^The trainer stopped unexpectedly \(exit code 139\) and was restarted\./) });
    expect(delivered).toHaveLength(2);
  });

  it('backs off when the trainer keeps dying, and starts afresh after a quiet minute', () => {
    const { supervisor, trainers, timers, runTimers, advance } = setUp();
    supervisor.connect();
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      trainers.at(-1)!.crash();
      delays.push(timers[0].delay);
      runTimers();
      advance(100);
    }
    expect(delays).toEqual([0, 1000, 2000, 4000]);
    advance(61_000);
    trainers.at(-1)!.crash();
    expect(timers[0].delay).toBe(0);
  });

  it('stops for good when the window closes, even with a restart pending', () => {
    const { supervisor, trainers, runTimers } = setUp();
    supervisor.connect();
    trainers[0].crash();
    supervisor.dispose();
    runTimers();
    expect(trainers).toHaveLength(1);
    supervisor.connect();
    expect(trainers).toHaveLength(1);
  });

  it('ignores the exit of a trainer it already replaced', () => {
    const { supervisor, trainers, timers } = setUp();
    supervisor.connect();
    const first = trainers[0];
    supervisor.connect();
    first.crash();
    expect(timers).toHaveLength(0);
  });

  it('computes the delay from recent deaths only', () => {
    expect(restartDelay([0], 0)).toBe(0);
    expect(restartDelay([0, 10], 10)).toBe(1000);
    expect(restartDelay(Array.from({ length: 20 }, (_, i) => i), 20)).toBe(30_000);
    expect(restartDelay([0, 70_000], 70_000)).toBe(0);
  });
});
