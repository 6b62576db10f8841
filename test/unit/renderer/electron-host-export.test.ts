/**
 * The Electron host's exports: a chart's PNG, SVG or CSV goes to main's exportFile (its Save dialog and
 * an atomic write), with the file name as the dialog's proposal; a set of files (tlearn's three) goes to
 * exportFileSet, one dialog for them all; a cancelled dialog is a false. File → Export reaches the page.
 */
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand, PreloadApi } from '../../../src-shared/ipc/preload-api';

// IndexedDB and Web Locks are the browser's; this test is about exports only.
vi.mock('../../../src-renderer/hosts/web-recovery', () => ({
  createRecoveryStore: async () => ({ keep: async () => undefined, clear: async () => undefined, leftBehind: async () => [], discard: async () => undefined }),
}));

const { createElectronHost } = await import('../../../src-renderer/hosts/electron');

function hostWith(answer: { path: string } | null | Error, setAnswer: { paths: string[] } | null = null) {
  const exportFile = vi.fn<PreloadApi['exportFile']>(async () => {
    if (answer instanceof Error) throw answer;
    return answer;
  });
  const exportFileSet = vi.fn<PreloadApi['exportFileSet']>(async () => setAnswer);
  let menu: ((command: MenuCommand) => void) | null = null;
  const onMenuCommand = (listener: (command: MenuCommand) => void) => {
    menu = listener;
    return () => undefined;
  };
  const api = { platform: 'linux', exportFile, exportFileSet, onMenuCommand } as unknown as PreloadApi;
  return { host: createElectronHost(api), exportFile, exportFileSet, menu: (command: MenuCommand) => menu!(command) };
}

describe('exports in the Electron host', () => {
  it('sends text and a PNG’s bytes to main’s Save dialog, named and typed', async () => {
    const { host, exportFile } = hostWith({ path: '/lab/xor-tss.png' });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47]);
    await expect((await host).exportFile({ name: 'xor-tss.png', format: 'png', content: png })).resolves.toBe(true);
    await expect((await host).exportFile({ name: 'xor-curves.csv', format: 'csv', content: 'epoch,tss\n' })).resolves.toBe(true);
    expect(exportFile.mock.calls).toEqual([
      [png, 'png', 'xor-tss.png'],
      ['epoch,tss\n', 'csv', 'xor-curves.csv'],
    ]);
  });

  it('answers false when the dialog is cancelled, and passes main’s refusal on', async () => {
    await expect((await hostWith(null).host).exportFile({ name: 'w.svg', format: 'svg', content: '<svg/>' })).resolves.toBe(false);
    const full = await hostWith(new Error('Could not save /lab/w.svg: the disk is full; free some space and try again.')).host;
    await expect(full.exportFile({ name: 'w.svg', format: 'svg', content: '<svg/>' })).rejects.toThrow('the disk is full');
  });
});

describe('File → Export in the Electron host', () => {
  it('sends a set of files to main at once, with their base name', async () => {
    const { host, exportFileSet } = hostWith(null, { paths: ['/lab/xor.cf', '/lab/xor.data', '/lab/xor.teach'] });
    const files = [
      { format: 'cf' as const, content: 'NODES:\n' },
      { format: 'data' as const, content: 'distributed\n' },
      { format: 'teach' as const, content: 'distributed\n' },
    ];
    await expect((await host).exportFileSet({ baseName: 'xor', files })).resolves.toBe(true);
    expect(exportFileSet.mock.calls).toEqual([['xor', files]]);
    await expect((await hostWith(null, null).host).exportFileSet({ baseName: 'xor', files })).resolves.toBe(false);
  });

  it('passes the menu’s Export command to the page', async () => {
    const { host, menu } = hostWith(null);
    const received: string[] = [];
    (await host).onMenuCommand((command) => received.push(command));
    menu('export');
    expect(received).toEqual(['export']);
  });
});
