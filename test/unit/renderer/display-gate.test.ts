import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choiceForPace, countUpTo, DISPLAY_CHOICES, DisplayGate, displayChoice, displayStep, LIVE, shownEpoch, valueAt } from '../../../src-renderer/shared/trainer/display-gate';

/** The trainer's epochs as metric batches bring them: ascending, in steps of any size. */
const epochStream = fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 200 }).map((steps) => {
  let epoch = 0;
  return steps.map((step) => (epoch += step));
});

describe('the display rate', () => {
  it('releases, while a run goes on, exactly the multiples of N the run crosses, and the final epoch once it stops', () => {
    fc.assert(
      fc.property(epochStream, fc.constantFrom(10, 100, 1000), (epochs, every) => {
        const gate = new DisplayGate(every);
        const released = new Set<number>();
        for (const epoch of epochs) released.add(gate.offer(epoch, true));
        const final = epochs[epochs.length - 1];
        // Every shown epoch is a multiple of N (0 before the first is reached) …
        for (const epoch of released) expect(epoch % every).toBe(0);
        // … and the shown one is always the latest multiple crossed.
        expect(gate.offer(final, true)).toBe(Math.floor(final / every) * every);
        // The multiples crossed by some batch are shown; one that a single batch jumped over need not be.
        const crossed = new Set(epochs.map((epoch) => Math.floor(epoch / every) * every));
        expect([...released].sort((a, b) => a - b)).toEqual([...crossed].sort((a, b) => a - b));
        // Pause or stop: the exact epoch.
        expect(gate.offer(final, false)).toBe(final);
      }),
    );
  });

  it('shows every epoch at "every epoch" and in slow motion', () => {
    const gate = new DisplayGate(1);
    expect([1, 2, 3, 57].map((epoch) => gate.offer(epoch, true))).toEqual([1, 2, 3, 57]);
  });

  it('does not step back when a run resumes between multiples, and moves on at the next one', () => {
    const gate = new DisplayGate(100);
    expect(gate.offer(357, false)).toBe(357);
    expect(gate.offer(380, true)).toBe(357);
    expect(gate.offer(399, true)).toBe(357);
    expect(gate.offer(400, true)).toBe(400);
    expect(gate.offer(480, true)).toBe(400);
    expect(gate.offer(512, true)).toBe(500);
  });

  it('follows a run that starts again from 0', () => {
    const gate = new DisplayGate(10);
    expect(gate.offer(95, true)).toBe(90);
    expect(gate.offer(0, false)).toBe(0);
    expect(gate.offer(7, true)).toBe(0);
    expect(gate.offer(12, true)).toBe(10);
    // A lower epoch while "training" (the series was cut): the latest multiple at or below it.
    expect(shownEpoch(90, 42, 10, true)).toBe(40);
  });

  it('gives the same answer however seldom it is asked (a lazy reader may skip epochs)', () => {
    fc.assert(
      fc.property(epochStream, fc.constantFrom(10, 100), fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }), (epochs, every, asked) => {
        const eager = new DisplayGate(every);
        const lazy = new DisplayGate(every);
        epochs.forEach((epoch, i) => {
          const shown = eager.offer(epoch, true);
          if (asked[i] || i === epochs.length - 1) expect(lazy.offer(epoch, true)).toBe(shown);
        });
      }),
    );
  });

  it('offers every epoch, every 10, 100 and 1000, and slow motion at 50, 20, 10, 5, 2 and 1 epochs a second', () => {
    expect(DISPLAY_CHOICES.map((choice) => [choice.every, choice.epochsPerSecond])).toEqual([
      [1, null],
      [10, null],
      [100, null],
      [1000, null],
      [1, 50],
      [1, 20],
      [1, 10],
      [1, 5],
      [1, 2],
      [1, 1],
    ]);
    expect(new Set(DISPLAY_CHOICES.map((choice) => choice.id)).size).toBe(DISPLAY_CHOICES.length);
    // A remembered choice is read back; anything else (nothing stored, an old value) is every epoch.
    for (const choice of DISPLAY_CHOICES) expect(displayChoice(choice.id)).toBe(choice);
    expect(displayChoice(null)).toBe(LIVE);
    expect(displayChoice('every-7')).toBe(LIVE);
    expect(choiceForPace(5)?.id).toBe('slow-5');
    expect(choiceForPace(7)).toBeNull();
  });
});

describe('the display step of a long run whose history thins', () => {
  it('is the least common multiple of the choice and the stride, so each shown epoch is one the series holds', () => {
    expect(displayStep(1, 64)).toBe(1);
    expect(displayStep(100, 1)).toBe(100);
    expect(displayStep(100, 4)).toBe(100);
    expect(displayStep(100, 8)).toBe(200);
    expect(displayStep(1000, 16)).toBe(2000);
    expect(displayStep(10, 1024)).toBe(5120);
    fc.assert(
      fc.property(fc.constantFrom(10, 100, 1000), fc.integer({ min: 0, max: 20 }), (every, power) => {
        const step = displayStep(every, 2 ** power);
        expect(step % every).toBe(0);
        expect(step % 2 ** power).toBe(0);
        expect(step).toBeLessThanOrEqual(every * 2 ** power);
      }),
    );
  });
});

describe('reading a series at the shown epoch', () => {
  const epochs = Float64Array.from([1, 2, 3, 4, 5, 6]);
  const tss = Float64Array.from([0.9, 0.8, 0.7, 0.6, 0.5, 0.4]);

  it('counts the epochs up to it, and finds its value', () => {
    expect([0, 1, 3, 6, 9].map((epoch) => countUpTo(epochs, epoch))).toEqual([0, 1, 3, 6, 6]);
    expect(valueAt(epochs, tss, 4)).toBe(0.6);
    expect(valueAt(epochs, tss, 0)).toBeNull();
    expect(valueAt(epochs, tss, 7)).toBeNull();
    expect(valueAt(new Float64Array(0), new Float64Array(0), 1)).toBeNull();
  });

  it('agrees with a linear search on any ascending series', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { maxLength: 100 }), fc.integer({ min: 0, max: 520 }), (values, epoch) => {
        const sorted = Float64Array.from(values.sort((a, b) => a - b));
        expect(countUpTo(sorted, epoch)).toBe(values.filter((value) => value <= epoch).length);
      }),
    );
  });
});
