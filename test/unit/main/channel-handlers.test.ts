/**
 * Import and Export behind main's dialogs, with fake dialogs and disk: what the page gets back, what is
 * written where, and the words a failure is reported in.
 */
import { describe, expect, it, vi } from 'vitest';
import type { MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { createChannelHandlers, type ChannelHandlerDeps } from '../../../src-main/main/channel-handlers';
import type { DocumentWindow } from '../../../src-main/main/document-windows';
import { MAX_DOCUMENT_BYTES, MAX_IMPORT_FILES } from '../../../src-main/main/document-files';
import { importedFileSchema } from '../../../src-shared/ipc/channels';

function handlersWith(
  picked: { open?: string[] | null; save?: string | null; replace?: boolean }, files: Record<string, string | Uint8Array> = {}, failWrite?: NodeJS.ErrnoException,
) {
  const openOptions: OpenDialogOptions[] = [];
  const saveOptions: SaveDialogOptions[] = [];
  const messageBoxes: MessageBoxOptions[] = [];
  const written = new Map<string, string | Uint8Array>();
  const deps = {
    documents: { windowOf: () => null },
    dialogs: () => ({
      showOpenDialog: async (options: OpenDialogOptions) => {
        openOptions.push(options);
        return picked.open ? { canceled: false, filePaths: picked.open } : { canceled: true, filePaths: [] };
      },
      showSaveDialog: async (options: SaveDialogOptions) => {
        saveOptions.push(options);
        return picked.save ? { canceled: false, filePath: picked.save } : { canceled: true, filePath: '' };
      },
      showMessageBox: async (options: MessageBoxOptions) => {
        messageBoxes.push(options);
        return { response: picked.replace ? options.buttons!.indexOf('Replace') : options.cancelId!, checkboxChecked: false };
      },
    }),
    disk: {
      size: async (path: string) => {
        if (!(path in files)) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
        return path.includes('/huge.') ? MAX_DOCUMENT_BYTES + 1 : files[path].length;
      },
      readText: async (path: string) => {
        if (typeof files[path] !== 'string') throw new Error(`${path} is not text`);
        return files[path];
      },
      readBytes: async (path: string) => {
        if (!(files[path] instanceof Uint8Array)) throw new Error(`${path} was read as bytes`);
        return files[path];
      },
      writeAtomic: vi.fn(async (path: string, text: string | Uint8Array) => {
        if (failWrite) throw failWrite;
        written.set(path, text);
      }),
    },
  };
  const handlers = createChannelHandlers(deps as unknown as ChannelHandlerDeps<DocumentWindow>);
  const event = { sender: { id: 3 } } as never;
  return { handlers, event, openOptions, saveOptions, messageBoxes, written };
}

describe('Import', () => {
  it('reads every file chosen, in order, with their names: a tlearn network comes as three', async () => {
    const files = { '/lab/xor.cf': 'NODES:\n', '/lab/xor.data': 'distributed\n', '/lab/xor.teach': 'distributed\n' };
    const { handlers, event, openOptions } = handlersWith({ open: Object.keys(files) }, files);
    await expect(handlers.importFile({ kind: 'patterns' }, event)).resolves.toEqual([
      { name: 'xor.cf', text: 'NODES:\n' },
      { name: 'xor.data', text: 'distributed\n' },
      { name: 'xor.teach', text: 'distributed\n' },
    ]);
    expect(openOptions[0].properties).toEqual(['openFile', 'multiSelections']);
    expect(openOptions[0].filters?.[0].extensions).toEqual(expect.arrayContaining(['csv', 'pat', 'ex', 'data', 'teach', 'cf']));
  });

  it('reads a weight file (.safetensors, .npz) as bytes, any other as text, and offers weights in the dialog', async () => {
    const npz = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]);
    const safetensors = Uint8Array.from([8, 0, 0, 0, 0, 0, 0, 0, 0x7b, 0x7d, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20]);
    const files = { '/lab/tuned.NPZ': npz, '/lab/xor.safetensors': safetensors, '/lab/xor.csv': 'a,b\n' };
    const { handlers, event, openOptions } = handlersWith({ open: Object.keys(files) }, files);
    const answer = await handlers.importFile({ kind: 'patterns' }, event);
    expect(answer).toEqual([
      { name: 'tuned.NPZ', bytes: npz },
      { name: 'xor.safetensors', bytes: safetensors },
      { name: 'xor.csv', text: 'a,b\n' },
    ]);
    // The contract's shape of an imported file: text, or bytes, never both.
    expect(importedFileSchema.array().safeParse(answer).success).toBe(true);
    expect(importedFileSchema.safeParse({ name: 'x.npz', text: '', bytes: npz }).success).toBe(false);
    expect(openOptions[0].filters?.find((filter) => filter.name.startsWith('Weights'))?.extensions).toEqual(['safetensors', 'npz']);
    const huge = handlersWith({ open: ['/lab/huge.npz'] }, { '/lab/huge.npz': npz });
    await expect(huge.handlers.importFile({ kind: 'patterns' }, huge.event)).rejects.toThrow(/Could not open \/lab\/huge\.npz: at \d+ MiB it is larger than any model file/);
  });

  it('answers null when the dialog is cancelled', async () => {
    const { handlers, event } = handlersWith({ open: null });
    await expect(handlers.importFile({ kind: 'patterns' }, event)).resolves.toBeNull();
  });

  it('refuses too many files, a file too large to be one, and a missing one, saying which', async () => {
    const many = Array.from({ length: MAX_IMPORT_FILES + 1 }, (_, i) => `/lab/${i}.csv`);
    const tooMany = handlersWith({ open: many });
    await expect(tooMany.handlers.importFile({ kind: 'patterns' }, tooMany.event)).rejects.toThrow(`at most ${MAX_IMPORT_FILES} files`);
    const { handlers, event } = handlersWith({ open: ['/lab/huge.csv'] }, { '/lab/huge.csv': 'x' });
    await expect(handlers.importFile({ kind: 'patterns' }, event)).rejects.toThrow(/Could not open \/lab\/huge\.csv: at \d+ MiB it is larger than any model file/);
    const gone = handlersWith({ open: ['/lab/gone.pat'] });
    await expect(gone.handlers.importFile({ kind: 'patterns' }, gone.event)).rejects.toThrow('Could not open /lab/gone.pat: the file or its folder does not exist.');
  });
});

