/**
 * A <dialog class="dialog"> as a modal, attached with {@attach modal(open, cancel)}: shown modally while
 * `open`, closed once it is not; Escape asks `cancel` rather than closing the dialog behind the state's back.
 */
import type { Attachment } from 'svelte/attachments';

export function modal(open: boolean, cancel: () => void): Attachment<HTMLDialogElement> {
  return (dialog) => {
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
    const onCancel = (event: Event) => {
      event.preventDefault();
      cancel();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => dialog.removeEventListener('cancel', onCancel);
  };
}
