/**
 * Turning what an importer read into a model document: the layers (from a tlearn .cf, or a plain
 * input → hidden → output network sized to the patterns), the patterns, and the unit names a file gave.
 */
import { createRun } from '../../engine/training-run';
import { createModel } from '../../model/create';
import type { CopyLinkSpec, LayerSpec, ModelDocument, ProjectionSpec, TrainingSettings } from '../../model/schema';
import type { ImportedPatterns } from './imported';

export interface ImportedModelParts {
  name: string;
  description?: string;
  imported: ImportedPatterns;
  /** Patterns kept apart for testing (a second file of the same format), never trained on. */
  test?: ImportedPatterns;
  /** Defaults to `layersForPatterns(imported)`. */
  layers?: LayerSpec[];
  /** Absent: the chain of the layers. */
  projections?: ProjectionSpec[];
  /** A recurrent network's copy links (a tlearn .cf's copy-back); absent: none. */
  links?: CopyLinkSpec[];
  training?: Partial<TrainingSettings>;
  /** Weights a file gave (a tlearn .wts): the run starts from them instead of its seed's draw. */
  weights?: ImportedWeights;
}

/** W_p per projection (in the model's order, the chain's for a chain) and b per layer that is not an input layer. */
export interface ImportedWeights {
  weights: number[][][];
  biases: number[][];
}

export function modelFromImport(parts: ImportedModelParts): ModelDocument {
  const { imported } = parts;
  const layers = (parts.layers ?? layersForPatterns(imported)).map((layer) => ({ ...layer }));
  // Names label units only when there is one per unit; otherwise the check of sizes will say what is wrong.
  // The pattern's columns are the input (and output) layers', concatenated in layer order.
  labelUnits(layers.filter((layer) => layer.kind === 'input'), imported.inputNames);
  labelUnits(layers.filter((layer) => layer.kind === 'output'), imported.outputNames);
  const model = createModel({
    name: parts.name,
    description: parts.description ?? '',
    layers,
    ...(parts.projections ? { projections: parts.projections } : {}),
    ...(parts.links ? { links: parts.links } : {}),
    patterns: copy(imported),
    ...(parts.test ? { testPatterns: copy(parts.test) } : {}),
    training: parts.training,
  });
  if (!parts.weights) return model;
  // The state a run starts from (its streams), with the file's weights in place of the seed's.
  const state = createRun(model).toModel().state!;
  return { ...model, state: { ...state, weights: parts.weights.weights.map((W) => W.map((row) => [...row])), biases: parts.weights.biases.map((b) => [...b]) } };
}

function labelUnits(layers: LayerSpec[], names: readonly string[] | undefined): void {
  if (!names || names.length !== layers.reduce((sum, layer) => sum + layer.units, 0)) return;
  let at = 0;
  for (const layer of layers) {
    layer.unitNames = names.slice(at, at + layer.units);
    at += layer.units;
  }
}

function copy(imported: ImportedPatterns) {
  return imported.patterns.map((p) => ({ name: p.name, input: [...p.input], target: [...p.target], ...(p.reset ? { reset: true } : {}) }));
}

/** A network the patterns fit: inputs, optionally one logistic hidden layer, logistic outputs. */
export function layersForPatterns(imported: ImportedPatterns, hiddenUnits = 0): LayerSpec[] {
  const first = imported.patterns[0];
  const layers: LayerSpec[] = [{ kind: 'input', name: 'input', units: first.input.length, activation: 'linear', bias: false }];
  if (hiddenUnits > 0) layers.push({ kind: 'hidden', name: 'hidden', units: hiddenUnits, activation: 'logistic', bias: true });
  layers.push({ kind: 'output', name: 'output', units: first.target.length, activation: 'logistic', bias: true });
  return layers;
}

/**
 * Elman's simple recurrent network for patterns in sequences (a Lens file of multi-event examples): inputs,
 * a context layer holding the hidden layer's previous activations (0.5 at each sequence's start, as Lens
 * starts it), `hiddenUnits` logistic hidden units fed by both, logistic outputs.
 */
export function recurrentLayersForPatterns(imported: ImportedPatterns, hiddenUnits: number): Required<Pick<ImportedModelParts, 'layers' | 'projections' | 'links'>> {
  const first = imported.patterns[0];
  return {
    layers: [
      { kind: 'input', name: 'input', units: first.input.length, activation: 'linear', bias: false },
      { kind: 'hidden', name: 'context', units: hiddenUnits, activation: 'linear', bias: false },
      { kind: 'hidden', name: 'hidden', units: hiddenUnits, activation: 'logistic', bias: true },
      { kind: 'output', name: 'output', units: first.target.length, activation: 'logistic', bias: true },
    ],
    projections: [{ from: 0, to: 2 }, { from: 1, to: 2 }, { from: 2, to: 3 }],
    links: [{ kind: 'copy', from: 2, to: 1, delay: 1, initial: 0.5 }],
  };
}
