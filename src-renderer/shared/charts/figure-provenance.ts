/**
 * A chart's or diagram's PNG and SVG carry the provenance of the model they show (the model exports'
 * provenance, with the figure's format): a tEXt chunk in the PNG, <metadata> in the SVG. Other files pass
 * through unchanged.
 */
import { exportProvenance, FIGURE_PROVENANCE_KEY, asciiJson, pngWithText, svgWithMetadata } from '../../../src-shared/data/export';
import type { ModelDocument } from '../../../src-shared/model/schema';
import type { ExportedFile } from '../../hosts/host';
import { APP_VERSION } from '../app-version';

export function withFigureProvenance(file: ExportedFile, model: ModelDocument | null): ExportedFile {
  if (!model || (file.format !== 'png' && file.format !== 'svg')) return file;
  const text = asciiJson(exportProvenance(model, file.format, { appVersion: APP_VERSION }));
  if (file.format === 'png' && file.content instanceof Uint8Array) return { ...file, content: pngWithText(file.content, FIGURE_PROVENANCE_KEY, text) };
  if (file.format === 'svg' && typeof file.content === 'string') return { ...file, content: svgWithMetadata(file.content, FIGURE_PROVENANCE_KEY, text) };
  return file;
}
