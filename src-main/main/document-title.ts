/**
 * The window title: the document's name, marked while it has unsaved changes. macOS shows the mark as
 * the dot in the close button (documentEdited) instead, so its title carries none.
 */
export const APP_NAME = 'Backprop Lab';
export const UNTITLED = 'Untitled';

/**
 * The file's name; without a file, the name the page gives its document (an example's, a new model's),
 * else Untitled.
 */
export function documentName(path: string | null, pageName: string | null = null): string {
  if (path === null) return pageName || UNTITLED;
  return path.split(/[/\\]/).pop() || UNTITLED;
}

export function windowTitle(path: string | null, edited: boolean, platform: NodeJS.Platform, pageName: string | null = null): string {
  const marker = edited && platform !== 'darwin' ? '• ' : '';
  return `${marker}${documentName(path, pageName)} — ${APP_NAME}`;
}
