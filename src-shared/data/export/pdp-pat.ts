/**
 * A PDPTool pattern file (.pat): `name in1 in2 … t1 t2 …`, one pattern a line, don't-care targets as NaN.
 * The file holds patterns only; the network is set up in PDPTool itself.
 */
import type { ModelDocument, Pattern } from '../../model/schema';
import type { ExportedText } from './export-error';

export function exportPdpPat(model: ModelDocument, patterns: Pattern[] = model.patterns): ExportedText {
  const notes = ['a .pat file holds only the patterns: the network, its weights and the training settings are not in it'];
  const renamed: string[] = [];
  const lines = patterns.map((pattern, p) => {
    const name = patName(pattern.name, p);
    if (name !== pattern.name) renamed.push(`"${pattern.name}" → ${name}`);
    const values = [...pattern.input, ...pattern.target].map((v) => (v === null ? 'NaN' : String(v)));
    return [name, ...values].join(' ');
  });
  if (renamed.length > 0) notes.push(`pattern names must be one word in a .pat file, so some were renamed: ${renamed.slice(0, 5).join(', ')}${renamed.length > 5 ? ', …' : ''}`);
  if (patterns.some((p) => p.target.includes(null))) notes.push('don\'t-care targets are written as NaN');
  return { text: `${lines.join('\n')}\n`, notes };
}

/** One word that does not start a comment. */
function patName(name: string, index: number): string {
  const word = name.trim().replace(/\s+/g, '_');
  if (word === '') return `p${index + 1}`;
  return word.startsWith('#') ? `p${word}` : word;
}
