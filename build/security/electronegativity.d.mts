/** Types for the tests of electronegativity.mjs. */
export interface Finding {
  issue: string;
  severity: string;
  confidence: string;
  filename: string;
  location: string;
  sample: string;
  description: string;
  url: string;
}
export interface AllowEntry {
  check: string;
  file: string;
  line: number;
  mitigation: string;
}
export function parseCsv(text: string): string[][];
export function findingsFrom(csv: string): Finding[];
export function readAllowList(text: string): AllowEntry[];
export function judge(findings: Finding[], allowList: AllowEntry[]): { unexplained: Finding[]; stale: AllowEntry[] };
