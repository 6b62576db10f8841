/** Builders shared by the engine tests: random networks, random patterns, and exact comparisons. */
import { createModel } from '../../../src-shared/model/create';
import type { ActivationName, LayerSpec, ModelDocument, Pattern, TrainingSettings } from '../../../src-shared/model/schema';
import { parseModel } from '../../../src-shared/model/parse';
import { Simulation } from '../../../src-shared/engine/simulation';
import { dataStream } from '../../../src-shared/data/recurrent-examples';

/** A small seeded generator for test data (mulberry32, the examples' data generator): test inputs, not engine randomness. */
export const testRandom: (seed: number) => () => number = dataStream;

export interface NetSpec {
  sizes: number[];
  /** Activation of every non-input layer, or one per layer 1 … D. */
  activation: ActivationName | ActivationName[];
  bias?: boolean;
  learn?: boolean[];
}

export function layersFor(spec: NetSpec): LayerSpec[] {
  const D = spec.sizes.length - 1;
  return spec.sizes.map((units, j) => {
    const kind = j === 0 ? 'input' : j === D ? 'output' : 'hidden';
    const activation = j === 0 ? 'linear' : Array.isArray(spec.activation) ? spec.activation[j - 1] : spec.activation;
    const layer: LayerSpec = { kind, name: kind === 'hidden' ? `hidden ${j}` : kind, units, activation, bias: j > 0 && spec.bias !== false };
    if (j > 0 && spec.learn) layer.learn = spec.learn[j - 1];
    return layer;
  });
}

export interface PatternOptions {
  count: number;
  seed: number;
  /** Targets in [0, 1] (default), or rows summing to 1 for softmax. */
  targets?: 'unit' | 'distribution' | 'binary';
  /** Fraction of targets that are "don't care". */
  dontCare?: number;
}

export function randomPatterns(inUnits: number, outUnits: number, options: PatternOptions): Pattern[] {
  const rand = testRandom(options.seed);
  return Array.from({ length: options.count }, (_, p) => {
    const input = Array.from({ length: inUnits }, () => 2 * rand() - 1);
    let target: (number | null)[] = Array.from({ length: outUnits }, () => (options.targets === 'binary' ? (rand() < 0.5 ? 0 : 1) : rand()));
    if (options.targets === 'distribution') {
      const sum = (target as number[]).reduce((a, b) => a + b, 0);
      target = target.map((t) => t! / sum);
    }
    if (options.dontCare) target = target.map((t) => (rand() < options.dontCare! ? null : t));
    return { name: `p${p}`, input, target };
  });
}

export function buildModel(spec: NetSpec, patterns: Pattern[], training: Partial<TrainingSettings> = {}): ModelDocument {
  return createModel({ name: 'test', description: '', layers: layersFor(spec), patterns, training: { errorCriterion: 0, maxEpochs: 1e9, ...training } });
}

/** Fails loudly when a model a test builds is not one the app would accept. */
export function checked(model: ModelDocument): ModelDocument {
  const parsed = parseModel(JSON.parse(JSON.stringify(model)));
  if (!parsed.ok) throw new Error(`invalid test model: ${JSON.stringify(parsed.problems)}`);
  return model;
}

/** Every parameter as plain numbers, for bit-for-bit comparisons with toEqual (Object.is per value). */
export function parameters(simulation: Simulation): number[] {
  return Array.from(simulation.network.params);
}

/** A JSON round trip, as a file save and load would do. */
export function roundTrip(model: ModelDocument): ModelDocument {
  const parsed = parseModel(JSON.parse(JSON.stringify(model)));
  if (!parsed.ok) throw new Error(`the saved model does not load: ${JSON.stringify(parsed.problems)}`);
  return parsed.model;
}
