/**
 * The equation from docs/science.md that each phase of the step-through shows, written with the phase's own
 * layer numbers, activation and loss. Written in a tiny markup (x_{sub}, x^{sup}) that the view renders
 * as HTML sub- and superscripts: no math library.
 */
import { ACTIVATIONS } from '../../src-shared/engine/activation-table';
import type { ActivationName, LearningRule, LossName } from '../../src-shared/model/schema';
import { phaseProjection, type Phase } from './step-phases';

export interface EquationContext {
  depth: number;
  /** Per unit layer. */
  activations: readonly ActivationName[];
  loss: LossName;
  rule: LearningRule;
  learningRate: number;
  momentum: number;
  weightDecay: number;
  /**
   * A graph network (not a chain): its layers' names and kinds and its projections, so each sum is written
   * over the projections it runs over, with the layers named.
   */
  graph?: {
    names: readonly string[];
    kinds: readonly ('input' | 'hidden' | 'output')[];
    projections: readonly { from: number; to: number }[];
  };
}

export interface EquationLine {
  /** The equation, in the x_{sub} x^{sup} markup. */
  math: string;
  /** One line on what it says, in words. */
  note?: string;
}

/** The lines to show beside the diagram in `phase`. */
export function phaseEquation(phase: Phase, context: EquationContext): EquationLine[] {
  if (context.graph) return graphEquation(phase, context, context.graph);
  const { depth } = context;
  const j = phase.layer;
  switch (phase.kind) {
    case 'copy':
      return copyEquation(String(j), String(phase.from));
    case 'forward': {
      const f = context.activations[j];
      return [
        { math: `n_{${j}} = W^{${j - 1}} h_{${j - 1}} + b_{${j}}`, note: 'Net input: the weighted sum of the layer below, plus the bias.' },
        { math: `h_{${j}} = f_{${j}}(n_{${j}})`, note: `Activation, ${f}: ${ACTIVATIONS[f].formula}.` },
        ...(j === 1 ? [{ math: 'h_{0} = i', note: 'The input layer’s activity is the pattern itself.' }] : []),
        ...(j === depth ? [{ math: `o = h_{${depth}}`, note: 'The output layer’s activation is the network’s output.' }] : []),
      ];
    }
    case 'target':
      return [{ math: `t beside o = h_{${depth}}`, note: 'The teacher shows what the output should have been (* = don’t care).' }];
    case 'error':
      return [
        { math: 'e = t − o', note: 'The error signal: positive where the output is too low.' },
        { math: 'pss = Σ_{k} (t_{k} − o_{k})^{2}', note: 'The pattern’s sum of squared errors.' },
      ];
    case 'delta':
      return j === depth ? outputDelta(context) : hiddenDelta(j, context);
    case 'weight-change':
      return weightChange(j, context);
  }
}

function outputDelta(context: EquationContext): EquationLine[] {
  const { depth } = context;
  const f = context.activations[depth];
  if (context.loss === 'cross-entropy') {
    return [{ math: `δ_{${depth}} = o − t`, note: 'Cross-entropy with logistic or softmax outputs: the derivative cancels.' }];
  }
  const lines: EquationLine[] = [{ math: `δ_{${depth}} = −(t − o) ⊙ f′(n_{${depth}})`, note: `Squared error, ${f} output: ${ACTIVATIONS[f].derivativeFormula}.` }];
  if (context.rule === 'delta') lines.push({ math: 'ΔW = λ e ⊙ f′(n) i^{T} = −λ δ i^{T}', note: 'The delta rule is the same step.' });
  return lines;
}

function hiddenDelta(j: number, context: EquationContext): EquationLine[] {
  const f = context.activations[j];
  const back = context.rule === 'feedback-alignment' ? 'F' : 'W';
  return [{
    math: `δ_{${j}} = [(${back}^{${j}})^{T} δ_{${j + 1}}] ⊙ f′(n_{${j}})`,
    note: context.rule === 'feedback-alignment'
      ? `Feedback alignment: deltas come back through the fixed random F, not W. ${ACTIVATIONS[f].derivativeFormula}.`
      : `Each unit gathers the deltas above it through its outgoing weights. ${f}: ${ACTIVATIONS[f].derivativeFormula}.`,
  }];
}

