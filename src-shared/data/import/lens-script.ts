/**
 * A Lens network script (.in) split into its commands without running Tcl: a command is a line (or up to
 * a `;`), its words separated by spaces, `{…}` grouping words literally (across lines too), `"…"` quoting,
 * a `\` at a line's end continuing it, and `#` where a command starts beginning a comment. Only literal
 * words are read: a `$variable` or a `[command]` would need Tcl to run, and is refused naming its line.
 */
import { ImportError, positionAt, type Position } from './import-error';

export interface ScriptWord {
  text: string;
  /** Whether it was written in braces or quotes (a list such as `{input context}` is one word). */
  grouped: boolean;
  at: Position;
}

export interface ScriptCommand {
  words: ScriptWord[];
  /** Where the command starts, and its text as written (for messages that quote it). */
  line: number;
  text: string;
}

export function splitLensScript(source: string, file: string): ScriptCommand[] {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const commands: ScriptCommand[] = [];
  const fail = (offset: number, reason: string): never => {
    const at = positionAt(text, offset);
    throw new ImportError(file, at.line, at.column, reason);
  };
  let i = 0;
  let words: ScriptWord[] = [];
  let start = -1;
  const end = (at: number) => {
    if (words.length > 0) commands.push({ words, line: positionAt(text, start).line, text: text.slice(start, at).replace(/\s+/g, ' ').trim() });
    words = [];
    start = -1;
  };
  const literal = (offset: number, piece: string) => {
    const dollar = piece.search(/\$[A-Za-z_{(:]/);
    if (dollar >= 0) fail(offset + dollar, `\`${piece.slice(dollar).split(/[\s"]/)[0]}\` is a Tcl variable: Backprop Lab reads only literal Lens commands (write the value itself)`);
    const bracket = piece.indexOf('[');
    if (bracket >= 0) fail(offset + bracket, 'a `[…]` is a Tcl command substitution: Backprop Lab reads only literal Lens commands (write the value itself)');
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\r' ? 3 : 2;
    } else if (c === '\n' || c === '\r' || c === ';') {
      end(i);
      i++;
    } else if (c === ' ' || c === '\t' || /\s/.test(c)) {
      i++;
    } else if (c === '#' && words.length === 0) {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else {
      if (start < 0) start = i;
      const at = positionAt(text, i);
      if (c === '{') {
        let depth = 1;
        let j = i + 1;
        for (; j < text.length && depth > 0; j++) {
          if (text[j] === '\\') j++;
          else if (text[j] === '{') depth++;
          else if (text[j] === '}') depth--;
        }
        if (depth > 0) fail(i, 'a `{` opened here is never closed with `}`');
        words.push({ text: text.slice(i + 1, j - 1), grouped: true, at });
        i = j;
      } else if (c === '"') {
        const close = text.indexOf('"', i + 1);
        if (close < 0) fail(i, 'a `"` opened here is never closed');
        const body = text.slice(i + 1, close);
        literal(i + 1, body);
        words.push({ text: body, grouped: true, at });
        i = close + 1;
      } else {
        let j = i;
        while (j < text.length && !/[\s;]/.test(text[j])) j++;
        const word = text.slice(i, j);
        literal(i, word);
        words.push({ text: word, grouped: false, at });
        i = j;
      }
      if (i < text.length && !/[\s;]/.test(text[i])) fail(i, `expected a space after the ${c === '{' ? '`}`' : '`"`'} that closes a word`);
    }
  }
  end(text.length);
  return commands;
}

/** The names in a list word (`{input context}`, `"a b"`, or one name). */
export function listItems(word: ScriptWord): string[] {
  return word.text.split(/\s+/).filter(Boolean);
}
