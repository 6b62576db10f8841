/** Zooming a uPlot chart by dragging across it: the epochs the drag covered become the chart's zoom. */
import type uPlot from 'uplot';
import type { XRange } from './chart-types';

/**
 * The epochs a drag across the plot selected, null for a click or a drag of 3 px or less; the drawn
 * selection is cleared either way (the zoom shows what was chosen).
 */
export function takeSelection(u: uPlot): XRange | null {
  const { left, width } = u.select;
  let range: XRange | null = null;
  if (width > 3) {
    const from = u.posToVal(left, 'x');
    const to = u.posToVal(left + width, 'x');
    if (to > from) range = [from, to];
  }
  u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
  return range;
}