describe('Export', () => {
  it('writes atomically where the user chose, with the format’s extension added', async () => {
    const { handlers, event, saveOptions, written } = handlersWith({ save: '/lab/curve' });
    await expect(handlers.exportFile({ content: 'epoch,tss\n1,0.5\n', format: 'csv', suggestedName: 'xor curve' }, event)).resolves.toEqual({ path: '/lab/curve.csv' });
    expect(written.get('/lab/curve.csv')).toBe('epoch,tss\n1,0.5\n');
    expect(saveOptions[0]).toMatchObject({ defaultPath: 'xor curve.csv', filters: [{ name: 'CSV table', extensions: ['csv'] }] });
  });

  it('writes a chart’s PNG bytes as they are, under a PNG filter', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { handlers, event, saveOptions, written } = handlersWith({ save: '/lab/xor-tss' });
    await expect(handlers.exportFile({ content: png, format: 'png', suggestedName: 'xor-tss.png' }, event)).resolves.toEqual({ path: '/lab/xor-tss.png' });
    expect(written.get('/lab/xor-tss.png')).toEqual(png);
    expect(saveOptions[0]).toMatchObject({ defaultPath: 'xor-tss.png', filters: [{ name: 'PNG image', extensions: ['png'] }] });
  });

  it('writes nothing when cancelled, and says a failed write left the old file as it was', async () => {
    const cancelled = handlersWith({ save: null });
    await expect(cancelled.handlers.exportFile({ content: 'x', format: 'svg', suggestedName: 'w' }, cancelled.event)).resolves.toBeNull();
    expect(cancelled.written.size).toBe(0);
    const full = handlersWith({ save: '/lab/w.svg' }, {}, Object.assign(new Error('no space'), { code: 'ENOSPC' }));
    await expect(full.handlers.exportFile({ content: 'x', format: 'svg', suggestedName: 'w' }, full.event)).rejects.toThrow(
      'Could not save /lab/w.svg: the disk is full; free some space and try again. The file that was there is unchanged.',
    );
  });
});

