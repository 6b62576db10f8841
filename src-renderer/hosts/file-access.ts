/**
 * The parts of the File System Access API the web build uses, which TypeScript's DOM library does not
 * declare yet (Chromium has them; other browsers fall back to a file input and a download).
 */
export interface PickerOptions {
  suggestedName?: string;
  types?: Array<{ description: string; accept: Record<string, string[]> }>;
  excludeAcceptAllOption?: boolean;
  id?: string;
}

export interface FileAccessWindow {
  showOpenFilePicker?: (options?: PickerOptions) => Promise<FileSystemFileHandle[]>;
  showSaveFilePicker?: (options?: PickerOptions) => Promise<FileSystemFileHandle>;
}

export type PermissionMode = 'read' | 'readwrite';

interface PermissionHandle {
  queryPermission?: (descriptor: { mode: PermissionMode }) => Promise<PermissionState>;
  requestPermission?: (descriptor: { mode: PermissionMode }) => Promise<PermissionState>;
}

interface HandleItem {
  getAsFileSystemHandle?: () => Promise<FileSystemHandle | null>;
}

export function fileAccess(): FileAccessWindow {
  return window as unknown as FileAccessWindow;
}

export const MODEL_FILE_TYPES: PickerOptions['types'] = [{ description: 'Backprop Lab model', accept: { 'application/json': ['.bplab'] } }];

/**
 * Whether the page may use the file; asks (the browser's own prompt) when it may not yet. Asking needs a
 * user gesture, which the Save, Open and Recent buttons provide.
 */
export async function permitted(handle: FileSystemHandle, mode: PermissionMode): Promise<boolean> {
  const withPermission = handle as FileSystemHandle & PermissionHandle;
  if (!withPermission.queryPermission || !withPermission.requestPermission) return true;
  if ((await withPermission.queryPermission({ mode })) === 'granted') return true;
  return (await withPermission.requestPermission({ mode })) === 'granted';
}

export async function handleOfItem(item: DataTransferItem): Promise<FileSystemHandle | null> {
  const withHandle = item as DataTransferItem & HandleItem;
  return withHandle.getAsFileSystemHandle ? withHandle.getAsFileSystemHandle() : null;
}

/** A cancelled picker rejects with an AbortError: that is the user's choice, not a failure. */
export function isCancel(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
