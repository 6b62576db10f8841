/** The text of a file the page opens or imports (web build, Electron drops and imports): as the CLI reads it. */
import { describe, expect, it } from 'vitest';
import { fileText } from '../../../src-renderer/hosts/file-text';

describe('the text of a file the page reads', () => {
  it('reads UTF-8 past its byte-order mark', async () => {
    expect(await fileText(new File(['\ufeff{"format": 1}'], 'bom.bplab'))).toBe('{"format": 1}');
    expect(await fileText(new File(['x,y\n0,1\n'], 'plain.csv'))).toBe('x,y\n0,1\n');
  });

  it('refuses UTF-16, naming the file and the encoding', async () => {
    const wide = new File([new Uint8Array([0xff, 0xfe]), Buffer.from('{"format": 1}', 'utf16le')], 'wide.bplab');
    await expect(fileText(wide)).rejects.toThrow('wide.bplab is UTF-16; save it as UTF-8');
    await expect(fileText(new File([Buffer.from('x,y\n0,1\n', 'utf16le')], 'bare.csv'))).rejects.toThrow('bare.csv is UTF-16; save it as UTF-8');
  });
});
