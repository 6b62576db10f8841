/** Which bytes textEncodingProblem refuses: UTF-16 and UTF-32, marked or not; never UTF-8 text. */
import { describe, expect, it } from 'vitest';
import { textEncodingProblem, withoutByteOrderMark } from '../../../src-shared/text-encoding';

const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf32le = (text: string) => {
  const bytes = new Uint8Array(text.length * 4);
  [...text].forEach((c, i) => { bytes[i * 4] = c.charCodeAt(0); });
  return bytes;
};

describe('the text encodings a file may come in', () => {
  it('accepts UTF-8, with or without a mark, and empty or one-byte files', () => {
    for (const text of ['', 'a', 'x,y\n0,1\n', '\ufeff{"a": 1}', 'Größe, 名前, ✓\n']) expect(textEncodingProblem(utf8(text), 'f')).toBeNull();
    expect(withoutByteOrderMark('\ufeffx')).toBe('x');
    expect(withoutByteOrderMark('x\ufeff')).toBe('x\ufeff');
  });

  it('names UTF-16 and UTF-32 by their marks, or by their NULs without one', () => {
    const text = 'name,x,y\nfirst,0,1\n';
    expect(textEncodingProblem(new Uint8Array([0xff, 0xfe, ...utf16le(text)]), 'a.csv')).toBe('a.csv is UTF-16; save it as UTF-8');
    expect(textEncodingProblem(new Uint8Array([0xfe, 0xff, ...utf16le(text).reverse()]), 'a.csv')).toMatch(/is UTF-16;/);
    expect(textEncodingProblem(utf16le(text), 'a.csv')).toMatch(/is UTF-16;/);
    expect(textEncodingProblem(utf16le(text).reverse(), 'a.csv')).toMatch(/is UTF-16;/);
    expect(textEncodingProblem(new Uint8Array([0xff, 0xfe, 0, 0, ...utf32le(text)]), 'a.csv')).toMatch(/is UTF-32;/);
    expect(textEncodingProblem(utf32le(text), 'a.csv')).toMatch(/is UTF-32;/);
  });
});
