/**
 * How a component hands the user a file it made (a chart's PNG, SVG or CSV, a diagram's SVG): the app
 * provides the host's saveExport once, with its failures shown as the app's notice; a component set up
 * without it (nothing provided) downloads, as the web build does.
 */
import { getContext, setContext } from 'svelte';
import type { ExportedFile } from '../hosts/host';
import { downloadExport } from './download';

export type SaveExport = (file: ExportedFile) => void;

const KEY = Symbol('save-export');

/** In the app's root component: how every export below it is saved. */
export function provideSaveExport(save: SaveExport): void {
  setContext(KEY, save);
}

/** In a component's set-up: the way to save its exports. */
export function saveExportHere(): SaveExport {
  return getContext<SaveExport | undefined>(KEY) ?? downloadExport;
}
