/**
 * Where the learning-dynamics view draws things, in the figure's own coordinates: each mode's recorded
 * strength over training, the analytic sigmoid of Saxe, McClelland & Ganguli beside it with its half-time
 * marked, and the axes' ticks. Pure, so the geometry is tested without a page.
 */
import { halfTime } from '../../src-shared/analysis/dynamics/saxe-theory';
import { predictedStrength } from '../../src-shared/engine/modes';
import type { ModeRecord } from './mode-history';

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Theory {
  /** a_0 per subspace, as subspaceInitialStrengths gives them (same shape as a record's perSubspace). */
  a0: number[][];
  learningRate: number;
}

export interface StrengthCurve {
  subspace: number;
  component: number;
  /** SVG polyline points. */
  recorded: string;
  analytic: string | null;
  /** Where the analytic curve reaches s/2 (null: no rise to time, a_0 ≤ 0 or ≥ s/2). */
  half: { epoch: number; x: number; y: number } | null;
}

export interface StrengthChart {
  xMax: number;
  yMin: number;
  yMax: number;
  curves: StrengthCurve[];
  xTicks: { value: number; x: number }[];
  yTicks: { value: number; y: number }[];
  /** Per subspace: the height of its singular value s, and where its label goes (moved apart when close). */
  asymptotes: { s: number; y: number; labelY: number }[];
}

/** Round tick values from 0 (or `min`) to `max`: steps of 1, 2 or 5 × 10^k, about `count` of them. */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return ticks;
}

/** The epoch where the analytic curve reaches 99% of s: where the chart's axis ends when the theory holds. */
export function learnedBy(s: number, a0: number, learningRate: number): number | null {
  if (!(a0 > 0) || a0 >= s || !(learningRate > 0)) return null;
  return Math.log(99 * (s / a0 - 1)) / (2 * s * learningRate);
}

const ANALYTIC_SAMPLES = 240;
const LABEL_SPACING = 14;

/** Heights moved apart, in order, so that no two are closer than `gap` (each as near its own as that allows). */
export function spreadLabels(heights: readonly number[], gap: number): number[] {
  const order = heights.map((h, i) => i).sort((a, b) => heights[a] - heights[b]);
  const placed = heights.slice();
  order.forEach((i, k) => {
    if (k > 0) placed[i] = Math.max(heights[i], placed[order[k - 1]] + gap);
  });
  return placed;
}

export function strengthChartLayout(
  records: readonly ModeRecord[], singularValues: readonly number[], theory: Theory | null, box: ChartBox, maxEpochs: number,
): StrengthChart {
  const lastEpoch = records.at(-1)?.epoch ?? 0;
  let horizon = 0;
  if (theory) {
    singularValues.forEach((s, j) => theory.a0[j].forEach((a0) => {
      const by = learnedBy(s, a0, theory.learningRate);
      if (by !== null) horizon = Math.max(horizon, by);
    }));
    horizon = Math.min(horizon * 1.1, maxEpochs);
  }
  const xMax = Math.max(1, lastEpoch, horizon);
  const recorded = records.flatMap((r) => r.perSubspace.flat());
  const yMin = Math.min(0, ...recorded);
  const yMax = Math.max(1e-12, ...singularValues, ...recorded) * 1.08;
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const x = (epoch: number) => box.left + (epoch / xMax) * plotWidth;
  const y = (value: number) => box.top + ((yMax - value) / (yMax - yMin)) * plotHeight;
  const point = (epoch: number, value: number) => `${x(epoch).toFixed(2)},${y(value).toFixed(2)}`;

  const curves: StrengthCurve[] = [];
  singularValues.forEach((s, j) => {
    const components = Math.max(theory?.a0[j]?.length ?? 0, ...records.map((r) => r.perSubspace[j]?.length ?? 0), 1);
    for (let c = 0; c < components; c++) {
      const line = records.filter((r) => r.perSubspace[j]?.[c] !== undefined).map((r) => point(r.epoch, r.perSubspace[j][c])).join(' ');
      const a0 = theory?.a0[j]?.[c];
      let analytic: string | null = null;
      let half: StrengthCurve['half'] = null;
      if (theory && a0 !== undefined && a0 > 0) {
        analytic = Array.from({ length: ANALYTIC_SAMPLES + 1 }, (_, k) => {
          const epoch = (k / ANALYTIC_SAMPLES) * xMax;
          return point(epoch, predictedStrength(s, a0, epoch, theory.learningRate));
        }).join(' ');
        const t = halfTime(s, a0, theory.learningRate);
        if (t !== null && t <= xMax) half = { epoch: t, x: x(t), y: y(s / 2) };
      }
      curves.push({ subspace: j, component: c, recorded: line, analytic, half });
    }
  });
  return {
    xMax, yMin, yMax, curves,
    xTicks: niceTicks(0, xMax, 5).map((value) => ({ value, x: x(value) })),
    yTicks: niceTicks(yMin, yMax, 4).map((value) => ({ value, y: y(value) })),
    asymptotes: spreadLabels(singularValues.map((s) => y(s)), LABEL_SPACING).map((labelY, j) => ({ s: singularValues[j], y: y(singularValues[j]), labelY })),
  };
}

