import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appMenuTemplate, type MenuActions } from '../../../src-main/main/app-menu';

function actions(): MenuActions {
  return {
    newWindow: vi.fn(), open: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn(), command: vi.fn(),
    setTheme: vi.fn(), openHelp: vi.fn(), showCitation: vi.fn(), showAbout: vi.fn(),
  };
}

function build(platform: NodeJS.Platform, recent: string[] = [], development = false) {
  const act = actions();
  const template = appMenuTemplate(platform, { recent, theme: 'dark', development }, act);
  const menu = (label: string) => template.find((m) => m.label?.replace('&', '') === label || m.role === label)!;
  const items = (label: string) => menu(label).submenu as MenuItemConstructorOptions[];
  const item = (menuLabel: string, label: string) => items(menuLabel).find((i) => i.label?.replace(/&/g, '') === label || i.role === label)!;
  const click = (entry: MenuItemConstructorOptions) => (entry.click as () => void)();
  return { template, items, item, act, click };
}

describe.each(['darwin', 'win32', 'linux'] as const)('the application menu on %s', (platform) => {
  it('has File, Edit, View, Window and Help, with the app menu first on macOS only', () => {
    const labels = build(platform).template.map((m) => m.label?.replace(/&/g, '') ?? m.role);
    expect(labels).toEqual([...(platform === 'darwin' ? ['Backprop Lab'] : []), 'File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('sends the document’s own commands to the page, with the platform’s accelerators', () => {
    const { item, act, click } = build(platform);
    const expected: [string, string, string, string][] = [
      ['File', 'Save', 'CmdOrCtrl+S', 'save'],
      ['File', 'Save As…', 'CmdOrCtrl+Shift+S', 'save-as'],
      ['File', 'Import…', 'CmdOrCtrl+I', 'import'],
      ['File', 'Export…', 'CmdOrCtrl+E', 'export'],
      ['Edit', 'Undo', 'CmdOrCtrl+Z', 'undo'],
      ['Edit', 'Redo', platform === 'darwin' ? 'Shift+Cmd+Z' : 'Ctrl+Y', 'redo'],
    ];
    for (const [menu, label, accelerator, command] of expected) {
      const entry = item(menu, label);
      expect(entry.accelerator, label).toBe(accelerator);
      click(entry);
      expect(act.command).toHaveBeenLastCalledWith(command);
    }
  });

  it('opens windows and files itself, and uses the OS’s roles for the rest', () => {
    const { item, act, click, items } = build(platform);
    click(item('File', 'New'));
    click(item('File', 'Open…'));
    expect(act.newWindow).toHaveBeenCalled();
    expect(act.open).toHaveBeenCalled();
    expect(item('File', 'New').accelerator).toBe('CmdOrCtrl+N');
    expect(item('File', 'Open…').accelerator).toBe('CmdOrCtrl+O');
    expect(items('File').some((i) => i.role === 'close')).toBe(true);
    expect(items('Edit').map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    expect(items('View').map((i) => i.role).filter(Boolean)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('offers the three themes, the current one checked', () => {
    const { item, act } = build(platform);
    const themes = item('View', 'Theme').submenu as MenuItemConstructorOptions[];
    expect(themes.map((t) => [t.label, t.type, t.checked])).toEqual([
      ['Match System', 'radio', false],
      ['Light', 'radio', false],
      ['Dark', 'radio', true],
    ]);
    (themes[1].click as () => void)();
    expect(act.setTheme).toHaveBeenCalledWith('light');
  });

  it('leads from Help to the guide, the citation and About', () => {
    const { items, act } = build(platform);
    const help = items('Help');
    for (const entry of help) if (entry.click) (entry.click as () => void)();
    expect(act.openHelp).toHaveBeenCalledWith('user-guide');
    expect(act.showCitation).toHaveBeenCalled();
    if (platform === 'darwin') expect(act.showAbout).not.toHaveBeenCalled();
    else expect(act.showAbout).toHaveBeenCalled();
  });

  it('shows developer tools only in development', () => {
    expect(build(platform).items('View').some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(build(platform, [], true).items('View').some((i) => i.role === 'toggleDevTools')).toBe(true);
  });
});

describe('quitting and recent files', () => {
  it('quits from the app menu on macOS, from File elsewhere', () => {
    const mac = build('darwin');
    expect((mac.template[0].submenu as MenuItemConstructorOptions[]).some((i) => i.role === 'quit')).toBe(true);
    expect(mac.items('File').some((i) => i.role === 'quit')).toBe(false);
    expect(build('win32').items('File').find((i) => i.role === 'quit')?.label).toBe('E&xit');
    expect(build('linux').items('File').find((i) => i.role === 'quit')?.label).toBe('&Quit');
  });

  it('lets macOS keep Open Recent itself', () => {
    expect(build('darwin', ['/a.bplab']).item('File', 'Open Recent').role).toBe('recentDocuments');
  });

  it('lists recent files on Windows and Linux, each opening its file, with & shown as itself', () => {
    const { item, act, click } = build('win32', ['C:\\models\\R&D.bplab', 'C:\\models\\xor.bplab']);
    const recent = item('File', 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(recent.map((r) => r.label ?? r.type)).toEqual(['C:\\models\\R&&D.bplab', 'C:\\models\\xor.bplab', 'separator', 'Clear Recently Opened']);
    click(recent[0]);
    expect(act.openRecent).toHaveBeenCalledWith('C:\\models\\R&D.bplab');
    click(recent[3]);
    expect(act.clearRecent).toHaveBeenCalled();
    const empty = build('linux').item('File', 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(empty).toEqual([expect.objectContaining({ label: 'Clear Recently Opened', enabled: false })]);
  });
});
