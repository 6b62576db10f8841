/**
 * File → Export's files for one choice of format and layer: the shared exporters' text (the command
 * line's `export --to`), named after the model, or what the model cannot give that format, said plainly.
 */
import { ExportError, exportFileContent, exportModel, layerIdentifiers, modelArrays, type ModelExportFormat } from '../../src-shared/data/export';
import { networkGraph } from '../../src-shared/model/graph';
import type { ModelDocument } from '../../src-shared/model/schema';
import type { ExportedFileSet } from '../hosts/host';
import { APP_VERSION } from '../shared/app-version';
import { fileBase } from '../patterns/pattern-export';

export type PreparedExport =
  | { ok: true; set: ExportedFileSet; names: string[]; notes: string[] }
  | { ok: false; message: string };

export function prepareModelExport(model: ModelDocument, format: ModelExportFormat, layer: number | undefined): PreparedExport {
  let exported;
  try {
    exported = exportModel(model, format, layer, { appVersion: APP_VERSION });
  } catch (error) {
    if (error instanceof ExportError) return { ok: false, message: `Cannot export ${format}: ${error.message.replace(/\.?$/, '.')}` };
    throw error;
  }
  const baseName = `${fileBase(model.name, 'patterns')}${nameSuffix(model, format, layer)}`;
  const files = exported.files.map((file) => ({ format: file.extension, content: exportFileContent(file) }));
  return { ok: true, set: { baseName, files }, names: files.map((file) => `${baseName}.${file.format}`), notes: exported.notes };
}

/** The tables say what they hold in their names; the other tools' files are the model itself. */
function nameSuffix(model: ModelDocument, format: ModelExportFormat, layer: number | undefined): string {
  switch (format) {
    case 'outputs':
    case 'curve':
      return `-${format}`;
    case 'hidden':
      return layer === undefined ? '-hidden' : `-hidden-layer-${layer}`;
    case 'weights': {
      // A graph's projection is named after its two layers, as the other formats name its weights.
      const graph = networkGraph(model);
      const projection = graph.projections[layer ?? 0];
      if (graph.isChain || !projection) return `-weights-${layer ?? 0}`;
      const ids = layerIdentifiers(model.layers);
      return `-weights-${ids[projection.from]}-${ids[projection.to]}`;
    }
    case 'npy':
      return `-${modelArrays(model)[layer ?? 0]?.name ?? 'array'}`;
    case 'tlearn':
    case 'pat':
    case 'ex':
    case 'npz':
    case 'safetensors':
    case 'onnx':
    case 'mat':
      return '';
    case 'onnx-float32':
      return '-float32';
  }
}
