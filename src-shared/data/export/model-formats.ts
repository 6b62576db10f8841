/**
 * The whole-model exports, one table and one dispatch for both doors to them: the command line's
 * `export MODEL --to FORMAT` and the app's File → Export. A format answers with its files (by extension)
 * and with what it cannot hold; a request the model cannot answer throws ExportError.
 */
import { isRecurrent } from '../../model/recurrence';
import { recurrentHiddenCsv } from './recurrent-hidden-csv';
import { isGraphModel } from '../../engine/graph/graph-support';
import { networkGraph } from '../../model/graph';
import type { ModelDocument } from '../../model/schema';
import { ExportError, type ExportedText } from './export-error';
import { hiddenActivationsCsv } from './hidden-csv';
import { exportLensExamples } from './lens-ex';
import { learningCurveCsv, modelLearningCurve } from './learning-curve-csv';
import { asciiJson } from './figure-metadata';
import { mat5Bytes } from './matlab/mat5';
import { modelArrays } from './model-arrays';
import { npyBytes } from './numpy/npy';
import { npzBytes } from './numpy/npz';
import { ONNX_OPSET, onnxModelBytes } from './onnx/onnx-model';
import { exportProvenance, provenanceJson, type ExportContext, type ExportProvenance } from './provenance';
import { exportTorch } from './safetensors';
import { outputsCsv } from './outputs-csv';
import { exportPdpPat } from './pdp-pat';
import { exportTlearn } from './tlearn';
import { weightsCsv } from './weights-csv';

/** Which layer a format asks for: a hidden layer (or all of them), a weight layer (a projection), or one of the .npz's arrays. */
export type LayerChoiceKind = 'hidden' | 'weights' | 'array';

export const MODEL_EXPORT_FORMATS = {
  outputs: { description: 'patterns with the network’s outputs and pss (CSV)', layer: null },
  hidden: { description: 'hidden-unit activations per pattern (CSV)', layer: 'hidden' },
  weights: { description: 'one weight layer, receiving × sending units with biases (CSV)', layer: 'weights' },
  curve: { description: 'the learning curve: epoch, tss, fraction correct (CSV)', layer: null },
  tlearn: { description: 'tlearn .cf, .data, .teach and .wts (and .reset for sequences)', layer: null },
  pat: { description: 'PDP pattern file (.pat)', layer: null },
  ex: { description: 'Lens example file (.ex)', layer: null },
  npz: { description: 'NumPy arrays: weights, biases, activations, targets, curves (float64)', layer: null },
  npy: { description: 'one of those arrays as a NumPy .npy file', layer: 'array' },
  safetensors: { description: 'weights and biases as safetensors, with a PyTorch model.py', layer: null },
  onnx: { description: `the network as an ONNX inference graph, float64 (opset ${ONNX_OPSET})`, layer: null },
  'onnx-float32': { description: 'the same graph in float32', layer: null },
  mat: { description: 'MATLAB .mat (level 5): the .npz’s arrays', layer: null },
} as const satisfies Record<string, { description: string; layer: LayerChoiceKind | null }>;

export type ModelExportFormat = keyof typeof MODEL_EXPORT_FORMATS;
export const MODEL_EXPORT_FORMAT_IDS = Object.keys(MODEL_EXPORT_FORMATS) as ModelExportFormat[];

export function isModelExportFormat(name: string): name is ModelExportFormat {
  return Object.hasOwn(MODEL_EXPORT_FORMATS, name);
}

/** One file of an export, text or bytes, named by its extension: the caller gives it a base name (or a path). */
export type ModelExportFile =
  | { extension: 'csv' | 'cf' | 'data' | 'teach' | 'wts' | 'reset' | 'pat' | 'ex' | 'py' | 'provenance.json'; text: string }
  | { extension: 'npz' | 'npy' | 'safetensors' | 'onnx' | 'mat'; bytes: Uint8Array };

export type ModelExportExtension = ModelExportFile['extension'];

/** A file's contents, whichever kind it is. */
export function exportFileContent(file: ModelExportFile): string | Uint8Array {
  return 'text' in file ? file.text : file.bytes;
}

export interface ModelExport {
  files: ModelExportFile[];
  /** Parts of the model the format cannot express, left out of the files. */
  notes: string[];
}

/**
 * With `context`, every export carries its provenance (provenance.ts): inside the file where the format has
 * room, else as a `provenance.json` file beside the others. Without it, the format's files alone.
 *
 * `layer`: for `hidden`, one hidden layer by index (1 … D−1; all of them when left out); for `weights`,
 * the projection at that place in the model's projections (a chain's weight layer from layer `layer` into
 * the next; from 0; 0 when left out); for `npy`, the .npz's
 * array by its place in the archive (from 0; 0 when left out). Other formats ignore it.
 */
export function exportModel(model: ModelDocument, format: ModelExportFormat, layer?: number, context?: ExportContext): ModelExport {
  if (!GRAPH_EXPORT_FORMATS.has(format) && isGraphModel(model)) {
    const kind = isRecurrent(model)
      ? 'a recurrent network (context layers holding a copy from the event before)'
      : 'a graph network (several input or output layers, or projections that skip layers)';
    throw new ExportError(`${model.name || 'this model'} is ${kind}, which the ${format} export does not write yet; ${[...GRAPH_EXPORT_FORMATS].join(', ')} do`);
  }
  if (!context) return formatFiles(model, format, layer, null);
  const provenance = exportProvenance(model, format, context);
  const exported = formatFiles(model, format, layer, provenance);
  if (EMBEDS_PROVENANCE.has(format)) return exported;
  return { ...exported, files: [...exported.files, { extension: 'provenance.json', text: provenanceJson(provenance) }] };
}

