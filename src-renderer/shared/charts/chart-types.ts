/** What the Train view's charts are given: lines over epochs, and markers where settings changed. */
export interface ChartLine {
  id: string;
  label: string;
  /** A theme variable (`--accent`) or a colour. */
  colour: string;
  width: number;
  /** An earlier run: drawn fainter. */
  faded?: boolean;
  dash?: number[];
  epochs: ArrayLike<number>;
  values: ArrayLike<number>;
}

export interface ChartMarker {
  /** Where the change took effect, in epochs (fractional: part way into the next epoch). */
  x: number;
  label: string;
  /** An earlier run's marker: drawn in that run's colour (a theme variable or a colour), see-through. */
  colour?: string;
  faded?: boolean;
}

export type XRange = [number, number];
