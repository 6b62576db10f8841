/** Opening a model file in the app: UTF-8 past a byte-order mark; UTF-16 refused, saying so. */
import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readUtf8File } from '../../../src-main/files/read-text';
import { readDocument } from '../../../src-main/main/document-files';

describe('reading a text file the app opens', () => {
  it('reads past a UTF-8 byte-order mark, and refuses UTF-16 naming the file and the encoding', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bplab-read-text-'));
    const bom = join(dir, 'bom.bplab');
    await writeFile(bom, '\ufeff{"format": 1}');
    expect(JSON.parse(await readUtf8File(bom))).toEqual({ format: 1 });
    const wide = join(dir, 'wide.bplab');
    await writeFile(wide, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"format": 1}', 'utf16le')]));
    await expect(readUtf8File(wide)).rejects.toThrow('wide.bplab is UTF-16; save it as UTF-8');
    // As the desktop app's File → Open reads it (desktop-app.ts hands readUtf8File to readDocument).
    const disk = { size: async (path: string) => (await stat(path)).size, readText: (path: string) => readUtf8File(path), readBytes: async () => new Uint8Array(), writeAtomic: async () => {} };
    await expect(readDocument(disk, wide)).rejects.toThrow(`Could not open ${wide}: wide.bplab is UTF-16; save it as UTF-8`);
    expect((await readDocument(disk, bom)).text).toBe('{"format": 1}');
  });
});