/** The formats that write a graph network (several input or output layers, skips) as it is; the others refuse one. */
export const GRAPH_EXPORT_FORMATS: ReadonlySet<ModelExportFormat> = new Set([
  'npz', 'npy', 'safetensors', 'onnx', 'onnx-float32', 'mat', 'outputs', 'hidden', 'weights', 'curve', 'tlearn', 'pat', 'ex',
]);

/** The formats with room for the provenance inside: an archive's entry, a header's or model's metadata. */
const EMBEDS_PROVENANCE: ReadonlySet<ModelExportFormat> = new Set(['npz', 'safetensors', 'onnx', 'onnx-float32', 'mat']);

function formatFiles(model: ModelDocument, format: ModelExportFormat, layer: number | undefined, provenance: ExportProvenance | null): ModelExport {
  const embedded = provenance ? { provenance: JSON.stringify(provenance) } : undefined;
  const csv = (text: string): ModelExport => ({ files: [{ extension: 'csv', text }], notes: [] });
  const one = (extension: 'pat' | 'ex', { text, notes }: ExportedText): ModelExport => ({ files: [{ extension, text }], notes });
  switch (format) {
    case 'outputs':
      return csv(outputsCsv(model));
    case 'hidden':
      // A recurrent network's hidden states depend on the events before: the layer over the training sequence.
      if (isRecurrent(model)) return csv(recurrentHiddenCsv(model, layer).text);
      return csv(hiddenActivationsCsv(model, layer === undefined ? {} : { layer }));
    case 'weights':
      return csv(weightsCsv(model, layer ?? 0));
    case 'curve':
      return csv(learningCurveCsv(modelLearningCurve(model)));
    case 'pat':
      return one('pat', exportPdpPat(model));
    case 'ex':
      return one('ex', exportLensExamples(model));
    case 'npz':
      return { files: [{ extension: 'npz', bytes: npzBytes(modelArrays(model), provenance ? { 'provenance.json': new TextEncoder().encode(provenanceJson(provenance)) } : {}) }], notes: [] };
    case 'npy': {
      const arrays = modelArrays(model);
      const index = layer ?? 0;
      if (index >= arrays.length) throw new ExportError(`there is no array ${index}: the model has arrays 0 to ${arrays.length - 1}`);
      return { files: [{ extension: 'npy', bytes: npyBytes(arrays[index]) }], notes: [] };
    }
    case 'safetensors': {
      const { safetensors, modelPy } = exportTorch(model, embedded);
      return { files: [{ extension: 'safetensors', bytes: safetensors }, { extension: 'py', text: modelPy }], notes: [] };
    }
    case 'onnx':
    case 'onnx-float32':
      return { files: [{ extension: 'onnx', bytes: onnxModelBytes(model, { precision: format === 'onnx' ? 'float64' : 'float32', metadata: embedded, producerVersion: provenance?.appVersion }) }], notes: [] };
    case 'mat':
      // MATLAB's char arrays are read as ASCII everywhere: the JSON escapes everything else.
      return { files: [{ extension: 'mat', bytes: mat5Bytes(modelArrays(model), provenance ? { provenance: asciiJson(provenance) } : {}) }], notes: [] };
    case 'tlearn': {
      const { cf, data, teach, wts, reset, notes } = exportTlearn(model);
      return {
        files: [
          { extension: 'cf', text: cf },
          { extension: 'data', text: data },
          { extension: 'teach', text: teach },
          { extension: 'wts', text: wts },
          ...(reset === undefined ? [] : [{ extension: 'reset' as const, text: reset }]),
        ],
        notes,
      };
    }
  }
}

/** A layer a format can be asked for; `layer` undefined is the format's default (every hidden layer). */
export interface LayerChoice {
  layer: number | undefined;
  label: string;
}

/** The layers `format` can export from `model`, in the numbers `--layer` takes; empty when it takes none. */
export function layerChoices(model: ModelDocument, format: ModelExportFormat): LayerChoice[] {
  const { layers } = model;
  switch (MODEL_EXPORT_FORMATS[format].layer) {
    case 'hidden': {
      const hidden = layers.flatMap((layer, j) => (layer.kind === 'hidden' ? [j] : []));
      const each = hidden.map((j) => ({ layer: j, label: `layer ${j}: ${layers[j].name} (${units(layers[j].units)})` }));
      return hidden.length > 1 ? [{ layer: undefined, label: 'every hidden layer, side by side' }, ...each] : each;
    }
    case 'weights': {
      const graph = networkGraph(model);
      if (graph.isChain) return layers.slice(1).map((receiving, j) => ({ layer: j, label: `weight layer ${j}: ${layers[j].name} → ${receiving.name}` }));
      return graph.projections.map(({ from, to }, q) => ({ layer: q, label: `projection ${q}: ${layers[from].name} → ${layers[to].name}` }));
    }
    case 'array':
      return modelArrays(model).map(({ name, shape }, index) => ({ layer: index, label: `${name} (${shape.join(' × ')})` }));
    case null:
      return [];
  }
}

const units = (n: number) => `${n} ${n === 1 ? 'unit' : 'units'}`;
