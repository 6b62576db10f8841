/**
 * The text encodings a file the app reads may come in. Files are read as UTF-8; a UTF-8 byte-order mark
 * (Windows Notepad and Excel write one) is read past, and UTF-16 or UTF-32 — which decoded as UTF-8 reads as
 * text with a NUL between every letter, failing later with a message about the wrong thing — is refused
 * here, named, so the user knows to save the file again as UTF-8.
 */

/** How much of a file is looked at for NULs: enough for any header, little enough for any file. */
const SAMPLE = 4096;

/** Why `bytes` (the file `name`) cannot be read as UTF-8 text, or null if it can. */
export function textEncodingProblem(bytes: Uint8Array, name: string): string | null {
  const encoding = wideEncoding(bytes);
  return encoding === null ? null : `${name} is ${encoding}; save it as UTF-8`;
}

/** `text` without the byte-order mark it may start with. */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function wideEncoding(bytes: Uint8Array): string | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe) return b2 === 0 && b3 === 0 ? 'UTF-32' : 'UTF-16';
  if (b0 === 0xfe && b1 === 0xff) return 'UTF-16';
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return 'UTF-32';
  // Without a mark: text in these files is almost all ASCII, so a NUL in every other (or every fourth)
  // byte. UTF-8 text never holds a NUL but as the character NUL itself, which no text file here has.
  const length = Math.min(bytes.length, SAMPLE);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < length; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const pairs = length / 2;
  if (pairs < 1) return null;
  if (even + odd >= pairs * 1.5) return 'UTF-32';
  return even >= pairs * 0.3 || odd >= pairs * 0.3 ? 'UTF-16' : null;
}