function weightChange(j: number, context: EquationContext): EquationLine[] {
  const from = j - 1;
  const lines: EquationLine[] = [
    { math: `ΔW^{${from}} = −λ δ_{${j}} h_{${from}}^{T}`, note: `λ = ${context.learningRate}: each weight moves against its unit’s delta, in proportion to the activity it carries.` },
    { math: `Δb_{${j}} = −λ δ_{${j}}` },
  ];
  if (context.momentum > 0 || context.weightDecay > 0) {
    lines.push({
      math: 'ΔW(t) = −λ (g + κW) + α ΔW(t−1)',
      note: `What an online update applies, with momentum α = ${context.momentum} and weight decay κ = ${context.weightDecay} (g = δ hᵀ): the “applied” column.`,
    });
  }
  return lines;
}

export interface MathSegment {
  text: string;
  script: 'sub' | 'sup' | null;
}

/** Splits the markup into plain text, subscripts and superscripts (one level; braces required). */
export function parseMath(math: string): MathSegment[] {
  const segments: MathSegment[] = [];
  const pattern = /([_^])\{([^}]*)\}/g;
  let last = 0;
  for (const match of math.matchAll(pattern)) {
    if (match.index > last) segments.push({ text: math.slice(last, match.index), script: null });
    segments.push({ text: match[2], script: match[1] === '_' ? 'sub' : 'sup' });
    last = match.index + match[0].length;
  }
  if (last < math.length) segments.push({ text: math.slice(last), script: null });
  return segments;
}

/** A context layer's copy (docs/science.md, "Simple recurrent networks"): one to one, weight 1, never learned. */
function copyEquation(context: string, from: string): EquationLine[] {
  return [
    { math: `h_{${context}}(t) = h_{${from}}(t − 1)`, note: `The context holds a copy of ${from}’s activations from the previous event (weight 1, one to one, never learned); at a sequence’s start, its initial value.` },
    { math: `n_{${context}}(t) = h_{${context}}(t)`, note: 'A context layer is linear and has no bias: it passes the copy on as it is.' },
  ];
}

/** A graph's equations: each sum over the projections into (forward) or out of (back) the phase's layer. */
function graphEquation(phase: Phase, context: EquationContext, graph: NonNullable<EquationContext['graph']>): EquationLine[] {
  const { names, projections } = graph;
  const g = phase.layer;
  const n = names[g];
  const f = context.activations[g];
  const back = context.rule === 'feedback-alignment' ? 'F' : 'W';
  switch (phase.kind) {
    case 'copy':
      return copyEquation(n, names[phase.from!]);
    case 'forward': {
      const terms = projections.flatMap((p) => (p.to === g ? [`W^{${names[p.from]}→${n}} h_{${names[p.from]}}`] : []));
      return [
        { math: `n_{${n}} = ${terms.join(' + ')} + b_{${n}}`, note: 'Net input: one weighted sum per projection into the layer, plus the bias.' },
        { math: `h_{${n}} = f(n_{${n}})`, note: `Activation, ${f}: ${ACTIVATIONS[f].formula}.` },
        ...(graph.kinds[g] === 'output' ? [{ math: `o_{${n}} = h_{${n}}`, note: 'An output layer’s activation is part of the network’s output.' }] : []),
      ];
    }
    case 'target':
    case 'error':
      return phaseEquation(phase, { ...context, graph: undefined });
    case 'delta': {
      const terms = projections.flatMap((p) => (p.from === g ? [`(${back}^{${n}→${names[p.to]}})^{T} δ_{${names[p.to]}}`] : []));
      const sum = terms.length > 0 ? `[${terms.join(' + ')}] ⊙ f′(n_{${n}})` : '';
      if (graph.kinds[g] !== 'output') {
        return [{ math: `δ_{${n}} = ${sum}`, note: `Each unit gathers the deltas of every layer it projects to. ${f}: ${ACTIVATIONS[f].derivativeFormula}.` }];
      }
      const loss = context.loss === 'cross-entropy' ? `(o − t)_{${n}}` : `−(t − o)_{${n}} ⊙ f′(n_{${n}})`;
      return [{
        math: `δ_{${n}} = ${loss}${sum ? ` + ${sum}` : ''}`,
        note: sum ? 'An output layer that also feeds others: the loss’s own term plus what comes back from them.' : 'The loss’s own term at this output layer.',
      }];
    }
    case 'weight-change': {
      const { from } = projections[phaseProjection(phase)];
      const W = `W^{${names[from]}→${n}}`;
      return [
        { math: `Δ${W} = −λ δ_{${n}} h_{${names[from]}}^{T}`, note: `λ = ${context.learningRate}: each weight moves against its unit’s delta, in proportion to the activity it carries.` },
        ...(projections.findIndex((p) => p.to === g) === phaseProjection(phase) ? [{ math: `Δb_{${n}} = −λ δ_{${n}}` }] : []),
      ];
    }
  }
}
