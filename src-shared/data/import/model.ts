/**
 * Turning what an importer read into a model document: the layers (from a tlearn .cf, or a plain
 * input → hidden → output network sized to the patterns), the patterns, and the unit names a file gave.
 */
import { createModel } from '../../model/create';
import type { LayerSpec, ModelDocument, TrainingSettings } from '../../model/schema';
import type { ImportedPatterns } from './imported';

export interface ImportedModelParts {
  name: string;
  description?: string;
  imported: ImportedPatterns;
  /** Patterns kept apart for testing (a second file of the same format), never trained on. */
  test?: ImportedPatterns;
  /** Defaults to `layersForPatterns(imported)`. */
  layers?: LayerSpec[];
  training?: Partial<TrainingSettings>;
}

export function modelFromImport(parts: ImportedModelParts): ModelDocument {
  const { imported } = parts;
  const layers = (parts.layers ?? layersForPatterns(imported)).map((layer) => ({ ...layer }));
  const first = layers[0];
  const last = layers[layers.length - 1];
  // Names label units only when there is one per unit; otherwise the check of sizes will say what is wrong.
  if (imported.inputNames?.length === first.units) first.unitNames = [...imported.inputNames];
  if (imported.outputNames?.length === last.units) last.unitNames = [...imported.outputNames];
  return createModel({
    name: parts.name,
    description: parts.description ?? '',
    layers,
    patterns: copy(imported),
    ...(parts.test ? { testPatterns: copy(parts.test) } : {}),
    training: parts.training,
  });
}

function copy(imported: ImportedPatterns) {
  return imported.patterns.map((p) => ({ name: p.name, input: [...p.input], target: [...p.target] }));
}

/** A network the patterns fit: inputs, optionally one logistic hidden layer, logistic outputs. */
export function layersForPatterns(imported: ImportedPatterns, hiddenUnits = 0): LayerSpec[] {
  const first = imported.patterns[0];
  const layers: LayerSpec[] = [{ kind: 'input', name: 'input', units: first.input.length, activation: 'linear', bias: false }];
  if (hiddenUnits > 0) layers.push({ kind: 'hidden', name: 'hidden', units: hiddenUnits, activation: 'logistic', bias: true });
  layers.push({ kind: 'output', name: 'output', units: first.target.length, activation: 'logistic', bias: true });
  return layers;
}
