/**
 * The training settings as the workbench names them: for each, the label the Train tab's settings panel shows,
 * the symbol the equations and the chart's markers use (λ, α, κ; docs/science.md), and — for those typed in
 * as numbers — the field's id, one-line hint, the undo step's name and the bounds it accepts, read from the
 * model schema (src-shared/model/schema.ts) so that the panel refuses exactly what a file would.
 * One table for the panel (SettingsPanel.svelte), the problems' wording (problem-paths.ts) and the chart's
 * labels (setting-labels.ts).
 */
import { copyLinkSchema, initSchema, recurrenceSchema, trainingSchema, type TrainingSettings } from '../../src-shared/model/schema';
import { schemaRule, type SettingRule } from './setting-input';

export type NumberSetting = 'learningRate' | 'momentum' | 'weightDecay' | 'batchSize' | 'seed' | 'maxEpochs' | 'errorCriterion' | 'margin';

export interface SettingWords {
  /** As the settings panel labels it. */
  label: string;
  /** As the equations and the chart's markers name it: "λ", "minibatch". */
  symbol: string;
}

export interface NumberSettingField extends SettingWords {
  id: string;
  hint: string;
  /** What the panel accepts: the schema's bounds. */
  rule: SettingRule;
  /** The undo step's name. */
  change: string;
}

type Table = { readonly [K in keyof TrainingSettings]-?: K extends NumberSetting ? NumberSettingField : SettingWords };

/** A setting typed in as a number, its bounds those of `training.<key>` in the schema. */
function numberSetting(key: NumberSetting, words: Omit<NumberSettingField, 'rule'>): NumberSettingField {
  return { ...words, rule: schemaRule(trainingSchema.shape[key], `training.${key}`) };
}

export const TRAINING_SETTINGS: Table = {
  rule: { label: 'Rule', symbol: 'rule' },
  loss: { label: 'Loss', symbol: 'loss' },
  update: { label: 'Update', symbol: 'update' },
  batchSize: numberSetting('batchSize', { id: 'batch-size', label: 'Minibatch size', symbol: 'minibatch', hint: 'Patterns per weight change; the epoch’s last minibatch may be smaller.', change: 'Change minibatch size' }),
  order: { label: 'Pattern order', symbol: 'order' },
  learningRate: numberSetting('learningRate', { id: 'learning-rate', label: 'Learning rate λ', symbol: 'λ', hint: 'Step size: the weight change per unit of gradient, per pattern.', change: 'Change learning rate' }),
  momentum: numberSetting('momentum', { id: 'momentum', label: 'Momentum α', symbol: 'α', hint: 'The share of the last weight change added to the next (0: none).', change: 'Change momentum' }),
  weightDecay: numberSetting('weightDecay', { id: 'weight-decay', label: 'Weight decay κ', symbol: 'κ', hint: 'Pulls every weight toward 0 by λκW per update (not biases).', change: 'Change weight decay' }),
  init: { label: 'Initialization', symbol: 'init' },
  seed: numberSetting('seed', { id: 'seed', label: 'Random seed', symbol: 'seed', hint: 'Fixes the initial weights and the order: a new seed starts again from its own.', change: 'Change seed' }),
  maxEpochs: numberSetting('maxEpochs', { id: 'max-epochs', label: 'Max epochs', symbol: 'max epochs', hint: 'Training stops after this many epochs in all.', change: 'Change max epochs' }),
  errorCriterion: numberSetting('errorCriterion', { id: 'error-criterion', label: 'Error criterion', symbol: 'criterion', hint: 'Stop when the tss during an epoch falls below it (0: never).', change: 'Change error criterion' }),
  margin: numberSetting('margin', { id: 'margin', label: 'Margin', symbol: 'margin', hint: 'A pattern is correct when every output is this close to its target.', change: 'Change margin' }),
  stopWhenAllCorrect: { label: 'Stop once every pattern is correct', symbol: 'stop when all correct' },
  snapshots: { label: 'Snapshots', symbol: 'snapshots' },
};

/** The settings typed in as numbers, in the table's order. */
export const NUMBER_SETTINGS: readonly NumberSetting[] = ['learningRate', 'momentum', 'weightDecay', 'batchSize', 'seed', 'maxEpochs', 'errorCriterion', 'margin'];

/** The initial weights' range r (uniform) and spread σ (Gaussian), their bounds as the schema gives them. */
export const INIT_FIELDS: Readonly<Record<'range' | 'sd', NumberSettingField>> = {
  range: {
    id: 'init-range', label: 'Range r', symbol: 'r', hint: 'Width of the interval the initial weights come from.',
    rule: schemaRule(initSchema.options[0].shape.range, 'training.init.range'), change: 'Change initial range',
  },
  sd: {
    id: 'init-sd', label: 'Spread σ', symbol: 'σ', hint: 'Standard deviation of the initial weights; small for learning-dynamics studies.',
    rule: schemaRule(initSchema.options[1].shape.sd, 'training.init.sd'), change: 'Change initial spread',
  },
};

/**
 * The bounds of a recurrent network's time settings (RecurrenceSettings.svelte): a context layer's initial
 * value, and BPTT's depth k — from 2, as a depth of 1 is the one-step gradient, chosen as its own option.
 */
export const RECURRENCE_RULES: Readonly<Record<'initial' | 'depth', SettingRule>> = {
  initial: schemaRule(copyLinkSchema.shape.initial, 'links[].initial'),
  depth: { ...schemaRule(recurrenceSchema.options[1].shape.depth, 'recurrence.depth'), min: 2 },
};

/** The settings change that setting `key` to `value`. */
export function numberChange(key: NumberSetting, value: number): Partial<TrainingSettings> {
  return { [key]: value };
}
