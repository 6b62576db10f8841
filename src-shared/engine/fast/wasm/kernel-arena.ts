/**
 * Where the WebAssembly kernels (block-kernels.wat) can reach a simulation's numbers: one WebAssembly memory
 * per simulation, handed out as ordinary typed arrays — the parameters, their momentum terms, the patterns,
 * the order and pss, the pass buffers — so every other part of the engine reads and writes them as before,
 * and each kernel call can run in WebAssembly or in TypeScript with the same bits (block.ts and online.ts
 * choose per call: WebAssembly when every array the call touches is in the arena).
 *
 * The memory is sized once, for everything the simulation will ask for, and never grows (growing would
 * detach every view). Where WebAssembly or its SIMD is missing, or the memory cannot be had, there is no
 * arena and the engine runs its TypeScript kernels: same results, slower.
 */
import { exp } from '../../exp';
import { BLOCK_KERNELS_BASE64 } from './block-kernels.wasm';

/** block-kernels.wat's exports; pointers are byte offsets into the arena's memory. */
export interface BlockKernels {
  forward(H: number, W: number, b: number, OUT: number, m: number, K: number, N: number): void;
  backward(D: number, B: number, OUT: number, m: number, N: number, K: number): void;
  gradientUpdate(D: number, H: number, W: number, mW: number, m: number, N: number, K: number, lr: number, alpha: number): void;
  /** gradientUpdate that also stores g in G (N × K). */
  gradientKeepUpdate(D: number, H: number, G: number, W: number, mW: number, m: number, N: number, K: number, lr: number, alpha: number): void;
  biasGradientUpdate(D: number, b: number, mb: number, m: number, N: number, lr: number, alpha: number): void;
  logistic(net: number, out: number, length: number): void;
  logisticDerivative(act: number, delta: number, length: number): void;
  /** Runs a step program (../step-program.ts) at `program`; `registers` holds the byte offsets its copies to and from stored events add. */
  runProgram(program: number, registers: number): void;
  /** `order` is −1 for none; `correct` holds bytes. */
  logisticSquaredError(act: number, targets: number, order: number, first: number, delta: number, rows: number, units: number,
    margin: number, pss: number, correct: number): void;
  /** Returns the position reached, or −1 − position when a pss was not finite. */
  classicOnline(context: number, pss: number, position: number, end: number, margin: number, lr: number, alpha: number): number;
  /** 1 when every value copied is within ±bound, else 0. */
  copyWithinBound(from: number, to: number, n: number, bound: number): number;
}

/** The part of the host's WebAssembly API used here (src-shared is typed without DOM or Node globals). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum: number }) => { buffer: ArrayBuffer };
}
const host = globalThis as unknown as { WebAssembly?: WebAssemblyApi; atob?: (text: string) => string };

const PAGE_BYTES = 65536;
/** Each array starts on a 64-byte boundary (a cache line; the kernels' vectors need 16). */
const ALIGN_BYTES = 64;
/** Above this the simulation keeps ordinary arrays (a WebAssembly memory is addressed by 32-bit offsets). */
const MAX_ARENA_BYTES = 2 ** 31;

let compiled: object | null | undefined;
let enabled = true;

/** The compiled module, or null where this host cannot compile it (no WebAssembly, no SIMD, a CSP). */
function compiledKernels(): object | null {
  if (compiled === undefined) {
    compiled = null;
    try {
      if (host.WebAssembly && host.atob) {
        const text = host.atob(BLOCK_KERNELS_BASE64);
        const bytes = new Uint8Array(text.length);
        for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
        compiled = new host.WebAssembly.Module(bytes);
      }
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/**
 * Whether new simulations use the WebAssembly kernels (default: wherever the host can). Tests and
 * benchmarks switch it off to run the TypeScript kernels, which give the same bits.
 */
export function useWasmKernels(on: boolean): void {
  enabled = on;
}

export function wasmKernelsAvailable(): boolean {
  return compiledKernels() !== null;
}

/** Whether KernelArena.create can give an arena here (the kernels compile and are switched on). */
export function kernelArenasEnabled(): boolean {
  return enabled && compiledKernels() !== null;
}

/**
 * Where a run's buffers come from: a KernelArena, or arena-layout.ts's measuring stand-in, which hands out
 * ordinary arrays and holds none of them (so no kernel call is ever sent to WebAssembly through it).
 */
export interface ArenaMemory {
  readonly kernels: BlockKernels;
  readonly buffer: ArrayBuffer;
  allocate(length: number): Float64Array;
  allocateUint32(length: number): Uint32Array;
  allocateUint8(length: number): Uint8Array;
  holds(array: Float64Array | Uint32Array | Uint8Array): boolean;
}

const aligned = (bytes: number) => Math.ceil(bytes / ALIGN_BYTES) * ALIGN_BYTES;

/** Bytes an arena hands out for an array of `bytes` (each array starts aligned). */
export const arenaBytes = aligned;

export class KernelArena implements ArenaMemory {
  readonly kernels: BlockKernels;
  readonly buffer: ArrayBuffer;
  private next = 0;

  private constructor(module: object, pages: number, private readonly reserved: number) {
    const wasm = host.WebAssembly!;
    const memory = new wasm.Memory({ initial: pages, maximum: pages });
    const instance = new wasm.Instance(module, { env: { memory, exp } });
    this.kernels = instance.exports as unknown as BlockKernels;
    this.buffer = memory.buffer;
  }

  /**
   * An arena of `bytes` (arena-layout.ts measures them), or null when the WebAssembly kernels are off, unavailable, or
   * the memory cannot be had.
   */
  static create(bytes: number): KernelArena | null {
    const module = enabled ? compiledKernels() : null;
    if (!module || bytes > MAX_ARENA_BYTES) return null;
    try {
      return new KernelArena(module, Math.max(1, Math.ceil(bytes / PAGE_BYTES)), bytes);
    } catch {
      return null;
    }
  }

  /** A zeroed array in the arena; an ordinary one when the arena is full (its kernel calls then run in TypeScript). */
  allocate(length: number): Float64Array {
    const at = this.take(length * 8);
    return at < 0 ? new Float64Array(length) : new Float64Array(this.buffer, at, length);
  }

  allocateUint32(length: number): Uint32Array {
    const at = this.take(length * 4);
    return at < 0 ? new Uint32Array(length) : new Uint32Array(this.buffer, at, length);
  }

  allocateUint8(length: number): Uint8Array {
    const at = this.take(length);
    return at < 0 ? new Uint8Array(length) : new Uint8Array(this.buffer, at, length);
  }

  /** Whether what was handed out fits the bytes asked for at creation (the rest of the last page is slack). */
  get withinReservation(): boolean {
    return this.next <= this.reserved;
  }

  /** Bytes handed out so far, and asked for at creation. */
  get bytesHandedOut(): number {
    return this.next;
  }

  get bytesReserved(): number {
    return this.reserved;
  }

  /** Where `bytes` more start, or −1 when they do not fit. */
  private take(bytes: number): number {
    const at = this.next;
    if (at + aligned(bytes) > this.buffer.byteLength) return -1;
    this.next += aligned(bytes);
    return at;
  }

  holds(array: Float64Array | Uint32Array | Uint8Array): boolean {
    return array.buffer === this.buffer;
  }
}
