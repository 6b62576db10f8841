/**
 * Reading and writing the user's files behind the Open, Save, Import and Export dialogs. The page never
 * names a path: it gets text from files the user picked, and main writes only where the user chose (or
 * where the window's document already lives), always atomically so a crash mid-save keeps the old file.
 */
import { basename, dirname, extname } from 'node:path';
import type { Dialog, FileFilter, MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { WEIGHT_FILE_EXTENSIONS, type ExportFormat, type ImportKind, type OpenedDocument, type SavedDocument } from '../../src-shared/ipc/channels';
import { englishList } from '../../src-shared/english-list';
import { MAX_MODEL_TEXT_BYTES } from '../../src-shared/model/file-size';
import { UserFacingError } from './ipc-handlers';

export const MODEL_EXTENSION = 'bplab';
/**
 * The longest text a host can hold (file-size.ts): the largest state the format allows fits in it, and a
 * wrong file is refused before it is read at all.
 */
export const MAX_DOCUMENT_BYTES = MAX_MODEL_TEXT_BYTES;

export const MODEL_FILTERS: FileFilter[] = [{ name: 'Backprop Lab model', extensions: [MODEL_EXTENSION] }];
const IMPORT_FILTERS: Record<ImportKind, FileFilter[]> = {
  patterns: [
    { name: 'Patterns and networks (CSV, PDP, Lens, tlearn)', extensions: ['csv', 'tsv', 'tab', 'txt', 'pat', 'ex', 'in', 'tcl', 'data', 'teach', 'reset', 'wts', 'cf'] },
    { name: 'Weights for the open model (safetensors, NumPy)', extensions: [...WEIGHT_FILE_EXTENSIONS] },
    { name: 'All files', extensions: ['*'] },
  ],
  model: [
    { name: 'tlearn network', extensions: ['cf'] },
    { name: 'All files', extensions: ['*'] },
  ],
};
const EXPORT_NAMES: Record<ExportFormat, string> = {
  csv: 'CSV table', json: 'JSON', svg: 'SVG image', png: 'PNG image', txt: 'Text', pat: 'PDP patterns',
  ex: 'Lens examples', data: 'tlearn inputs', teach: 'tlearn targets', cf: 'tlearn network', wts: 'tlearn weights', reset: 'tlearn sequence starts',
  npz: 'NumPy archive', npy: 'NumPy array', safetensors: 'safetensors weights', py: 'Python', onnx: 'ONNX model', mat: 'MATLAB data',
  'provenance.json': 'Provenance (JSON)',
};

/** The file operations the dialogs lead to: node:fs and writeFileAtomic in the app, fakes in tests. */
export interface DocumentDisk {
  size(path: string): Promise<number>;
  readText(path: string): Promise<string>;
  /** A file as it is: a weight file to import. */
  readBytes(path: string): Promise<Uint8Array>;
  /** Text is written as UTF-8; bytes (an exported PNG) as they are. */
  writeAtomic(path: string, contents: string | Uint8Array): Promise<void>;
}

/** Electron's dialogs bound to the window they belong to (sheets on macOS). */
export type WindowDialogs = {
  showOpenDialog(options: OpenDialogOptions): ReturnType<Dialog['showOpenDialog']>;
  showSaveDialog(options: SaveDialogOptions): ReturnType<Dialog['showSaveDialog']>;
  showMessageBox(options: MessageBoxOptions): ReturnType<Dialog['showMessageBox']>;
};

export async function readDocument(disk: DocumentDisk, path: string): Promise<OpenedDocument> {
  await checkSize(disk, path);
  try {
    return { path, name: basename(path), text: await disk.readText(path) };
  } catch (error) {
    throw new UserFacingError(`Could not open ${path}: ${describeFsError(error)}`);
  }
}

/** A weight file's bytes, bounded as a model file is (a model's weights fit in one). */
export async function readWeightFile(disk: DocumentDisk, path: string): Promise<{ name: string; bytes: Uint8Array }> {
  await checkSize(disk, path);
  try {
    return { name: basename(path), bytes: await disk.readBytes(path) };
  } catch (error) {
    throw new UserFacingError(`Could not open ${path}: ${describeFsError(error)}`);
  }
}

async function checkSize(disk: DocumentDisk, path: string): Promise<void> {
  let size: number;
  try {
    size = await disk.size(path);
  } catch (error) {
    throw new UserFacingError(`Could not open ${path}: ${describeFsError(error)}`);
  }
  if (size > MAX_DOCUMENT_BYTES) {
    throw new UserFacingError(`Could not open ${path}: at ${Math.round(size / 2 ** 20)} MiB it is larger than any model file (at most ${Math.floor(MAX_DOCUMENT_BYTES / 2 ** 20)} MiB).`);
  }
}

export async function writeDocument(disk: DocumentDisk, path: string, contents: string | Uint8Array): Promise<SavedDocument> {
  try {
    await disk.writeAtomic(path, contents);
  } catch (error) {
    throw new UserFacingError(`Could not save ${path}: ${describeFsError(error)} The file that was there is unchanged.`);
  }
  return { path, name: basename(path) };
}

export async function chooseDocumentToOpen(dialogs: WindowDialogs): Promise<string | null> {
  const { canceled, filePaths } = await dialogs.showOpenDialog({ title: 'Open model', filters: MODEL_FILTERS, properties: ['openFile'] });
  return canceled || filePaths.length === 0 ? null : filePaths[0];
}

/** At most this many files in one import: a tlearn project is three (.cf, .data, .teach). */
export const MAX_IMPORT_FILES = 8;

/** Several files at once: a tlearn network comes as its .cf with its .data and .teach. */
export async function chooseFilesToImport(dialogs: WindowDialogs, kind: ImportKind): Promise<string[] | null> {
  const { canceled, filePaths } = await dialogs.showOpenDialog({ title: 'Import', filters: IMPORT_FILTERS[kind], properties: ['openFile', 'multiSelections'] });
  if (canceled || filePaths.length === 0) return null;
  if (filePaths.length > MAX_IMPORT_FILES) {
    throw new UserFacingError(`Import takes at most ${MAX_IMPORT_FILES} files at once (a tlearn network is its .cf, .data and .teach); ${filePaths.length} were chosen.`);
  }
  return filePaths;
}

/** Asks where to save a model; the answer always ends in .bplab, so the file opens with the app. */
export async function chooseWhereToSave(dialogs: WindowDialogs, suggestedName: string): Promise<string | null> {
  const { canceled, filePath } = await dialogs.showSaveDialog({
    title: 'Save model',
    defaultPath: withExtension(suggestedName, MODEL_EXTENSION),
    filters: MODEL_FILTERS,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  return canceled || !filePath ? null : withExtension(filePath, MODEL_EXTENSION);
}

export async function chooseWhereToExport(dialogs: WindowDialogs, format: ExportFormat, suggestedName: string): Promise<string | null> {
  const { canceled, filePath } = await dialogs.showSaveDialog({
    title: 'Export',
    defaultPath: withExtension(suggestedName, format),
    filters: [{ name: EXPORT_NAMES[format], extensions: [format] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  return canceled || !filePath ? null : withExtension(filePath, format);
}

/**
 * Asks once where a set of files goes (tlearn's .cf, .data and .teach): the answer is the base name, each
 * file to be written beside it with its own extension. An extension of the set typed after the name is
 * taken off, so `xor.cf` and `xor` both mean `xor.cf`, `xor.data`, `xor.teach`.
 */
/**
 * The base path for a set of files: `base`.`format` each. The Save dialog asks before replacing the one
 * file whose name was typed or picked (`confirmed`), not its neighbours: exportFileSet asks about those.
 */
export async function chooseWhereToExportSet(
  dialogs: WindowDialogs, formats: ExportFormat[], baseName: string,
): Promise<{ base: string; confirmed: string } | null> {
  const { canceled, filePath } = await dialogs.showSaveDialog({
    title: formats.length === 1 ? 'Export' : `Export ${formats.length} files`,
    defaultPath: baseName,
    buttonLabel: 'Export',
    ...(formats.length === 1
      ? {}
      : { nameFieldLabel: 'Base name:', message: `Writes the ${formats.map((format) => `.${format}`).join(', ')} files of this name side by side.` }),
    filters: [{ name: formats.map((format) => EXPORT_NAMES[format]).join(', '), extensions: formats }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (canceled || !filePath) return null;
  // Formats may have two dots (provenance.json), so the name is matched against each, not cut at its last dot.
  const typed = formats.find((format) => filePath.toLowerCase().endsWith(`.${format}`));
  return { base: typed ? filePath.slice(0, -typed.length - 1) : filePath, confirmed: filePath };
}

/** Whether replacing these existing files is all right: yes when there are none, else the user says. */
export async function mayReplace(dialogs: WindowDialogs, existing: readonly string[]): Promise<boolean> {
  if (existing.length === 0) return true;
  const names = existing.map((path) => basename(path));
  const { response } = await dialogs.showMessageBox({
    type: 'warning',
    message: `Replace ${englishList(names)}?`,
    detail: `${names.length === 1 ? 'It already exists' : 'They already exist'} in ${dirname(existing[0])}. Exporting replaces ${names.length === 1 ? 'it' : 'them'}.`,
    buttons: ['Replace', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  });
  return response === 0;
}

/** `name` with `.extension`, unless it already ends so (any case). */
export function withExtension(name: string, extension: string): string {
  return extname(name).toLowerCase() === `.${extension}` ? name : `${name}.${extension}`;
}

export function isModelFile(path: string): boolean {
  return extname(path).toLowerCase() === `.${MODEL_EXTENSION}`;
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string })?.code;
  switch (code) {
    case 'ENOENT': return 'the file or its folder does not exist.';
    case 'EACCES':
    case 'EPERM': return 'permission denied; choose a folder you can write to, or ask your administrator.';
    case 'EISDIR': return 'that is a folder, not a file.';
    case 'ENOSPC': return 'the disk is full; free some space and try again.';
    case 'EROFS': return 'the disk is read-only; choose another folder.';
    default: return `${(error as Error)?.message ?? String(error)}.`;
  }
}
