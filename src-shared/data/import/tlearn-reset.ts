/**
 * tlearn's .reset file: where the context units of a simple recurrent network are reset — the first line
 * the number of entries, then one pattern number per entry (counting from 0, ascending), each the first
 * pattern of a sequence. What cannot be read is refused naming the line and column.
 */
import { ImportError } from './import-error';

export function readTlearnReset(text: string, patternCount: number, file: string): Set<number> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const entries: { value: string; line: number; column: number }[] = [];
  lines.forEach((content, i) => {
    for (const match of content.matchAll(/\S+/g)) entries.push({ value: match[0], line: i + 1, column: match.index + 1 });
  });
  if (entries.length === 0) throw new ImportError(file, 1, 1, 'the .reset file is empty: it starts with the number of resets, then lists the patterns (from 0) at which the context is reset');
  const number = (entry: (typeof entries)[number], what: string) => {
    if (!/^\d+$/.test(entry.value)) throw new ImportError(file, entry.line, entry.column, `expected ${what} (a whole number), found \`${entry.value}\``);
    return Number(entry.value);
  };
  const count = number(entries[0], 'the number of resets');
  if (entries.length - 1 !== count) {
    const at = entries[entries.length - 1];
    throw new ImportError(file, at.line, at.column, `the .reset file says ${count} resets but lists ${entries.length - 1}`);
  }
  const resets = new Set<number>();
  let previous = -1;
  for (const entry of entries.slice(1)) {
    const p = number(entry, 'a pattern number');
    if (p >= patternCount) throw new ImportError(file, entry.line, entry.column, `pattern ${p} is past the ${patternCount} patterns of the .data file (numbered from 0)`);
    if (p <= previous) throw new ImportError(file, entry.line, entry.column, `pattern ${p} comes after ${previous}: list the resets in ascending order`);
    resets.add(p);
    previous = p;
  }
  return resets;
}
