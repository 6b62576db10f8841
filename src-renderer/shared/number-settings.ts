/**
 * The training settings typed in as numbers, as the Train tab's settings panel shows them: the field's id,
 * label (with the symbol the equations use), one-line hint, the bounds it accepts, and the name of the undo
 * step a change makes. One table for the panel (SettingsPanel.svelte) and the problems' wording
 * (problem-paths.ts).
 */
import type { TrainingSettings } from '../../src-shared/model/schema';
import type { SettingRule } from './setting-input';

export type NumberSetting = 'learningRate' | 'momentum' | 'weightDecay' | 'batchSize' | 'seed' | 'maxEpochs' | 'errorCriterion' | 'margin';

export interface NumberSettingField {
  id: string;
  label: string;
  hint: string;
  rule: SettingRule;
  /** The undo step's name. */
  change: string;
}

export const NUMBER_SETTINGS: Readonly<Record<NumberSetting, NumberSettingField>> = {
  learningRate: {
    id: 'learning-rate', label: 'Learning rate λ', hint: 'Step size: the weight change per unit of gradient, per pattern.',
    rule: { min: 0 }, change: 'Change learning rate',
  },
  momentum: {
    id: 'momentum', label: 'Momentum α', hint: 'The share of the last weight change added to the next (0: none).',
    rule: { min: 0, max: 1, maxExclusive: true }, change: 'Change momentum',
  },
  weightDecay: {
    id: 'weight-decay', label: 'Weight decay κ', hint: 'Pulls every weight toward 0 by λκW per update (not biases).',
    rule: { min: 0 }, change: 'Change weight decay',
  },
  batchSize: {
    id: 'batch-size', label: 'Minibatch size', hint: 'Patterns per weight change; the epoch’s last minibatch may be smaller.',
    rule: { integer: true, min: 1, max: 100_000 }, change: 'Change minibatch size',
  },
  seed: {
    id: 'seed', label: 'Random seed', hint: 'Fixes the initial weights and the order: a new seed starts again from its own.',
    rule: { integer: true, min: 0, max: 0xffff_ffff }, change: 'Change seed',
  },
  maxEpochs: {
    id: 'max-epochs', label: 'Max epochs', hint: 'Training stops after this many epochs in all.',
    rule: { integer: true, min: 1, max: 1e9 }, change: 'Change max epochs',
  },
  errorCriterion: {
    id: 'error-criterion', label: 'Error criterion', hint: 'Stop when the tss during an epoch falls below it (0: never).',
    rule: { min: 0 }, change: 'Change error criterion',
  },
  margin: {
    id: 'margin', label: 'Margin', hint: 'A pattern is correct when every output is this close to its target.',
    rule: { min: 0 }, change: 'Change margin',
  },
};

/** The settings change that setting `key` to `value`. */
export function numberChange(key: NumberSetting, value: number): Partial<TrainingSettings> {
  return { [key]: value };
}
