/** The builder's drag payloads, told apart by type (a drag's data can be read only when it is dropped). */
export const NEW_LAYER = 'application/x-backprop-lab-new-layer';
export const MOVE_LAYER = 'application/x-backprop-lab-move-layer';
/** A projection being drawn: the layer it comes from (its card's ⇡ handle), dropped on the layer it goes into. */
export const CONNECT_LAYER = 'application/x-backprop-lab-connect-layer';
/** A context layer from the palette, dropped on the card of the layer it is to copy (a recurrent network). */
export const CONTEXT_LAYER = 'application/x-backprop-lab-context-layer';

export function carries(event: DragEvent, type: string): boolean {
  return event.dataTransfer?.types.includes(type) ?? false;
}
