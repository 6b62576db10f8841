/**
 * Opening and saving model files in a browser: the File System Access API where the browser has it (a
 * handle, so Save writes back to the same file), otherwise a file input to open and a download to save.
 */
import type { FileTarget, OpenedFile, RecentFile, SavedFile, SaveRequest } from './host';
import { fileAccess, handleOfItem, isCancel, MODEL_FILE_TYPES, permitted } from './file-access';
import { fileText, TextEncodingError } from './file-text';
import { forgetRecentFile, listRecentFiles, recentHandle, rememberFile } from './web-recent';

const PICKER_ID = 'backprop-lab-models';

export async function openModelFile(): Promise<OpenedFile | null> {
  const picker = fileAccess().showOpenFilePicker;
  if (!picker) return pickWithInput();
  let handle: FileSystemFileHandle;
  try {
    [handle] = await picker({ id: PICKER_ID, types: MODEL_FILE_TYPES });
  } catch (error) {
    if (isCancel(error)) return null;
    throw error;
  }
  return readHandle(handle);
}

export async function openDroppedFile(data: DataTransfer): Promise<OpenedFile | null> {
  const item = [...data.items].find((candidate) => candidate.kind === 'file');
  if (!item) return null;
  // Ask for the handle first: the item is only readable during the drop event's own task.
  const file = item.getAsFile();
  const handle = await handleOfItem(item).catch(() => null);
  if (handle instanceof FileSystemFileHandle) return readHandle(handle);
  return file ? { name: file.name, text: await fileText(file), target: null } : null;
}

export async function saveModelFile(text: string, request: SaveRequest): Promise<SavedFile | null> {
  const handle = request.target ? asHandle(request.target) : await pickSaveHandle(request.suggestedName);
  if (handle === undefined) return download(text, request.suggestedName);
  if (handle === null) return null;
  if (!(await permitted(handle, 'readwrite'))) throw new Error(`The browser did not allow writing ${handle.name}. Use Save As… to choose a file.`);
  // The browser writes to a temporary file and moves it over the old one on close: an interrupted save
  // leaves the old file as it was.
  const writable = await handle.createWritable();
  try {
    await writable.write(text);
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw new Error(`${handle.name} could not be written: ${(error as Error).message}`);
  }
  await rememberFile(handle).catch(() => undefined);
  return { name: handle.name, target: asTarget(handle) };
}

export function recentFiles(): Promise<RecentFile[]> {
  return fileAccess().showOpenFilePicker ? listRecentFiles().catch(() => []) : Promise.resolve([]);
}

export async function openRecentFile(id: string): Promise<OpenedFile | null> {
  const handle = await recentHandle(id);
  if (!handle) return null;
  try {
    return await readHandle(handle);
  } catch (error) {
    // Still there, in an encoding to save again as UTF-8: the message says so, and the file stays listed.
    if (error instanceof TextEncodingError) throw error;
    await forgetRecentFile(id).catch(() => undefined);
    throw new Error(`${handle.name} could not be read (moved or deleted?): ${(error as Error).message}`);
  }
}

async function readHandle(handle: FileSystemFileHandle): Promise<OpenedFile> {
  const file = await handle.getFile();
  const text = await fileText(file);
  await rememberFile(handle).catch(() => undefined);
  return { name: file.name, text, target: asTarget(handle) };
}

/** undefined: the browser has no save picker (download instead); null: the user cancelled. */
async function pickSaveHandle(suggestedName: string): Promise<FileSystemFileHandle | null | undefined> {
  const picker = fileAccess().showSaveFilePicker;
  if (!picker) return undefined;
  try {
    return await picker({ id: PICKER_ID, suggestedName, types: MODEL_FILE_TYPES });
  } catch (error) {
    if (isCancel(error)) return null;
    throw error;
  }
}

function download(text: string, name: string): SavedFile {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has its own copy once it starts; give it a moment before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { name, target: null };
}

/** The file input every browser has; resolves null when the user closes the dialog without a file. */
function pickWithInput(): Promise<OpenedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.bplab,application/json';
    input.addEventListener('cancel', () => resolve(null));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      fileText(file).then((text) => resolve({ name: file.name, text, target: null }), reject);
    });
    input.click();
  });
}

function asTarget(handle: FileSystemFileHandle): FileTarget {
  return handle as unknown as FileTarget;
}

function asHandle(target: FileTarget): FileSystemFileHandle {
  return target as unknown as FileSystemFileHandle;
}
