import { EventEmitter } from 'node:events';
import type { MessageBoxOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../src-shared/ipc/preload-api';
import type { DocumentDisk, WindowDialogs } from '../../../src-main/main/document-files';
import { DocumentWindows, type DocumentWindow } from '../../../src-main/main/document-windows';
import { examples } from '../../../src-shared/data/examples';
import { serializeModel } from '../../../src-shared/model/serialize';

/** A model file's text, `name` telling versions apart: main writes only what the loader accepts. */
const modelText = (name: string) => serializeModel({ ...examples.find((e) => e.id === 'xor')!.build(), name });

let nextId = 1;
class FakeWindow extends EventEmitter {
  destroyed = false;
  focused = false;
  title = '';
  edited = false;
  readonly sent: unknown[] = [];
  readonly webContents = { id: nextId++, send: (channel: string, command: unknown) => this.sent.push([channel, command]) };
  setTitle(title: string) {
    this.title = title;
  }
  setDocumentEdited(edited: boolean) {
    this.edited = edited;
  }
  setRepresentedFilename() {}
  isDestroyed() {
    return this.destroyed;
  }
  isFocused() {
    return this.focused;
  }
  focus() {
    this.focused = true;
  }
  /** Like Electron: 'close' may be prevented; otherwise the window goes and 'closed' follows. */
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
  commands() {
    return this.sent.filter((s) => (s as unknown[])[0] === IPC_CHANNELS.menuCommand).map((s) => (s as unknown[])[1]);
  }
}

function setUp(platform: NodeJS.Platform = 'linux') {
  const files = new Map<string, string>([['/m/xor.bplab', '{"xor":1}'], ['/m/encoder.bplab', '{"enc":1}']]);
  const disk: DocumentDisk = {
    size: async (path) => {
      if (!files.has(path)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
      return files.get(path)!.length;
    },
    readText: async (path) => files.get(path)!,
    readBytes: async () => {
      throw new Error('documents are read as text');
    },
    // Documents are text; exports' bytes never reach this fake.
    writeAtomic: async (path, contents) => void files.set(path, typeof contents === 'string' ? contents : new TextDecoder().decode(contents)),
  };
  const dialogAnswers = { open: null as string | null, save: null as string | null };
  const dialogs: WindowDialogs = {
    showOpenDialog: async () => ({ canceled: dialogAnswers.open === null, filePaths: dialogAnswers.open ? [dialogAnswers.open] : [] }),
    showSaveDialog: async () => ({ canceled: dialogAnswers.save === null, filePath: dialogAnswers.save ?? '' }),
    showMessageBox: async () => ({ response: 0, checkboxChecked: false }),
  };
  const prompts: MessageBoxOptions[] = [];
  let promptAnswer = 0;
  const created: FakeWindow[] = [];
  const deps = {
    createWindow: () => {
      const window = new FakeWindow();
      created.push(window);
      return window as unknown as DocumentWindow;
    },
    platform,
    disk,
    dialogs: () => dialogs,
    showMessageBox: async (_window: DocumentWindow, options: MessageBoxOptions) => {
      prompts.push(options);
      return { response: promptAnswer };
    },
    noteRecent: vi.fn(),
    quit: vi.fn(),
  };
  const windows = new DocumentWindows(deps);
  const open = (path: string | null = null) => {
    windows.openWindow(path);
    const window = created.at(-1)!;
    created.forEach((w) => (w.focused = w === window));
    return window;
  };
  return { windows, open, created, files, dialogAnswers, prompts, deps, answer: (n: number) => (promptAnswer = n) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('opening documents', () => {
  it('hands a window the file it was opened for, once, and names it in the title', async () => {
    const { windows, open, deps } = setUp();
    const window = open('/m/xor.bplab');
    expect(window.title).toBe('Untitled — Backprop Lab');
    expect(await windows.takePendingDocument(window.webContents.id)).toEqual({ path: '/m/xor.bplab', name: 'xor.bplab', text: '{"xor":1}' });
    expect(await windows.takePendingDocument(window.webContents.id)).toBeNull();
    expect(window.title).toBe('xor.bplab — Backprop Lab');
    expect(deps.noteRecent).toHaveBeenCalledWith('/m/xor.bplab');
  });

  it('opens a file from outside in the focused window if it holds nothing, else in a new one', () => {
    const { windows, open, created } = setUp();
    const empty = open();
    windows.openPath('/m/xor.bplab');
    expect(created).toHaveLength(1);
    expect(empty.commands()).toEqual(['open-pending']);
    windows.setEdited(empty.webContents.id, true);
    windows.openPath('/m/encoder.bplab');
    expect(created).toHaveLength(2);
  });

  it('focuses the window that already has the file open instead of opening it twice', async () => {
    const { windows, open, created } = setUp();
    const first = open('/m/xor.bplab');
    await windows.takePendingDocument(first.webContents.id);
    open();
    windows.openPath('/m/xor.bplab');
    expect(created).toHaveLength(2);
    expect(first.focused).toBe(true);
  });

  it('answers the page’s Open with the document, or opens it elsewhere when the page holds one', async () => {
    const { windows, open, created, dialogAnswers } = setUp();
    const window = open();
    dialogAnswers.open = '/m/xor.bplab';
    expect(await windows.openWithDialog(window as unknown as DocumentWindow)).toMatchObject({ name: 'xor.bplab' });
    dialogAnswers.open = '/m/encoder.bplab';
    expect(await windows.openWithDialog(window as unknown as DocumentWindow)).toBe('opened-in-new-window');
    expect(created).toHaveLength(2);
    dialogAnswers.open = null;
    expect(await windows.openWithDialog(window as unknown as DocumentWindow)).toBeNull();
  });

  it('reports a file that cannot be read in words for the user', async () => {
    const { windows, open } = setUp();
    const window = open('/m/gone.bplab');
    await expect(windows.takePendingDocument(window.webContents.id)).rejects.toThrow('Could not open /m/gone.bplab: the file or its folder does not exist.');
  });
});

describe('saving', () => {
  it('asks where the first time, always with .bplab, then saves in place', async () => {
    const { windows, open, files, dialogAnswers } = setUp();
    const window = open();
    const id = window.webContents.id;
    windows.setEdited(id, true);
    expect(window.title).toBe('• Untitled — Backprop Lab');
    dialogAnswers.save = '/m/new-model';
    expect(await windows.save(id, modelText('v1'), 'xor', false)).toEqual({ path: '/m/new-model.bplab', name: 'new-model.bplab' });
    expect(window.title).toBe('new-model.bplab — Backprop Lab');
    dialogAnswers.save = null;
    expect(await windows.save(id, modelText('v2'), undefined, false)).toMatchObject({ path: '/m/new-model.bplab' });
    expect(files.get('/m/new-model.bplab')).toBe(modelText('v2'));
    expect(await windows.save(id, modelText('v3'), undefined, true)).toBeNull();
    expect(files.get('/m/new-model.bplab')).toBe(modelText('v2'));
  });

  it('refuses to write what the loader would refuse, naming the field, and keeps the file that was there', async () => {
    const { windows, open, files, dialogAnswers } = setUp();
    const window = open();
    const id = window.webContents.id;
    dialogAnswers.save = '/m/good.bplab';
    await windows.save(id, modelText('good'), undefined, false);
    const bad = JSON.parse(modelText('bad'));
    bad.training.learningRate = -1;
    await expect(windows.save(id, JSON.stringify(bad), undefined, false)).rejects.toThrow(/not saved.*training\.learningRate.*unchanged/s);
    await expect(windows.save(id, 'not a model', undefined, true)).rejects.toThrow(/not saved.*not valid JSON/s);
    expect(files.get('/m/good.bplab')).toBe(modelText('good'));
  });

  it('shows the edited dot on macOS instead of a title marker', () => {
    const { windows, open } = setUp('darwin');
    const window = open();
    windows.setEdited(window.webContents.id, true);
    expect(window.edited).toBe(true);
    expect(window.title).toBe('Untitled — Backprop Lab');
  });
});

describe('closing with unsaved changes', () => {
  it('closes at once when there is nothing unsaved', () => {
    const { open, prompts } = setUp();
    const window = open();
    window.close();
    expect(window.destroyed).toBe(true);
    expect(prompts).toHaveLength(0);
  });

  it('stays open on Cancel', async () => {
    const { windows, open, prompts, answer } = setUp();
    const window = open();
    windows.setEdited(window.webContents.id, true);
    answer(2);
    window.close();
    await settle();
    expect(prompts).toHaveLength(1);
    expect(window.destroyed).toBe(false);
  });

  it('names the page’s document, an example not yet saved, in the title and the prompt', async () => {
    const { windows, open, prompts, answer } = setUp();
    const window = open();
    windows.setEdited(window.webContents.id, false, 'XOR');
    expect(window.title).toBe('XOR — Backprop Lab');
    // An edit says nothing of the name: the name stays.
    windows.setEdited(window.webContents.id, true);
    expect(window.title).toBe('• XOR — Backprop Lab');
    answer(2);
    window.close();
    await settle();
    expect(prompts[0].message).toContain('XOR');
    windows.setEdited(window.webContents.id, false, null);
    expect(window.title).toBe('Untitled — Backprop Lab');
  });

  it('closes without saving on Don’t Save', async () => {
    const { windows, open, answer } = setUp();
    const window = open();
    windows.setEdited(window.webContents.id, true);
    answer(1);
    window.close();
    await settle();
    expect(window.destroyed).toBe(true);
  });

  it('on Save asks the page to save and closes once it has; a cancelled Save dialog keeps it open', async () => {
    const { windows, open, answer, dialogAnswers } = setUp();
    const window = open();
    const id = window.webContents.id;
    windows.setEdited(id, true);
    answer(0);
    window.close();
    await settle();
    expect(window.commands()).toEqual(['save']);
    dialogAnswers.save = null;
    await windows.save(id, modelText('doc'), undefined, false);
    await settle();
    expect(window.destroyed).toBe(false);

    window.close();
    await settle();
    dialogAnswers.save = '/m/kept.bplab';
    await windows.save(id, modelText('doc'), undefined, false);
    await settle();
    expect(window.destroyed).toBe(true);
  });

  it('goes on quitting after each answered window, and stops on Cancel', async () => {
    const { windows, open, answer, deps } = setUp();
    const window = open();
    windows.setEdited(window.webContents.id, true);
    windows.beginQuit();
    answer(1);
    window.close();
    await settle();
    expect(deps.quit).toHaveBeenCalledTimes(1);

    const other = open();
    windows.setEdited(other.webContents.id, true);
    windows.beginQuit();
    answer(2);
    other.close();
    await settle();
    const third = open();
    third.close();
    expect(deps.quit).toHaveBeenCalledTimes(1);
  });
});
