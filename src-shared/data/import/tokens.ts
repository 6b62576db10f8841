/**
 * Lines and tokens with their positions, for the line-oriented formats (tlearn, PDP): every error can then
 * point at the token that was wrong.
 */
export interface SourceLine {
  /** Counted from 1. */
  line: number;
  text: string;
}

export interface Token {
  text: string;
  line: number;
  /** Counted from 1. */
  column: number;
}

export function splitLines(text: string): SourceLine[] {
  // A byte-order mark is not part of the first line's first token.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/).map((lineText, i) => ({ line: i + 1, text: lineText }));
}

/** Tokens of one line; `pattern` must be global and match whole tokens (whitespace separates by default). */
export function tokenize(source: SourceLine, pattern: RegExp = /\S+/g): Token[] {
  const tokens: Token[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(source.text); match; match = pattern.exec(source.text)) {
    if (match[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    tokens.push({ text: match[0], line: source.line, column: match.index + 1 });
  }
  return tokens;
}

/** The line without a comment that starts with `marker` at the start of a token (so `p#1` stays a name). */
export function stripComment(source: SourceLine, marker = '#'): SourceLine {
  const at = source.text.search(new RegExp(`(^|\\s)${marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  if (at < 0) return source;
  return { line: source.line, text: source.text.slice(0, at) };
}

/** Shows a token in a message as the user typed it, shortened if it is long. */
export function quote(text: string, max = 40): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  return `\`${shown}\``;
}
