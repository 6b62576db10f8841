/** The text of a file the page opens or imports (web build, Electron drops and imports): as the CLI reads it. */
import { describe, expect, it } from 'vitest';
import { fileText } from '../../../src-renderer/hosts/file-text';
import { IMPORT_FILE_TYPES, pickedFile } from '../../../src-renderer/hosts/web-import-files';

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

  it('reads a weight file picked for import as its bytes, UTF-16-looking or not, and offers weights in the chooser', async () => {
    // A .npz is a zip: its bytes would be refused (or mangled) as text.
    const bytes = Uint8Array.from([0xff, 0xfe, 0x50, 0x4b, 0x03, 0x04, 0x00, 0x80]);
    expect(await pickedFile(new File([bytes], 'tuned.npz'))).toEqual({ name: 'tuned.npz', bytes });
    expect(await pickedFile(new File([bytes], 'net.SafeTensors'))).toEqual({ name: 'net.SafeTensors', bytes });
    expect(await pickedFile(new File(['x,y\n'], 'data.csv'))).toEqual({ name: 'data.csv', text: 'x,y\n' });
    expect(IMPORT_FILE_TYPES.split(',')).toEqual(expect.arrayContaining(['.safetensors', '.npz', '.cf', '.csv']));
  });
});
