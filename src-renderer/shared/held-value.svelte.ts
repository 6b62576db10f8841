/**
 * A value that follows its source at most once every `intervalMs` while `holding()` is true, and at once
 * otherwise (rate-limit.ts): an experiment's charts redraw a few times a second while runs stream in
 * (recomputing every condition's mean and confidence band over all runs each time), and show the exact
 * final state when it stops. Create it while a component is being set up: it lives as long as that component.
 */
import { untrack } from 'svelte';
import { RateLimit } from './rate-limit';

export class HeldValue<T> {
  current: T;

  constructor(source: () => T, holding: () => boolean, intervalMs: number) {
    this.current = $state.raw(untrack(source));
    const limit = new RateLimit(intervalMs);
    $effect(() => {
      source();
      limit.offer(() => (this.current = untrack(source)), holding());
    });
    $effect(() => () => limit.dispose());
  }
}
