/** Types of assemble.mjs for the tests that import it. */
/** The module's text in parts, joined in this order. */
export declare const SOURCES: readonly string[];
export declare const OUTPUT: string;
/** The module's whole text: SOURCES joined. */
export declare function readSource(): Promise<string>;
/** The binary module of a .wat text (SIMD on; no names section). */
export declare function assemble(text: string, fileName?: string): Promise<Uint8Array>;
/** The generated TypeScript module for those bytes. */
export declare function moduleSource(bytes: Uint8Array): string;