describe('Export of a set of files', () => {
  const tlearn = [
    { content: 'NODES:\n', format: 'cf' as const },
    { content: 'distributed\n4\n', format: 'data' as const },
    { content: 'distributed\n4\n', format: 'teach' as const },
  ];

  it('asks once, for the base name, and writes each file beside it with its own extension', async () => {
    const { handlers, event, saveOptions, written } = handlersWith({ save: '/lab/my xor' });
    await expect(handlers.exportFileSet({ baseName: 'xor', files: tlearn }, event)).resolves.toEqual({ paths: ['/lab/my xor.cf', '/lab/my xor.data', '/lab/my xor.teach'] });
    expect(saveOptions).toHaveLength(1);
    expect(saveOptions[0]).toMatchObject({
      title: 'Export 3 files',
      defaultPath: 'xor',
      message: 'Writes the .cf, .data, .teach files of this name side by side.',
      filters: [{ name: 'tlearn network, tlearn inputs, tlearn targets', extensions: ['cf', 'data', 'teach'] }],
    });
    expect([...written]).toEqual([
      ['/lab/my xor.cf', 'NODES:\n'],
      ['/lab/my xor.data', 'distributed\n4\n'],
      ['/lab/my xor.teach', 'distributed\n4\n'],
    ]);
  });

  it('takes an extension of the set off the name chosen, and keeps any other', async () => {
    const typed = handlersWith({ save: '/lab/xor.TEACH' });
    await expect(typed.handlers.exportFileSet({ baseName: 'xor', files: tlearn }, typed.event)).resolves.toEqual({ paths: ['/lab/xor.cf', '/lab/xor.data', '/lab/xor.teach'] });
    const dotted = handlersWith({ save: '/lab/xor.v2' });
    await expect(dotted.handlers.exportFileSet({ baseName: 'xor', files: tlearn }, dotted.event)).resolves.toEqual({ paths: ['/lab/xor.v2.cf', '/lab/xor.v2.data', '/lab/xor.v2.teach'] });
  });

  it('knows an extension with two dots (a provenance beside an export), and writes bytes as they are', async () => {
    const npy = Uint8Array.from([0x93, 0x4e, 0x55]);
    const files = [{ content: npy, format: 'npy' as const }, { content: '{}\n', format: 'provenance.json' as const }];
    const typed = handlersWith({ save: '/lab/w.provenance.json' });
    await expect(typed.handlers.exportFileSet({ baseName: 'w', files }, typed.event)).resolves.toEqual({ paths: ['/lab/w.npy', '/lab/w.provenance.json'] });
    expect(typed.written.get('/lab/w.npy')).toEqual(npy);
  });

  it('takes a set of one (a pattern set as CSV) as a plain export of that file', async () => {
    const { handlers, event, saveOptions, written } = handlersWith({ save: '/lab/xor.csv' });
    await expect(handlers.exportFileSet({ baseName: 'xor', files: [{ content: 'a,b\n', format: 'csv' }] }, event)).resolves.toEqual({ paths: ['/lab/xor.csv'] });
    expect(saveOptions[0]).toMatchObject({ title: 'Export', filters: [{ name: 'CSV table', extensions: ['csv'] }] });
    expect(saveOptions[0]).not.toHaveProperty('message');
    expect([...written]).toEqual([['/lab/xor.csv', 'a,b\n']]);
  });

  it('asks before replacing the files beside the one the Save dialog asked about; Cancel writes none', async () => {
    const existing = { '/lab/xor.cf': 'old', '/lab/xor.data': 'old', '/lab/xor.teach': 'old' };
    // "xor.cf" chosen (the Save dialog asked about it): .data and .teach would be replaced unasked.
    const kept = handlersWith({ save: '/lab/xor.cf', replace: false }, existing);
    await expect(kept.handlers.exportFileSet({ baseName: 'xor', files: tlearn }, kept.event)).resolves.toBeNull();
    expect(kept.written.size).toBe(0);
    expect(kept.messageBoxes).toHaveLength(1);
    expect(kept.messageBoxes[0]).toMatchObject({ message: 'Replace xor.data and xor.teach?', buttons: ['Replace', 'Cancel'], cancelId: 1, defaultId: 1 });
    expect(kept.messageBoxes[0].detail).toBe('They already exist in /lab. Exporting replaces them.');
    const replaced = handlersWith({ save: '/lab/xor', replace: true }, existing);
    await expect(replaced.handlers.exportFileSet({ baseName: 'xor', files: tlearn }, replaced.event)).resolves.toEqual({ paths: ['/lab/xor.cf', '/lab/xor.data', '/lab/xor.teach'] });
    expect(replaced.messageBoxes[0].message).toBe('Replace xor.cf, xor.data and xor.teach?');
    expect(replaced.written.size).toBe(3);
  });

  it('asks nothing more when no file of the set exists yet, or only the one the Save dialog confirmed', async () => {
    const fresh = handlersWith({ save: '/lab/xor' });
    await fresh.handlers.exportFileSet({ baseName: 'xor', files: tlearn }, fresh.event);
    expect(fresh.messageBoxes).toHaveLength(0);
    const one = handlersWith({ save: '/lab/xor.csv' }, { '/lab/xor.csv': 'old' });
    await expect(one.handlers.exportFileSet({ baseName: 'xor', files: [{ content: 'a,b\n', format: 'csv' }] }, one.event)).resolves.toEqual({ paths: ['/lab/xor.csv'] });
    expect(one.messageBoxes).toHaveLength(0);
  });

  it('writes nothing when cancelled, and names the file a failed write was for', async () => {
    const cancelled = handlersWith({ save: null });
    await expect(cancelled.handlers.exportFileSet({ baseName: 'xor', files: tlearn }, cancelled.event)).resolves.toBeNull();
    expect(cancelled.written.size).toBe(0);
    const locked = handlersWith({ save: '/lab/xor' }, {}, Object.assign(new Error('denied'), { code: 'EACCES' }));
    await expect(locked.handlers.exportFileSet({ baseName: 'xor', files: tlearn }, locked.event)).rejects.toThrow('Could not save /lab/xor.cf: permission denied');
  });
});
