/**
 * Edit → Undo and Redo in the desktop app: the document's history, except while the user types in a field,
 * where they undo the typing (as Ctrl/Cmd+Z does there). On macOS Cmd+Z in a field reaches the page only
 * as the menu item, so a menu that always undid the document would throw away a model edit instead.
 * The DOM is the browser's: the few element classes focus-kinds.ts checks are stood in for here.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MenuCommand as PreloadMenuCommand, PreloadApi } from '../../../src-shared/ipc/preload-api';
import type { MenuCommand } from '../../../src-renderer/hosts/host';

vi.mock('../../../src-renderer/hosts/web-recovery', () => ({
  createRecoveryStore: async () => ({ keep: async () => undefined, clear: async () => undefined, leftBehind: async () => [], discard: async () => undefined }),
}));

const { createElectronHost } = await import('../../../src-renderer/hosts/electron');

class FakeElement {
  isContentEditable = false;
  closest(): null {
    return null;
  }
}
class FakeInput extends FakeElement {
  constructor(readonly type: string) {
    super();
  }
}
class FakeTextArea extends FakeElement {}

/** A page whose focus is on `active`; returns the editing commands the page ran itself. */
function focusOn(active: FakeElement | null): string[] {
  const executed: string[] = [];
  vi.stubGlobal('HTMLElement', FakeElement);
  vi.stubGlobal('HTMLInputElement', FakeInput);
  vi.stubGlobal('HTMLTextAreaElement', FakeTextArea);
  vi.stubGlobal('document', {
    activeElement: active,
    execCommand: (command: string) => {
      executed.push(command);
      return true;
    },
  });
  return executed;
}

async function hostWithMenu() {
  let menuListener: ((command: PreloadMenuCommand) => void) | null = null;
  const api = {
    platform: 'darwin',
    onMenuCommand(listener: (command: PreloadMenuCommand) => void) {
      menuListener = listener;
      return () => (menuListener = null);
    },
  } as unknown as PreloadApi;
  const host = await createElectronHost(api);
  const heard: MenuCommand[] = [];
  host.onMenuCommand((command) => heard.push(command));
  return { heard, menu: (command: PreloadMenuCommand) => menuListener?.(command) };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Edit → Undo and Redo in the Electron host', () => {
  it('go to the document’s history when no text field has the focus', async () => {
    const { heard, menu } = await hostWithMenu();
    for (const active of [null, new FakeElement(), new FakeInput('checkbox'), new FakeInput('range')]) {
      const executed = focusOn(active);
      menu('undo');
      menu('redo');
      expect(executed).toEqual([]);
    }
    expect(heard).toEqual(['undo', 'redo', 'undo', 'redo', 'undo', 'redo', 'undo', 'redo']);
  });

  it('undo and redo the typing in a focused text field, leaving the document as it is', async () => {
    const { heard, menu } = await hostWithMenu();
    const editable = Object.assign(new FakeElement(), { isContentEditable: true });
    for (const active of [new FakeInput('text'), new FakeInput('number'), new FakeTextArea(), editable]) {
      const executed = focusOn(active);
      menu('undo');
      menu('redo');
      expect(executed).toEqual(['undo', 'redo']);
    }
    expect(heard).toEqual([]);
  });

  it('pass the other commands on whatever has the focus', async () => {
    const { heard, menu } = await hostWithMenu();
    focusOn(new FakeInput('text'));
    menu('save');
    menu('import');
    expect(heard).toEqual(['save', 'import']);
  });
});
