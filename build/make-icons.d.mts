/** Types for the test of make-icons.mjs (test/unit/build/icons.test.ts). */
export const LINUX_SIZES: number[];
export const ICON_SETS: { source: string; name: string; linuxFolder: string }[];
export function render(svg: Buffer, size: number): Promise<Buffer>;
