/**
 * The application menu, per platform: macOS has its app menu and the OS's own Open Recent list; Windows
 * and Linux put Exit/Quit in File and list recent files themselves. Items that act on the document are
 * sent to the page as menu commands; the rest (windows, dialogs, zoom, theme, help) main does itself.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { HelpTopic } from '../../src-shared/ipc/channels';
import type { MenuCommand } from '../../src-shared/ipc/preload-api';
import { APP_NAME } from './document-title';
import type { Theme } from './preferences';

export interface MenuActions {
  newWindow(): void;
  open(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  /** Sends a command to the focused window's page. */
  command(command: MenuCommand): void;
  setTheme(theme: Theme): void;
  openHelp(topic: HelpTopic): void;
  showCitation(): void;
  showAbout(): void;
}

export interface MenuState {
  /** Paths of the recent files, newest first. */
  recent: readonly string[];
  theme: Theme;
  /** Adds Reload and the developer tools, for `electron-vite dev` only. */
  development: boolean;
}

export function appMenuTemplate(platform: NodeJS.Platform, state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const command = (label: string, accelerator: string | undefined, name: MenuCommand): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.command(name),
  });

  const appMenu: MenuItemConstructorOptions = {
    label: APP_NAME,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New', accelerator: 'CmdOrCtrl+N', click: () => actions.newWindow() },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
      openRecentMenu(mac, state.recent, actions),
      { type: 'separator' },
      command('Save', 'CmdOrCtrl+S', 'save'),
      command('Save As…', 'CmdOrCtrl+Shift+S', 'save-as'),
      { type: 'separator' },
      command('Import…', 'CmdOrCtrl+I', 'import'),
      command('Export…', 'CmdOrCtrl+E', 'export'),
      { type: 'separator' },
      { role: 'close' },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: platform === 'win32' ? 'E&xit' : '&Quit' } as const]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      command('Undo', 'CmdOrCtrl+Z', 'undo'),
      command('Redo', mac ? 'Shift+Cmd+Z' : 'Ctrl+Y', 'redo'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const themes: { theme: Theme; label: string }[] = [
    { theme: 'system', label: 'Match System' },
    { theme: 'light', label: 'Light' },
    { theme: 'dark', label: 'Dark' },
  ];
  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      {
        label: 'Theme',
        submenu: themes.map(({ theme, label }) => ({
          label,
          type: 'radio' as const,
          checked: state.theme === theme,
          click: () => actions.setTheme(theme),
        })),
      },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(state.development ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      { label: `${APP_NAME} User Guide`, click: () => actions.openHelp('user-guide') },
      { label: 'Model File Format', click: () => actions.openHelp('model-file-format') },
      { label: 'How to Cite…', click: () => actions.showCitation() },
      { type: 'separator' },
      { label: 'Report a Problem', click: () => actions.openHelp('report-a-problem') },
      ...(mac ? [] : [{ type: 'separator' } as const, { label: `About ${APP_NAME}`, click: () => actions.showAbout() }]),
    ],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, { role: 'windowMenu', label: '&Window' }, helpMenu];
}

function openRecentMenu(mac: boolean, recent: readonly string[], actions: MenuActions): MenuItemConstructorOptions {
  // macOS keeps this list itself (app.addRecentDocument) and sends 'open-file' when an entry is chosen.
  if (mac) return { label: 'Open Recent', role: 'recentDocuments', submenu: [{ role: 'clearRecentDocuments' }] };
  return {
    label: 'Open &Recent',
    submenu: [
      ...recent.map((path) => ({ label: escapeAmpersands(path), click: () => actions.openRecent(path) })),
      ...(recent.length > 0 ? [{ type: 'separator' } as const] : []),
      { label: 'Clear Recently Opened', enabled: recent.length > 0, click: () => actions.clearRecent() },
    ],
  };
}

/** Menu labels on Windows and Linux take & as a mnemonic marker; a path's own & must show as itself. */
function escapeAmpersands(label: string): string {
  return label.replace(/&/g, '&&');
}
