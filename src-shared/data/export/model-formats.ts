/**
 * The whole-model exports, one table and one dispatch for both doors to them: the command line's
 * `export MODEL --to FORMAT` and the app's File → Export. A format answers with its files (by extension)
 * and with what it cannot hold; a request the model cannot answer throws ExportError.
 */
import type { ModelDocument } from '../../model/schema';
import type { ExportedText } from './export-error';
import { hiddenActivationsCsv } from './hidden-csv';
import { exportLensExamples } from './lens-ex';
import { learningCurveCsv, modelLearningCurve } from './learning-curve-csv';
import { outputsCsv } from './outputs-csv';
import { exportPdpPat } from './pdp-pat';
import { exportTlearn } from './tlearn';
import { weightsCsv } from './weights-csv';

/** Which layer a format asks for: a hidden layer (or all of them), or a weight layer (a projection). */
export type LayerChoiceKind = 'hidden' | 'weights';

export const MODEL_EXPORT_FORMATS = {
  outputs: { description: 'patterns with the network’s outputs and pss (CSV)', layer: null },
  hidden: { description: 'hidden-unit activations per pattern (CSV)', layer: 'hidden' },
  weights: { description: 'one weight layer, receiving × sending units with biases (CSV)', layer: 'weights' },
  curve: { description: 'the learning curve: epoch, tss, fraction correct (CSV)', layer: null },
  tlearn: { description: 'tlearn .cf, .data and .teach', layer: null },
  pat: { description: 'PDP pattern file (.pat)', layer: null },
  ex: { description: 'Lens example file (.ex)', layer: null },
} as const satisfies Record<string, { description: string; layer: LayerChoiceKind | null }>;

export type ModelExportFormat = keyof typeof MODEL_EXPORT_FORMATS;
export const MODEL_EXPORT_FORMAT_IDS = Object.keys(MODEL_EXPORT_FORMATS) as ModelExportFormat[];

export function isModelExportFormat(name: string): name is ModelExportFormat {
  return Object.hasOwn(MODEL_EXPORT_FORMATS, name);
}

/** One file of an export, named by its extension: the caller gives it a base name (or a path). */
export interface ModelExportFile {
  extension: 'csv' | 'cf' | 'data' | 'teach' | 'pat' | 'ex';
  text: string;
}

export interface ModelExport {
  files: ModelExportFile[];
  /** Parts of the model the format cannot express, left out of the files. */
  notes: string[];
}

/**
 * `layer`: for `hidden`, one hidden layer by index (1 … D−1; all of them when left out); for `weights`,
 * the weight layer from layer `layer` into the next (from 0; 0 when left out). Other formats ignore it.
 */
export function exportModel(model: ModelDocument, format: ModelExportFormat, layer?: number): ModelExport {
  const csv = (text: string): ModelExport => ({ files: [{ extension: 'csv', text }], notes: [] });
  const one = (extension: ModelExportFile['extension'], { text, notes }: ExportedText): ModelExport => ({ files: [{ extension, text }], notes });
  switch (format) {
    case 'outputs':
      return csv(outputsCsv(model));
    case 'hidden':
      return csv(hiddenActivationsCsv(model, layer === undefined ? {} : { layer }));
    case 'weights':
      return csv(weightsCsv(model, layer ?? 0));
    case 'curve':
      return csv(learningCurveCsv(modelLearningCurve(model)));
    case 'pat':
      return one('pat', exportPdpPat(model));
    case 'ex':
      return one('ex', exportLensExamples(model));
    case 'tlearn': {
      const { cf, data, teach, notes } = exportTlearn(model);
      return {
        files: [
          { extension: 'cf', text: cf },
          { extension: 'data', text: data },
          { extension: 'teach', text: teach },
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
    case 'weights':
      return layers.slice(1).map((receiving, j) => ({ layer: j, label: `weight layer ${j}: ${layers[j].name} → ${receiving.name}` }));
    case null:
      return [];
  }
}

const units = (n: number) => `${n} ${n === 1 ? 'unit' : 'units'}`;
