/** postject ships no types; this is the one function of its API the standalone build calls. */
declare module 'postject' {
  export function inject(
    filename: string,
    resourceName: string,
    resourceData: Buffer,
    options?: { sentinelFuse?: string; overwrite?: boolean; machoSegmentName?: string },
  ): Promise<void>;
}
