/**
 * A Lens example file (.ex): one example per pattern, `name: {…} I: … T: …;`, dense values, `-` (no value)
 * for a don't-care target. Lens builds its network in a Tcl script, so only the patterns are written.
 */
import type { ModelDocument, Pattern } from '../../model/schema';
import type { ExportedText } from './export-error';

export function exportLensExamples(model: ModelDocument, patterns: Pattern[] = model.patterns): ExportedText {
  // A line starting with # is a comment to Lens; the name is kept on one line.
  const title = `# ${model.name.replace(/\s+/g, ' ')}: ${patterns.length} examples written by Backprop Lab`;
  const examples = patterns.map((pattern) => {
    const input = pattern.input.map(String).join(' ');
    const target = pattern.target.map((v) => (v === null ? '-' : String(v))).join(' ');
    return `name: {${escapeName(pattern.name)}} I: ${input} T: ${target};`;
  });
  const notes = ['a Lens example file holds only the examples: Lens builds the network, and sets its training, in a Tcl script'];
  return { text: `${[title, ...examples].join('\n')}\n`, notes };
}

/**
 * Inside braces Lens balances every kind of bracket and quote, and a backslash protects the character
 * after it; a newline would split the name.
 */
function escapeName(name: string): string {
  return name.replace(/[\\{}()[\]"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}
