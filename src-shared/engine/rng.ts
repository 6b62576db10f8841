/**
 * Seeded random streams. One seed fixes a run; each use (initial weights, feedback matrices, pattern order,
 * noise) draws from its own stream, a jump of 2^64 steps apart in xoroshiro128+, so changing how one is
 * used never changes another (a new pattern order leaves the initial weights as they were).
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { cos } from './fdlibm/cos';
import { log } from './fdlibm/log';

export type StreamName = 'init' | 'feedback' | 'order' | 'noise';
const streamOrder: readonly StreamName[] = ['init', 'feedback', 'order', 'noise'];

export class RandomStream {
  private constructor(private readonly generator: JumpableRandomGenerator) {}

  static forSeed(seed: number, stream: StreamName): RandomStream {
    const generator = xoroshiro128plus(seed);
    for (let i = 0; i < streamOrder.indexOf(stream); i++) generator.jump();
    return new RandomStream(generator);
  }

  static fromState(state: readonly number[]): RandomStream {
    return new RandomStream(xoroshiro128plusFromState(state));
  }

  clone(): RandomStream {
    return new RandomStream(this.generator.clone());
  }

  /** Uniform in [0, 1), 53 bits. */
  uniform(): number {
    return uniformFloat64(this.generator);
  }

  /**
   * N(0, 1) by Box–Muller from two uniform draws; only the cosine half is used, so a stream holds no cached
   * spare and its state alone says what comes next. The logarithm and cosine are fdlibm's (./fdlibm), not
   * Math's: V8 after Node 20 no longer computes Math.log and Math.cos with fdlibm, and the draws must be the
   * same bits in Node and in the browser.
   */
  gaussian(): number {
    const u1 = 1 - this.uniform(); // (0, 1]: the logarithm stays finite
    const u2 = this.uniform();
    return Math.sqrt(-2 * log(u1)) * cos(2 * Math.PI * u2);
  }

  /** An integer uniform in [0, n). */
  below(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Fisher–Yates, in place: the draws of below(i + 1), i from the last index down, with the generator in hand. */
  shuffle(values: Uint32Array): void {
    const generator = this.generator;
    for (let i = values.length - 1; i > 0; i--) {
      const j = Math.floor(uniformFloat64(generator) * (i + 1));
      const t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }

  state(): number[] {
    return [...this.generator.getState()];
  }
}