/** A matrix's cells on a grid of `cell`-sized squares, with `range` the largest |value| for the colour scale. */
export function matrixRange(matrix: readonly (readonly number[])[]): number {
  return Math.max(1e-12, ...matrix.flat().map(Math.abs));
}

/**
 * Σ31 = U S Vᵀ for drawing: each mode's u and v flipped together (a_α does not change) so the entry of v_α
 * largest in size is positive, as Saxe et al.'s figures draw them.
 */
export function displayedSvd(outputDirections: readonly (readonly number[])[], inputDirections: readonly (readonly number[])[]): { U: number[][]; Vt: number[][] } {
  const signs = inputDirections.map((v) => {
    const largest = v.reduce((best, x) => (Math.abs(x) > Math.abs(best) + 1e-12 ? x : best), 0);
    return largest < 0 ? -1 : 1;
  });
  const outUnits = outputDirections[0]?.length ?? 0;
  const U = Array.from({ length: outUnits }, (_, k) => outputDirections.map((u, alpha) => signs[alpha] * u[k]));
  const Vt = inputDirections.map((v, alpha) => v.map((x) => signs[alpha] * x));
  return { U, Vt };
}

/**
 * The epoch at which the recorded strength (subspace j, component c) first reaches s/2, interpolated
 * linearly between the two records around it; null before it does.
 */
export function measuredHalfTime(records: readonly ModeRecord[], j: number, c: number, s: number): number | null {
  for (let r = 1; r < records.length; r++) {
    const before = records[r - 1].perSubspace[j]?.[c];
    const after = records[r].perSubspace[j]?.[c];
    if (before === undefined || after === undefined) continue;
    if (before < s / 2 && after >= s / 2) {
      const { epoch: e0 } = records[r - 1];
      return e0 + ((records[r].epoch - e0) * (s / 2 - before)) / (after - before);
    }
  }
  return null;
}

export interface AngleChart {
  xMax: number;
  lines: { projection: number; kind: 'signal' | 'weight'; points: string }[];
  xTicks: { value: number; x: number }[];
  yTicks: { value: number; y: number }[];
}

/** Feedback alignment's angles over training, 0–90° (angles past 90° drawn at the edge). */
export function angleChartLayout(records: readonly ModeRecord[], box: ChartBox): AngleChart {
  const withAngles = records.filter((r) => r.angles && r.angles.length > 0);
  const xMax = Math.max(1, withAngles.at(-1)?.epoch ?? 0);
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const x = (epoch: number) => box.left + (epoch / xMax) * plotWidth;
  const y = (degrees: number) => box.top + ((90 - Math.min(90, Math.max(0, degrees))) / 90) * plotHeight;
  const projections = withAngles[0]?.angles?.map((a) => a.projection) ?? [];
  const lines = projections.flatMap((projection) => (['signal', 'weight'] as const).map((kind) => ({
    projection, kind,
    points: withAngles.flatMap((r) => {
      const angle = r.angles!.find((a) => a.projection === projection);
      const degrees = kind === 'signal' ? angle?.signalAngle : angle?.weightAngle;
      return degrees === null || degrees === undefined ? [] : [`${x(r.epoch).toFixed(2)},${y(degrees).toFixed(2)}`];
    }).join(' '),
  })));
  return {
    xMax, lines,
    xTicks: niceTicks(0, xMax, 5).map((value) => ({ value, x: x(value) })),
    yTicks: [0, 30, 60, 90].map((value) => ({ value, y: y(value) })),
  };
}
