/**
 * Which importer a file needs, from its name and (when the extension is not telling) its first words, so
 * the command line and a drop onto the window can take files without being told their format.
 */
export type ImportFormat = 'csv' | 'tlearn-cf' | 'tlearn-data' | 'tlearn-teach' | 'tlearn-reset' | 'tlearn-wts' | 'pdp-pat' | 'lens-ex' | 'lens-in';

const BY_EXTENSION: Record<string, ImportFormat> = {
  csv: 'csv',
  tsv: 'csv',
  tab: 'csv',
  txt: 'csv',
  cf: 'tlearn-cf',
  data: 'tlearn-data',
  teach: 'tlearn-teach',
  reset: 'tlearn-reset',
  wts: 'tlearn-wts',
  pat: 'pdp-pat',
  ex: 'lens-ex',
  /** A Lens network script (Tcl commands: addNet, addGroup, …); Lens's examples name them .in or .tcl. */
  in: 'lens-in',
  tcl: 'lens-in',
};

export function recogniseFormat(fileName: string, text: string): ImportFormat | null {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const byName = extension ? BY_EXTENSION[extension] : undefined;
  if (byName && byName !== 'csv') return byName;
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (/^NODES:/i.test(start)) return 'tlearn-cf';
  if (/^NETWORK CONFIGURED BY TLEARN/i.test(start)) return 'tlearn-wts';
  if (/^addNet\s/m.test(start.replace(/^#.*$/gm, '').trimStart())) return 'lens-in';
  if (/^(distributed|localist)\b/i.test(start)) return extension === 'teach' ? 'tlearn-teach' : 'tlearn-data';
  return byName ?? null;
}
