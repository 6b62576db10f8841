/**
 * The Experiment tab's edits of the model file's `experiment` section, as plain functions of the document:
 * a factor's levels typed as text ("0.1, 0.5", "backprop, feedback-alignment", "uniform(1), gaussian(0.1)")
 * read with the schema's own bounds, so the tab never commits a section the loader would refuse.
 */
import { describeLevel } from '../../src-shared/model/experiment';
import { factorSchema, type ExperimentSpec, type Factor, type FactorSetting, type ModelDocument } from '../../src-shared/model/schema';

/** The settings a factor may vary, with the words the tab shows for them. */
export const FACTOR_SETTINGS: ReadonlyArray<{ setting: FactorSetting; label: string }> = [
  { setting: 'learningRate', label: 'Learning rate (λ)' },
  { setting: 'momentum', label: 'Momentum (α)' },
  { setting: 'weightDecay', label: 'Weight decay (κ)' },
  { setting: 'rule', label: 'Learning rule' },
  { setting: 'loss', label: 'Loss' },
  { setting: 'update', label: 'Update' },
  { setting: 'batchSize', label: 'Minibatch size' },
  { setting: 'init', label: 'Initial weights' },
  { setting: 'units', label: 'Hidden units' },
  { setting: 'testSet', label: 'Test set on/off' },
  { setting: 'lesion', label: 'Lesion size (0–1)' },
];

/** A new experiment: no factors yet, 10 simulated subjects, the model's epoch limit. */
export function defaultExperiment(model: ModelDocument): ExperimentSpec {
  return {
    design: 'crossed',
    factors: [],
    replications: 10,
    epochs: model.training.maxEpochs,
    stopAtCriterion: false,
    record: { finalOutputs: true, finalWeights: false },
  };
}

/** The levels as the tab's text field shows them. */
export function levelsText(factor: Factor): string {
  return factor.levels.map((level) => (typeof level === 'boolean' ? (level ? 'on' : 'off') : describeLevel(level))).join(', ');
}

/** A new factor of `setting`, its one level the model's own value (a hidden layer's units for `units`). */
export function newFactor(model: ModelDocument, setting: FactorSetting): Factor {
  const training = model.training;
  switch (setting) {
    case 'units': {
      const layer = model.layers.find((l) => l.kind === 'hidden') ?? model.layers[1];
      return { setting, layer: layer.name, levels: [layer.units] };
    }
    case 'testSet':
      return { setting, levels: [true, false] };
    case 'lesion': {
      // Halfway through the runs, none, a quarter and half of the first hidden layer's units.
      const layer = model.layers.find((l) => l.kind === 'hidden') ?? model.layers[1];
      return { setting, layer: layer.name, epoch: Math.floor((model.experiment?.epochs ?? training.maxEpochs) / 2), levels: [0, 0.25, 0.5] };
    }
    case 'init':
      return { setting, levels: [training.init] };
    default:
      return { setting, levels: [training[setting]] } as Factor;
  }
}

export type LevelsReading = { ok: true; factor: Factor } | { ok: false; message: string };

/** `text` as the levels of `factor`'s setting, checked as the loader checks them; the message names the level. */
export function readLevels(factor: Factor, text: string): LevelsReading {
  const parts = splitLevels(text);
  if (parts.length === 0) return { ok: false, message: 'type at least one level' };
  const levels: unknown[] = [];
  for (const [i, part] of parts.entries()) {
    const level = readLevel(factor.setting, part);
    if (level === undefined) return { ok: false, message: `level ${i + 1}, “${part}”, is not ${expected(factor.setting)}` };
    levels.push(level);
  }
  const candidate = { ...factor, levels };
  const parsed = factorSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue.path[0] === 'levels' && typeof issue.path[1] === 'number' ? `level ${issue.path[1] + 1}, “${parts[issue.path[1]]}”, ` : '';
    return { ok: false, message: `${at}${issue.message.toLowerCase()}` };
  }
  return { ok: true, factor: parsed.data };
}

/** Commas separate levels; commas inside parentheses belong to one (none do today, but a range may). */
function splitLevels(text: string): string[] {
  return text.split(/[,;]/).map((part) => part.trim()).filter((part) => part.length > 0);
}

function readLevel(setting: FactorSetting, part: string): unknown {
  switch (setting) {
    case 'rule':
    case 'loss':
    case 'update':
      return part.toLowerCase();
    case 'testSet': {
      const word = part.toLowerCase();
      if (['on', 'true', 'yes'].includes(word)) return true;
      if (['off', 'false', 'no'].includes(word)) return false;
      return undefined;
    }
    case 'init': {
      const match = /^(uniform|gaussian)\s*\(\s*([^)]+)\s*\)$/i.exec(part);
      if (match) {
        const value = number(match[2]);
        if (value === undefined) return undefined;
        return match[1].toLowerCase() === 'uniform' ? { kind: 'uniform', range: value } : { kind: 'gaussian', sd: value };
      }
      const kind = part.toLowerCase();
      return kind === 'xavier' || kind === 'he' ? { kind } : undefined;
    }
    default:
      return number(part);
  }
}

function number(text: string): number | undefined {
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return undefined;
  return Number(text);
}

/** A lesion factor's epoch typed in its field: a whole number of epochs, 0 or more, or a message saying what is wrong. */
export function readLesionEpoch(text: string): { ok: true; epoch: number } | { ok: false; message: string } {
  const value = number(text.trim());
  if (value === undefined || !Number.isInteger(value) || value < 0) return { ok: false, message: `the lesion's epoch, “${text.trim()}”, must be a whole number of epochs, 0 or more` };
  return { ok: true, epoch: value };
}

function expected(setting: FactorSetting): string {
  if (setting === 'testSet') return 'on or off';
  if (setting === 'lesion') return 'a fraction from 0 to 1';
  if (setting === 'init') return 'uniform(range), gaussian(sd), xavier or he';
  return 'a number';
}
