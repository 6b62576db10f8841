/**
 * Building doubles bit by bit, and reproducible random 32-bit words, for the bit-exact maths tests — written
 * apart from the engine's own word access (src-shared/engine/fdlibm/words.ts), so the tests' inputs do not
 * depend on the code they test.
 */
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const steps = new BigInt64Array(bits.buffer);

/** The double whose high and low 32-bit words are these. */
export function fromWords(high: number, low: number): number {
  words[1] = high;
  words[0] = low;
  return bits[0];
}

/** `value` moved by `ulps` units in the last place (through zero for small values). */
export function nudged(value: number, ulps: number): number {
  bits[0] = value;
  steps[0] += BigInt(ulps);
  return bits[0];
}

/** xorshift32: reproducible inputs without depending on the engine's own random streams. */
export function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}
