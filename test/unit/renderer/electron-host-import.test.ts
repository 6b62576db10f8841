/**
 * The Electron host's side of File → Import: the menu's 'import' reaches the page's listener (which
 * FileCommands turns into importDocument), and the files come from main's dialog, not a file input.
 */
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand as PreloadMenuCommand, PreloadApi } from '../../../src-shared/ipc/preload-api';
import type { MenuCommand } from '../../../src-renderer/hosts/host';

// IndexedDB and Web Locks are the browser's; this test is about menus and files only.
vi.mock('../../../src-renderer/hosts/web-recovery', () => ({
  createRecoveryStore: async () => ({ keep: async () => undefined, clear: async () => undefined, leftBehind: async () => [], discard: async () => undefined }),
}));

// The page's file input is the DOM's; here it answers as a user picking a tlearn project would.
const pickedInPage = vi.hoisted(() => [{ name: 'xor.cf', text: 'NODES:' }, { name: 'xor.data', text: 'distributed' }, { name: 'xor.teach', text: 'distributed' }]);
vi.mock('../../../src-renderer/hosts/web-import-files', () => ({ pickFilesToImport: async () => pickedInPage }));

const { createElectronHost } = await import('../../../src-renderer/hosts/electron');

function fakeApi() {
  let menuListener: ((command: PreloadMenuCommand) => void) | null = null;
  const importFile = vi.fn<PreloadApi['importFile']>(async () => [
    { name: 'xor.cf', text: 'NODES:\n' },
    { name: 'xor.data', text: 'distributed\n' },
  ]);
  const api = {
    platform: 'linux',
    importFile,
    onMenuCommand(listener: (command: PreloadMenuCommand) => void) {
      menuListener = listener;
      return () => (menuListener = null);
    },
  } as unknown as PreloadApi;
  return { api, importFile, menu: (command: PreloadMenuCommand) => menuListener?.(command) };
}

describe('File → Import in the Electron host', () => {
  it('passes the menu’s import on to the page, as it does save and export', async () => {
    const { api, menu } = fakeApi();
    const host = await createElectronHost(api);
    const heard: MenuCommand[] = [];
    host.onMenuCommand((command) => heard.push(command));
    menu('import');
    menu('save');
    menu('export');
    expect(heard).toEqual(['import', 'save', 'export']);
  });

  it('from the menu (no user activation) picks through main’s import dialog, several files at once', async () => {
    const { api, importFile } = fakeApi();
    const host = await createElectronHost(api);
    // A page whose last click has expired: the activation is not active.
    vi.stubGlobal('navigator', { userActivation: { isActive: false } });
    try {
      await expect(host.importFile()).resolves.toEqual([
        { name: 'xor.cf', text: 'NODES:\n' },
        { name: 'xor.data', text: 'distributed\n' },
      ]);
      expect(importFile).toHaveBeenCalledWith('patterns');
      importFile.mockResolvedValueOnce(null);
      await expect(host.importFile()).resolves.toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('hands on a weight file’s bytes from main’s dialog as bytes', async () => {
    const { api, importFile } = fakeApi();
    const host = await createElectronHost(api);
    const npz = Uint8Array.from([0x50, 0x4b, 0x05, 0x06]);
    importFile.mockResolvedValueOnce([{ name: 'tuned.npz', bytes: npz }]);
    vi.stubGlobal('navigator', { userActivation: { isActive: false } });
    try {
      const picked = await host.importFile();
      expect(picked).toEqual([{ name: 'tuned.npz', bytes: npz }]);
      expect(picked?.[0]).not.toHaveProperty('text');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('from a click in the page picks several files with the page’s file input, main’s dialog unused', async () => {
    const { api, importFile } = fakeApi();
    const host = await createElectronHost(api);
    vi.stubGlobal('navigator', { userActivation: { isActive: true } });
    try {
      await expect(host.importFile()).resolves.toEqual(pickedInPage);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(importFile).not.toHaveBeenCalled();
  });
});
