/**
 * How a component hands the user a file it made (a chart's PNG, SVG or CSV, a diagram's SVG) or a set of
 * files (a pattern set as tlearn's .data and .teach): the app provides the host's exportFile and
 * exportFileSet once, with their failures shown as the app's notice; a component set up without them
 * (nothing provided) downloads, as the web build does.
 */
import { getContext, setContext } from 'svelte';
import type { ExportedFile, ExportedFileSet } from '../hosts/host';
import { downloadExport, downloadExportSet } from './download';

export type SaveExport = (file: ExportedFile) => void;
/** Resolves true once the files are saved; false when the user cancelled or it failed (already said). */
export type SaveExportSet = (set: ExportedFileSet) => Promise<boolean>;

const KEY = Symbol('save-export');
const SET_KEY = Symbol('save-export-set');

/** In the app's root component: how every export below it is saved. */
export function provideSaveExport(save: SaveExport): void {
  setContext(KEY, save);
}

/** In a component's set-up: the way to save its exports. */
export function saveExportHere(): SaveExport {
  return getContext<SaveExport | undefined>(KEY) ?? downloadExport;
}

/** In the app's root component: how every set of files below it is saved. */
export function provideSaveExportSet(save: SaveExportSet): void {
  setContext(SET_KEY, save);
}

/** In a component's set-up: the way to save its sets of files. */
export function saveExportSetHere(): SaveExportSet {
  return getContext<SaveExportSet | undefined>(SET_KEY) ?? downloadExportSet;
}
