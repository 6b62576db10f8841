/** Types for the tests of electronegativity.mjs. */
export interface Finding {
  check: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  text: string;
  description?: string;
  url?: string;
}
export interface AllowEntry {
  check: string;
  file: string;
  text: string;
  mitigation: string;
}
export interface Unparsed {
  file: string;
  reason: string;
}
export function readAllowList(text: string): AllowEntry[];
export function judge(findings: Finding[], allowList: AllowEntry[]): { unexplained: Finding[]; stale: AllowEntry[] };
export function unparsedFiles(files: string[], parse: (file: string) => unknown): Unparsed[];
export function scanOptions(input: string, options: { online: boolean }): { input: string; electronVersionOverride: string; isRelative: boolean; excludeFromScan: string[] };
export function scan(input: string, options: { online: boolean }): Promise<{ findings: Finding[]; unparsed: Unparsed[]; releaseList: boolean | null }>;
export function scannedPaths(options: { online: boolean }): string[];
