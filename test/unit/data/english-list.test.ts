/** englishList: the file names a dialog and main's Replace question list in a sentence. */
import { describe, expect, it } from 'vitest';
import { englishList } from '../../../src-shared/english-list';

describe('englishList', () => {
  it('joins names as a sentence does', () => {
    expect(englishList([])).toBe('');
    expect(englishList(['xor.cf'])).toBe('xor.cf');
    expect(englishList(['xor.data', 'xor.teach'])).toBe('xor.data and xor.teach');
    expect(englishList(['xor.cf', 'xor.data', 'xor.teach'])).toBe('xor.cf, xor.data and xor.teach');
  });
});
