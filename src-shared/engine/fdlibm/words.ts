/**
 * The word access fdlibm does with GET_HIGH_WORD / GET_LOW_WORD / INSERT_WORDS (fdlibm.h, math_private.h in
 * FreeBSD msun), on one shared 8-byte buffer viewed as a Float64Array and an Int32Array, as exp.ts's tests
 * do. Little-endian hosts (every host the engine runs on): word 1 is the high word, word 0 the low word.
 * The high word is read signed (int32_t hx in fdlibm); the low word as an unsigned 32-bit value (u_int32_t).
 */
const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);

/** GET_HIGH_WORD: the sign, exponent and top 20 mantissa bits of x, as a signed 32-bit integer. */
export function highWord(x: number): number {
  bits[0] = x;
  return words[1];
}

/** GET_LOW_WORD: the low 32 mantissa bits of x, unsigned. */
export function lowWord(x: number): number {
  bits[0] = x;
  return words[0] >>> 0;
}

/** INSERT_WORDS: the double with these high and low words. */
export function fromWords(high: number, low: number): number {
  words[1] = high;
  words[0] = low;
  return bits[0];
}

/** SET_HIGH_WORD: x with its high word replaced. */
export function withHighWord(x: number, high: number): number {
  bits[0] = x;
  words[1] = high;
  return bits[0];
}
