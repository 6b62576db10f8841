/**
 * The chart as a PNG: uPlot draws the axes, grid and lines onto one canvas, so the export is that canvas
 * on the theme's background with the chart's title and legend (download.ts saves it).
 */

export interface PngLegendEntry {
  label: string;
  colour: string;
  faded?: boolean;
}

/** The chart canvas with a title above and a legend below, as a PNG data URL. */
export function chartPng(
  canvas: HTMLCanvasElement,
  title: string,
  legend: readonly PngLegendEntry[],
  colours: { background: string; ink: string },
): string {
  const scale = canvas.width / Math.max(1, canvas.clientWidth || canvas.width);
  const header = Math.round(30 * scale);
  const row = Math.round(20 * scale);
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height + header + legend.length * row + Math.round(8 * scale);
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw the chart for export.');
  ctx.fillStyle = colours.background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = colours.ink;
  ctx.font = `600 ${Math.round(15 * scale)}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.fillText(title, Math.round(10 * scale), header / 2);
  ctx.drawImage(canvas, 0, header);
  ctx.font = `${Math.round(13 * scale)}px system-ui, sans-serif`;
  legend.forEach((entry, i) => {
    const y = header + canvas.height + i * row + row / 2;
    ctx.globalAlpha = entry.faded ? 0.55 : 1;
    ctx.strokeStyle = entry.colour;
    ctx.lineWidth = 2.5 * scale;
    ctx.beginPath();
    ctx.moveTo(60 * scale, y);
    ctx.lineTo(88 * scale, y);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.fillText(entry.label, 96 * scale, y);
  });
  return out.toDataURL('image/png');
}
