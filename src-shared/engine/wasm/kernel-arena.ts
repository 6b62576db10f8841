/** Moved to fast/wasm/kernel-arena.ts; this entry keeps the old import path working while other branches still use it. */
export * from '../fast/wasm/kernel-arena';
