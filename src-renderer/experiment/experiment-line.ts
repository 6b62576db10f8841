/** A line of an experiment chart (ExperimentChart.svelte). */
export interface ExperimentLine {
  label: string;
  colour: string;
  width: number;
  /** 0–1: an individual run is drawn faint. */
  alpha: number;
  /** Drawn dashed and left out of the legend: a band's edge. */
  edge?: boolean;
  values: (number | null)[];
}
