/** What kind of element a key press lands on, so global shortcuts never steal a control's own keys. */

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number']);

/** A field the user types text into: its editing keys (undo, arrows, space) are its own. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

/** Any control that answers Space or the arrow keys itself (a button, a list, a checkbox, a text field). */
export function isActivatable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (isTextEntry(target)) return true;
  return target.closest('button, a[href], input, select, textarea, summary, [role="button"], [role="tab"], [role="slider"], [role="grid"], [draggable="true"], dialog') !== null;
}
