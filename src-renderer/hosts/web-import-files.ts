/**
 * Picking files to import in a browser: a file input, several files at once (a tlearn .cf with its .data
 * and .teach). No File System Access handle is asked for: an import is read once, never written back.
 */
import { isWeightFileName, WEIGHT_FILE_EXTENSIONS } from '../../src-shared/ipc/channels';
import type { PickedFile } from './host';
import { fileText } from './file-text';

/**
 * Every format File → Import reads (src-shared/data/import/recognise.ts), tlearn's network file first,
 * and the weight files that load into the open model.
 */
export const IMPORT_FILE_TYPES = ['.cf,.data,.teach,.reset,.csv,.tsv,.tab,.txt,.pat,.ex,.in,.tcl', ...WEIGHT_FILE_EXTENSIONS.map((e) => `.${e}`)].join(',');

/** A weight file's bytes, any other file's text. */
export async function pickedFile(file: File): Promise<PickedFile> {
  if (isWeightFileName(file.name)) return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  return { name: file.name, text: await fileText(file) };
}

/** Resolves null when the user closes the chooser without a file. */
export function pickFilesToImport(): Promise<PickedFile[] | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = IMPORT_FILE_TYPES;
    input.addEventListener('cancel', () => resolve(null));
    input.addEventListener('change', () => {
      const files = Array.from(input.files ?? []);
      Promise.all(files.map(pickedFile)).then(resolve, reject);
    });
    input.click();
  });
}
