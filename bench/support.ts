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
