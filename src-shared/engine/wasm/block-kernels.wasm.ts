/** Moved to fast/wasm/block-kernels.wasm.ts; this entry keeps the old import path working while other branches still use it. */
export * from '../fast/wasm/block-kernels.wasm';
