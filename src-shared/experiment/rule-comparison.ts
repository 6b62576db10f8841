/**
 * "Compare rules" (issue 15, point 6): the open network trained under several learning rules — and, if
 * asked, a second learning rate — from identical initial weights, as one small experiment on the experiment
 * runner: a factor `rule` over the chosen rules, replication r trained from seed (model seed + r) in every
 * condition (seed.ts), so conditions share their initial weights. The experiment is made here and given to
 * the runner only; the open document is never edited.
 *
 * On a network with one layer of weights no delta is sent back to a hidden layer, so backpropagation, the
 * delta rule and feedback alignment make the same updates (science.md, rules 2 and 3): the comparison then
 * trains one rule for them all and says so, rather than drawing equal curves.
 */
import { networkGraph } from '../model/graph';
import { isRecurrent } from '../model/recurrence';
import { MAX_EPOCHS, type ExperimentSpec, type Factor, type LearningRule, type ModelDocument } from '../model/schema';

/** Seeds per rule the comparison allows: a view, not an experiment of its own. */
export const MAX_COMPARISON_SEEDS = 20;

export const RULE_NAMES: Record<LearningRule, string> = {
  backprop: 'backprop',
  'feedback-alignment': 'feedback alignment',
  delta: 'delta rule',
};

export interface RuleComparisonChoice {
  /** The rules ticked, in the order they are drawn. */
  rules: readonly LearningRule[];
  /** A second learning rate every rule is also trained with; null for the model's only. */
  otherLearningRate: number | null;
  /** Replications: seeds model seed, model seed + 1, … */
  seeds: number;
  epochs: number;
}

export interface ComparedCondition {
  /** The experiment's condition index. */
  condition: number;
  rule: LearningRule;
  /** The rules this one's curve stands for (more than one only on a network with one weight layer). */
  sameAs: LearningRule[];
  learningRate: number;
  label: string;
}

export interface RuleComparison {
  /** The open model with the comparison as its experiment section (no weights: every run starts from its seed). */
  model: ModelDocument;
  conditions: ComparedCondition[];
  /** Why fewer curves than rules are drawn, or null. */
  sameUpdates: string | null;
  /** Whether the feedback-alignment runs record the angles (a chain with a hidden layer). */
  angles: boolean;
}

/** Whether every projection carries input straight to output: one layer of weights, nothing sent back. */
export function hasOneWeightLayer(model: Pick<ModelDocument, 'layers' | 'projections' | 'links'>): boolean {
  if (isRecurrent(model)) return false;
  return networkGraph(model).projections.every((p) => model.layers[p.from].kind === 'input' && model.layers[p.to].kind === 'output');
}

/** The rules the comparison offers for this network, with why one is not (the delta rule needs one weight layer). */
export function comparableRules(model: Pick<ModelDocument, 'layers' | 'projections' | 'links'>): { rule: LearningRule; why: string | null }[] {
  const one = hasOneWeightLayer(model);
  return [
    { rule: 'backprop', why: null },
    { rule: 'feedback-alignment', why: null },
    { rule: 'delta', why: one ? null : 'the delta rule trains one layer of weights; this network has hidden layers' },
  ];
}

export function planRuleComparison(model: ModelDocument, choice: RuleComparisonChoice): RuleComparison {
  const offered = comparableRules(model);
  if (choice.rules.length === 0) throw new Error('Compare rules: tick at least one rule');
  for (const rule of choice.rules) {
    const why = offered.find((o) => o.rule === rule)?.why;
    if (why === undefined) throw new Error(`Compare rules: "${String(rule)}" is not a learning rule`);
    if (why) throw new Error(`Compare rules: ${why}`);
  }
  if (new Set(choice.rules).size !== choice.rules.length) throw new Error('Compare rules: a rule is ticked twice');
  if (!Number.isInteger(choice.seeds) || choice.seeds < 1 || choice.seeds > MAX_COMPARISON_SEEDS) {
    throw new Error(`Compare rules: seeds must be a whole number from 1 to ${MAX_COMPARISON_SEEDS}, not ${choice.seeds}`);
  }
  if (!Number.isInteger(choice.epochs) || choice.epochs < 1 || choice.epochs > MAX_EPOCHS) {
    throw new Error(`Compare rules: epochs must be a whole number from 1 to ${MAX_EPOCHS.toLocaleString('en')}, not ${choice.epochs}`);
  }
  const rate = model.training.learningRate;
  const other = choice.otherLearningRate;
  if (other !== null && !(Number.isFinite(other) && other >= 0)) throw new Error(`Compare rules: the other learning rate must be a number ≥ 0, not ${other}`);
  const rates = other === null || other === rate ? [rate] : [rate, other];

  const one = hasOneWeightLayer(model);
  // One weight layer: the rules are the same updates, so the first ticked stands for them all.
  const rules: LearningRule[] = one ? [choice.rules[0]] : [...choice.rules];
  const sameAs = one ? [...choice.rules] : null;
  const factors: Factor[] = [{ setting: 'rule', levels: rules }];
  if (rates.length > 1) factors.push({ setting: 'learningRate', levels: rates });
  const spec: ExperimentSpec = {
    design: 'crossed',
    factors,
    replications: choice.seeds,
    baseSeed: model.training.seed,
    epochs: choice.epochs,
    stopAtCriterion: false,
    record: { finalOutputs: false, finalWeights: false },
  };
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the comparison is no saved document
  const { provenance, ...rest } = model;
  const conditions: ComparedCondition[] = [];
  // Crossed conditions vary the last factor fastest (model/experiment.ts): rule, then learning rate.
  for (const rule of rules) {
    for (const learningRate of rates) {
      const named = (sameAs ?? [rule]).map((r) => RULE_NAMES[r]).join(' = ');
      conditions.push({
        condition: conditions.length,
        rule,
        sameAs: sameAs ?? [rule],
        learningRate,
        label: rates.length > 1 ? `${named}, λ = ${learningRate}` : named,
      });
    }
  }
  const graph = networkGraph(model);
  return {
    model: { ...rest, state: null, experiment: spec },
    conditions,
    sameUpdates: one
      ? 'This network has one layer of weights: no delta is sent back to a hidden layer, so backpropagation, the delta rule and feedback alignment make the same weight changes, bit for bit. One curve stands for them.'
      : null,
    angles: rules.includes('feedback-alignment') && graph.isChain && model.layers.length > 2,
  };
}
