/** The network diagram as a standalone SVG figure for papers (../shared/charts/svg-export.ts has the rest). */
import type { LayerSpec, ProjectionSpec } from '../../src-shared/model/schema';
import { networkLayout } from './network-layout';
import { INK, escapeXml, n, svgDocument } from '../shared/charts/svg-export';

const UNIT_FILL: Record<LayerSpec['kind'], string> = { input: '#ffffff', hidden: '#e2e2e2', output: '#b8b8b8' };

/** The network diagram as drawn on screen (the same layout), in greys for print; a graph's skip projections curved. */
export function networkSvg(
  layers: readonly LayerSpec[],
  { maxWidth, details, title, projections }: { maxWidth: number; details: readonly string[]; title: string; projections?: readonly ProjectionSpec[] },
): string {
  const { width, height, radius, rows, lines } = networkLayout(layers, { maxWidth, details, projections });
  const body: string[] = [];
  for (const line of lines) {
    const stroke = `stroke="#707070" stroke-width="${line.faint ? 0.8 : 1.2}"`;
    const { via } = line;
    body.push(
      via
        ? `<path d="M${n(line.x1)} ${n(line.y1)} C${n(via.c1x)} ${n(via.c1y)} ${n(via.c2x)} ${n(via.c2y)} ${n(line.x2)} ${n(line.y2)}" fill="none" ${stroke}/>`
        : `<line x1="${n(line.x1)}" y1="${n(line.y1)}" x2="${n(line.x2)}" y2="${n(line.y2)}" ${stroke}/>`,
    );
  }
  rows.forEach((row, j) => {
    const fill = UNIT_FILL[row.layer.kind];
    if (row.block) {
      body.push(
        `<rect class="block" x="${n(row.block.x)}" y="${n(row.y - radius)}" width="${n(row.block.width)}" height="${n(2 * radius)}" rx="${n(radius)}" fill="${fill}" stroke="${INK}" stroke-width="1.5"/>`,
        `<text x="${n(row.block.x + row.block.width / 2)}" y="${n(row.y + 4.5)}" text-anchor="middle" font-size="13" font-weight="bold" fill="${INK}">${row.layer.units} units</text>`,
      );
    } else {
      for (const x of row.xs) body.push(`<circle class="unit" cx="${n(x)}" cy="${n(row.y)}" r="${n(radius)}" fill="${fill}" stroke="${INK}" stroke-width="1.5"/>`);
    }
    if (row.labelAbove) {
      body.push(
        `<text x="${n(row.labelX)}" y="${n(row.y - radius - 6)}" text-anchor="middle" font-size="17" font-weight="bold" fill="${INK}" stroke="#ffffff" stroke-width="5" paint-order="stroke">${escapeXml(row.layer.name)}</text>`,
      );
      return;
    }
    body.push(
      `<text x="${n(row.labelX)}" y="${n(row.y - 5)}" font-size="17" font-weight="bold" fill="${INK}">${escapeXml(row.layer.name)}</text>`,
      `<text x="${n(row.labelX)}" y="${n(row.y + 17)}" font-size="14" fill="#333333">${escapeXml(details[j] ?? '')}</text>`,
    );
  });
  return svgDocument(width, height, title, body);
}
