/** The About and How to Cite texts: shown in native dialogs, so they work with no page at all. */
import type { MessageBoxOptions } from 'electron';
import { APP_NAME } from './document-title';

export function aboutDialog(version: string, versions: Partial<Record<'electron' | 'chrome' | 'node', string>>): MessageBoxOptions {
  return {
    type: 'info',
    message: `${APP_NAME} ${version}`,
    detail: [
      'A simulator for building, training and looking inside neural networks: delta rule, backpropagation and feedback alignment, live.',
      '',
      `Electron ${versions.electron ?? '?'} · Chromium ${versions.chrome ?? '?'} · Node ${versions.node ?? '?'}`,
      'Released under the MIT licence. Works offline: it sends nothing anywhere.',
    ].join('\n'),
    buttons: ['OK'],
    noLink: true,
  };
}

export function citation(version: string, year: number): string {
  return `${APP_NAME} (Version ${version}) [Computer software]. (${year}). A simulator for training and analysing neural networks with backpropagation.`;
}

/** The citation, with a button (index `copyButton`) that copies it to the clipboard. */
export function citationDialog(version: string, year: number): { options: MessageBoxOptions; copyButton: number } {
  return {
    copyButton: 0,
    options: {
      type: 'info',
      message: `How to cite ${APP_NAME}`,
      detail: `${citation(version, year)}\n\nPlease name the version you used, so that others can re-run your models exactly.`,
      buttons: ['Copy Citation', 'Close'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    },
  };
}
