/** What the benchmark scripts share: a seeded generator for their data, a hash of exact bits, and the clock they measure by. */

/** A linear congruential generator for benchmark data (not the engine's randomness). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** FNV-1a over the 32-bit words of `values` as doubles: a fingerprint of their exact bits. */
export function hashFloats(hash: number, values: ArrayLike<number>): number {
  const bits = new Uint32Array(Float64Array.from(values).buffer);
  for (let i = 0; i < bits.length; i++) hash = Math.imul(hash ^ bits[i], 16777619) >>> 0;
  return hash;
}

/**
 * `wall` (the default): per second of elapsed time. `cpu` (BENCH_CLOCK=cpu): per second of this process's
 * CPU time (process.cpuUsage), for a machine shared with other work: time the process waits for a core does
 * not count, on either side (tfjs's cpu and wasm backends run on this thread too).
 */
export const clock = process.env.BENCH_CLOCK === 'cpu' ? 'cpu' : 'wall';

/** Milliseconds of the chosen clock. */
export function now(): number {
  if (clock === 'wall') return performance.now();
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Prints each run's fingerprint after `presentations` patterns in one advance() call, checked against the
 * same run made again and advanced in odd slices (which must agree); then how many depended on slicing.
 */
export function printFingerprints<R extends { advance(budget: number): { presented: number } }>(
  runs: readonly { name: string; make: () => R; presentations: number }[], fingerprint: (run: R) => string,
): void {
  let failures = 0;
  for (const { name, make, presentations } of runs) {
    const a = make();
    a.advance(presentations);
    const b = make();
    let left = presentations;
    for (let step = 1; left > 0; step = (step * 7 + 3) % 23 + 1) left -= b.advance(Math.min(step, left)).presented;
    const fa = fingerprint(a);
    const fb = fingerprint(b);
    if (fa !== fb) failures++;
    console.log(`${name.padEnd(36)} ${fa}${fa === fb ? '' : ` ≠ sliced ${fb}`}`);
  }
  if (failures) console.log(`${failures} runs depend on slicing`);
}

/** What a fingerprint reads of a run (Simulation and GraphRun alike). */
export interface RunBits {
  network: { params: Float64Array };
  momentum: Float64Array;
  gradient: Float64Array;
  gradientPending: boolean;
  tssHistory: number[];
}

/** A run's exact bits as a hash: parameters, momentum, the pending gradient, the curve, then `more`, each in turn. */
export function hashRun(run: RunBits, ...more: ArrayLike<number>[]): string {
  let h = 2166136261;
  h = hashFloats(h, run.network.params);
  h = hashFloats(h, run.momentum);
  if (run.gradientPending) h = hashFloats(h, run.gradient);
  h = hashFloats(h, run.tssHistory);
  for (const values of more) h = hashFloats(h, values);
  return h.toString(16).padStart(8, '0');
}
