/**
 * Text from a file (names, notes) and from the command line, made safe to print on a terminal: a model
 * named ESC [2J would clear the screen, ESC ] 0; retitle the window, a carriage return or a bidi override
 * make a line say something else. Each such character is shown escaped instead, as JavaScript writes it.
 */

/** C0 controls, DEL, C1 controls, and the bidi controls that reorder what a line shows. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escaped(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`);
}

/** One line: every control character escaped, line breaks too. */
export function terminalLine(text: string): string {
  return text.replace(CONTROL, escaped);
}

/** A message of several lines: line breaks kept, every other control character escaped. */
export function terminalText(text: string): string {
  return text.split('\n').map(terminalLine).join('\n');
}

/**
 * JSON for a terminal: JSON.stringify escapes C0 but leaves C1 and bidi controls raw; these are written as
 * \uXXXX escapes, which any JSON reader reads back as the same characters.
 */
export function terminalJson(json: string): string {
  return json.replace(CONTROL, (c) => (c === '\n' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
