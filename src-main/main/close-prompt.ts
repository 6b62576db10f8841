/**
 * Save / Don't Save / Cancel when a window with unsaved changes is closed or the app quits. Pure
 * decisions; the glue shows the dialog and acts on the answer.
 */
import type { MessageBoxOptions } from 'electron';

export type CloseAnswer = 'save' | 'discard' | 'cancel';

/** Whether a window may close now, or must ask first. `confirmed`: the user already said Don't Save, or it saved. */
export function closeDecision(window: { edited: boolean; confirmed: boolean }): 'close' | 'ask' {
  return window.edited && !window.confirmed ? 'ask' : 'close';
}

/**
 * What an answer leads to. Saving closes the window only once the page has saved (the user may still
 * cancel the Save dialog); Cancel also ends a quit in progress.
 */
export function closeAfterAnswer(answer: CloseAnswer): { action: 'close' | 'save-then-close' | 'stay'; stopQuitting: boolean } {
  switch (answer) {
    case 'save': return { action: 'save-then-close', stopQuitting: false };
    case 'discard': return { action: 'close', stopQuitting: false };
    case 'cancel': return { action: 'stay', stopQuitting: true };
  }
}

/**
 * The dialog, in each platform's own button order: macOS puts the default rightmost (Electron lays
 * buttons out right to left there), with Don't Save apart on the left; Windows and Linux read Save,
 * Don't Save, Cancel from the left. `answers[i]` is what button i means.
 */
export function closePrompt(documentName: string, platform: NodeJS.Platform): { options: MessageBoxOptions; answers: CloseAnswer[] } {
  const labels: Record<CloseAnswer, string> = { save: 'Save', discard: platform === 'darwin' ? 'Don’t Save' : "Don't Save", cancel: 'Cancel' };
  const answers: CloseAnswer[] = platform === 'darwin' ? ['save', 'cancel', 'discard'] : ['save', 'discard', 'cancel'];
  return {
    answers,
    options: {
      type: 'warning',
      message: `Do you want to save the changes you made to ${documentName}?`,
      detail: 'Your changes will be lost if you don’t save them.',
      buttons: answers.map((answer) => labels[answer]),
      defaultId: answers.indexOf('save'),
      cancelId: answers.indexOf('cancel'),
      noLink: true,
    },
  };
}

/** The answer for the button the user pressed; anything unexpected is taken as Cancel, which loses nothing. */
export function answerFor(response: number, answers: CloseAnswer[]): CloseAnswer {
  return answers[response] ?? 'cancel';
}
