/**
 * The window title: the document's name, marked while it has unsaved changes. macOS shows the mark as
 * the dot in the close button (documentEdited) instead, so its title carries none.
 */
export const APP_NAME = 'Backprop Lab';
export const UNTITLED = 'Untitled';

export function documentName(path: string | null): string {
  if (path === null) return UNTITLED;
  return path.split(/[/\\]/).pop() || UNTITLED;
}

export function windowTitle(path: string | null, edited: boolean, platform: NodeJS.Platform): string {
  const marker = edited && platform !== 'darwin' ? '• ' : '';
  return `${marker}${documentName(path)} — ${APP_NAME}`;
}
