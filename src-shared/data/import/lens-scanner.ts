/**
 * Reading Lens example-file text the way Lens's own parser does: free-form tokens across lines, lines that
 * begin with `#` skipped, numbers read as the longest numeric prefix (so `T:1;` splits into `1` and `;`),
 * `-` standing for "no value" (NaN), and names in `{braces}` that may hold spaces.
 */
import { ImportError, type Position } from './import-error';

const NUMBER_PREFIX = /[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const INTEGER_PREFIX = /[+-]?\d+/y;

export class LensScanner {
  private pos = 0;
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string, readonly file: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  position(offset = this.pos): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low] + 1 };
  }

  fail(reason: string, at: Position = this.here()): never {
    throw new ImportError(this.file, at.line, at.column, reason);
  }

  /** Where the next token starts. */
  here(): Position {
    this.skipBlank();
    return this.position();
  }

  atEnd(): boolean {
    this.skipBlank();
    return this.pos >= this.text.length;
  }

  /** Whitespace, and whole lines whose first character is `#` (Lens has no other comments). */
  skipBlank(): void {
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === '#' && (this.pos === 0 || this.text[this.pos - 1] === '\n')) {
        const end = this.text.indexOf('\n', this.pos);
        this.pos = end < 0 ? this.text.length : end + 1;
      } else if (c === ' ' || c === '\n' || c === '\t' || c === '\r' || /\s/.test(c)) {
        this.pos++;
      } else {
        return;
      }
    }
  }

  peek(literal: string): boolean {
    this.skipBlank();
    return this.text.startsWith(literal, this.pos);
  }

  match(literal: string): boolean {
    if (!this.peek(literal)) return false;
    this.pos += literal.length;
    return true;
  }

  /** What comes next, for messages. */
  nextWord(): string {
    this.skipBlank();
    const word = /\S{1,20}/y;
    word.lastIndex = this.pos;
    return word.exec(this.text)?.[0] ?? '';
  }

  isDigit(): boolean {
    this.skipBlank();
    return /\d/.test(this.text[this.pos] ?? '');
  }

  /** Lens's test for a value: a number, or a lone `-` (no value). */
  isNumber(): boolean {
    this.skipBlank();
    const s = this.text.slice(this.pos, this.pos + 3);
    if (/^-($|[\s});])/.test(s)) return true;
    return /^-?(\d|\.\d)/.test(s);
  }

  /** A number, or NaN for `-`. */
  readReal(what: string): number {
    this.skipBlank();
    const at = this.position();
    if (/^-($|[\s,;{}[\]])/.test(this.text.slice(this.pos, this.pos + 2))) {
      this.pos++;
      return Number.NaN;
    }
    NUMBER_PREFIX.lastIndex = this.pos;
    const match = NUMBER_PREFIX.exec(this.text);
    const value = match ? Number(match[0]) : Number.NaN;
    if (!match || !Number.isFinite(value)) this.fail(`expected ${what} (a number, or - for no value), found \`${this.nextWord()}\``, at);
    this.pos += match[0].length;
    return value;
  }

  readInt(what: string): number {
    this.skipBlank();
    INTEGER_PREFIX.lastIndex = this.pos;
    const match = INTEGER_PREFIX.exec(this.text);
    if (!match) this.fail(`expected ${what} (a whole number), found \`${this.nextWord()}\``);
    this.pos += match[0].length;
    return Number(match[0]);
  }

  /** A word up to the next space or bracket, or everything inside a balanced `{…}`, `(…)`, `[…]` or `"…"`. */
  readBlock(what: string): string {
    this.skipBlank();
    const start = this.position();
    const open = this.text[this.pos];
    if (!'{(["'.includes(open) || open === undefined) {
      const word = /[^\s{}()[\]"]*/y;
      word.lastIndex = this.pos;
      const found = word.exec(this.text)![0];
      if (found === '') this.fail(`expected ${what}, found \`${this.nextWord()}\``);
      this.pos += found.length;
      return found;
    }
    const closers: Record<string, string> = { '{': '}', '(': ')', '[': ']', '"': '"' };
    const stack = [closers[open]];
    let out = '';
    for (this.pos++; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos];
      if (c === '\\' && this.pos + 1 < this.text.length) {
        out += this.text[++this.pos];
        continue;
      }
      if (c === stack[stack.length - 1]) {
        stack.pop();
        if (stack.length === 0) {
          this.pos++;
          return out;
        }
      } else if (c in closers && stack[stack.length - 1] !== '"') {
        stack.push(closers[c]);
      } else if ('})]'.includes(c) && stack[stack.length - 1] !== '"') {
        this.fail(`unexpected \`${c}\` inside ${what}`, this.position());
      }
      out += c;
    }
    return this.fail(`${what} opened here is never closed with \`${stack[stack.length - 1]}\``, start);
  }
}
