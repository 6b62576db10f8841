/**
 * The chart for a paper or a spreadsheet: its data as CSV (every epoch held, undecimated), and the visible chart
 * as a small self-contained SVG (axes with ticks, the lines as drawn, the legend, the mid-run markers).
 * Pure: the Train view hands in the series and the scales; download.ts saves the text.
 */
import { layoutMarkerLabels, mergeMarkers } from './marker-layout';
import { escapeXml as escape } from './svg-export';

export interface CsvColumn {
  name: string;
  /** Epochs ascending, and the value at each. */
  epochs: ArrayLike<number>;
  values: ArrayLike<number>;
}

/**
 * One row per epoch that any column holds, ascending (every epoch of a short run; every stride-th of a long
 * one, whose history thins: model/epoch-history.ts); a column without that epoch leaves its cell empty.
 */
export function chartCsv(columns: readonly CsvColumn[]): string {
  const next = columns.map(() => 0);
  const lines: string[] = [['epoch', ...columns.map((column) => column.name)].map(csvField).join(',')];
  for (;;) {
    // The smallest epoch not yet written, across the columns (each ascending).
    let epoch = Number.POSITIVE_INFINITY;
    columns.forEach((column, c) => {
      if (next[c] < column.epochs.length) epoch = Math.min(epoch, column.epochs[next[c]]);
    });
    if (epoch === Number.POSITIVE_INFINITY) break;
    let line = String(epoch);
    columns.forEach((column, c) => {
      const held = next[c] < column.epochs.length && column.epochs[next[c]] === epoch;
      line += ',' + (held ? String(column.values[next[c]++]) : '');
    });
    lines.push(line);
  }
  return lines.join('\n') + '\n';
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export interface SvgLine {
  label: string;
  colour: string;
  width: number;
  /** Drawn fainter: an earlier run. */
  faded?: boolean;
  dash?: readonly number[];
  x: ArrayLike<number>;
  y: ArrayLike<number | null>;
}

export interface SvgChart {
  width: number;
  height: number;
  title: string;
  xLabel: string;
  yLabel: string;
  x: readonly [number, number];
  y: readonly [number, number];
  yLog: boolean;
  lines: readonly SvgLine[];
  /** Setting changes; an earlier run's carry its colour and are drawn see-through. */
  markers: ReadonlyArray<{ x: number; label: string; colour?: string; faded?: boolean }>;
  colours: { background: string; ink: string; grid: string; marker: string };
}

const MARGIN = { left: 72, right: 20, top: 36, bottom: 52 };
const LEGEND_ROW = 20;
const MARKER_ROW = 18;
/**
 * The SVG's reader measures its text, not us: marker labels are laid out for a generous width per
 * character at 13 px (wider than system-ui's average), so they stay apart in any sans-serif.
 */
const MARKER_CHAR_WIDTH = 8;

/** The chart as an SVG document: the lines clipped to the plot, a legend row per line below the axis. */
export function chartSvg(chart: SvgChart): string {
  const { width, colours } = chart;
  const plotHeight = chart.height - MARGIN.top - MARGIN.bottom;
  const height = chart.height + chart.lines.length * LEGEND_ROW + 8;
  const plot = { left: MARGIN.left, top: MARGIN.top, width: width - MARGIN.left - MARGIN.right, height: plotHeight };
  const toY = chart.yLog ? Math.log10 : (v: number) => v;
  const [y0, y1] = [toY(chart.y[0]), toY(chart.y[1])];
  const px = (x: number) => plot.left + ((x - chart.x[0]) / (chart.x[1] - chart.x[0] || 1)) * plot.width;
  const py = (y: number) => plot.top + plot.height - ((toY(y) - y0) / (y1 - y0 || 1)) * plot.height;
  const r = (v: number) => Math.round(v * 100) / 100;

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="13">`,
    `<title>${escape(chart.title)}</title>`,
    `<rect width="100%" height="100%" fill="${escape(colours.background)}"/>`,
    `<text x="${plot.left}" y="22" font-weight="600" font-size="15" fill="${escape(colours.ink)}">${escape(chart.title)}</text>`,
    `<defs><clipPath id="plot"><rect x="${plot.left}" y="${plot.top}" width="${plot.width}" height="${plot.height}"/></clipPath></defs>`,
  ];
  for (const tick of linearTicks(chart.x[0], chart.x[1], Math.max(2, Math.floor(plot.width / 90)))) {
    const x = r(px(tick));
    out.push(`<line x1="${x}" y1="${plot.top}" x2="${x}" y2="${plot.top + plot.height}" stroke="${escape(colours.grid)}"/>`);
    out.push(`<text x="${x}" y="${plot.top + plot.height + 18}" text-anchor="middle" fill="${escape(colours.ink)}">${formatTick(tick)}</text>`);
  }
  const yTicks = chart.yLog ? decadeTicks(chart.y[0], chart.y[1]) : linearTicks(chart.y[0], chart.y[1], Math.max(2, Math.floor(plot.height / 45)));
  for (const tick of yTicks) {
    const y = r(py(tick));
    out.push(`<line x1="${plot.left}" y1="${y}" x2="${plot.left + plot.width}" y2="${y}" stroke="${escape(colours.grid)}"/>`);
    out.push(`<text x="${plot.left - 6}" y="${y + 4}" text-anchor="end" fill="${escape(colours.ink)}">${formatTick(tick)}</text>`);
  }
  out.push(`<rect x="${plot.left}" y="${plot.top}" width="${plot.width}" height="${plot.height}" fill="none" stroke="${escape(colours.ink)}"/>`);
  out.push(`<text x="${plot.left + plot.width / 2}" y="${plot.top + plot.height + 40}" text-anchor="middle" font-weight="600" fill="${escape(colours.ink)}">${escape(chart.xLabel)}</text>`);
  out.push(`<text transform="translate(16 ${plot.top + plot.height / 2}) rotate(-90)" text-anchor="middle" font-weight="600" fill="${escape(colours.ink)}">${escape(chart.yLabel)}</text>`);

  out.push('<g clip-path="url(#plot)" fill="none" stroke-linejoin="round">');
  for (const line of chart.lines) {
    let d = '';
    let pen = false;
    for (let i = 0; i < line.x.length; i++) {
      const v = line.y[i];
      if (v === null || !Number.isFinite(v) || (chart.yLog && v <= 0)) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${r(px(line.x[i]))} ${r(py(v))}`;
      pen = true;
    }
    out.push(`<path d="${d}" stroke="${escape(line.colour)}" stroke-width="${line.width}"${strokeStyle(line)}/>`);
  }
  const markers = mergeMarkers(chart.markers).filter((marker) => marker.x >= chart.x[0] && marker.x <= chart.x[1]);
  const places = layoutMarkerLabels(
    markers.map((marker) => ({ x: px(marker.x), width: marker.label.length * MARKER_CHAR_WIDTH })),
    { left: plot.left + 2, right: plot.left + plot.width - 2 },
  );
  for (const marker of markers) {
    const x = r(px(marker.x));
    const opacity = marker.faded ? ' stroke-opacity="0.6"' : '';
    out.push(`<line x1="${x}" y1="${plot.top}" x2="${x}" y2="${plot.top + plot.height}" stroke="${escape(marker.colour ?? colours.marker)}"${opacity} stroke-dasharray="4 3"/>`);
  }
  markers.forEach((marker, i) => {
    const top = plot.top + 3 + places[i].row * MARKER_ROW;
    if (top + MARKER_ROW > plot.top + plot.height) return;
    const y = r(top + MARKER_ROW / 2 + 4.5);
    out.push(`<text x="${r(places[i].left)}" y="${y}" fill="${escape(marker.faded ? colours.marker : colours.ink)}" stroke="none">${escape(marker.label)}</text>`);
  });
  out.push('</g>');

  chart.lines.forEach((line, i) => {
    const y = chart.height + 4 + i * LEGEND_ROW;
    out.push(`<line x1="${plot.left}" y1="${y}" x2="${plot.left + 28}" y2="${y}" stroke="${escape(line.colour)}" stroke-width="${line.width}"${strokeStyle(line)}/>`);
    out.push(`<text x="${plot.left + 36}" y="${y + 4}" fill="${escape(colours.ink)}">${escape(line.label)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function strokeStyle(line: SvgLine): string {
  return (line.faded ? ' stroke-opacity="0.55"' : '') + (line.dash?.length ? ` stroke-dasharray="${line.dash.join(' ')}"` : '');
}

/** Round-number ticks (1, 2 or 5 × 10^k apart) covering [min, max], about `count` of them. */
export function linearTicks(min: number, max: number, count: number): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** The powers of ten within [min, max]: a log axis labels only the decades. */
export function decadeTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let k = Math.ceil(Math.log10(min)); k <= Math.floor(Math.log10(max)); k++) ticks.push(10 ** k);
  return ticks;
}

function formatTick(value: number): string {
  if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-3)) return value.toExponential(0);
  return String(Number(value.toPrecision(6)));
}

