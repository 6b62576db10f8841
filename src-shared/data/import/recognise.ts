/**
 * Which importer a file needs, from its name and (when the extension is not telling) its first words, so
 * the command line and a drop onto the window can take files without being told their format.
 */
export type ImportFormat = 'csv' | 'tlearn-cf' | 'tlearn-data' | 'tlearn-teach' | 'tlearn-reset' | 'pdp-pat' | 'lens-ex';

const BY_EXTENSION: Record<string, ImportFormat> = {
  csv: 'csv',
  tsv: 'csv',
  tab: 'csv',
  txt: 'csv',
  cf: 'tlearn-cf',
  data: 'tlearn-data',
  teach: 'tlearn-teach',
  reset: 'tlearn-reset',
  pat: 'pdp-pat',
  ex: 'lens-ex',
};

export function recogniseFormat(fileName: string, text: string): ImportFormat | null {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const byName = extension ? BY_EXTENSION[extension] : undefined;
  if (byName && byName !== 'csv') return byName;
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (/^NODES:/i.test(start)) return 'tlearn-cf';
  if (/^(distributed|localist)\b/i.test(start)) return extension === 'teach' ? 'tlearn-teach' : 'tlearn-data';
  return byName ?? null;
}
