/**
 * The builder's edits of a recurrent network's time (docs/science.md, "Simple recurrent networks"), as pure
 * functions of the document: attach a context layer that copies a hidden layer (Elman) or an output layer
 * (Jordan) and projects back into it, set a context's initial value and the gradient (one-step or BPTT to a
 * depth), keep the links on their layers while layers move, and a context's size on its source's.
 */
import { networkGraph } from '../../src-shared/model/graph';
import type { CopyLinkSpec, LayerSpec, ModelDocument, RecurrenceSpec } from '../../src-shared/model/schema';

/** Lens's default: a context starts each sequence halfway (tlearn starts at 0). */
export const DEFAULT_CONTEXT_INITIAL = 0.5;

/** Why layer `source` cannot be given a context layer, in the app's words, or null when it can. */
export function contextProblem(model: Pick<ModelDocument, 'layers' | 'links'>, source: number): string | null {
  const layer = model.layers[source];
  if (!layer) return 'no such layer';
  if (layer.kind === 'input') return `${layer.name} is an input layer: a context copies a hidden layer (Elman) or an output layer (Jordan)`;
  if ((model.links ?? []).some((link) => link.to === source)) return `${layer.name} is a context layer: it holds a copy already`;
  if ((model.links ?? []).some((link) => link.from === source)) return `${layer.name} already has a context layer`;
  return null;
}

/**
 * The model with a context layer copying layer `source`: as many linear units without a bias, placed just
 * below it, projecting into it, filled by a copy link starting each sequence at `initial`. The projections
 * are written out (a recurrent network is never a plain chain).
 */
export function attachContext(model: ModelDocument, source: number, initial = DEFAULT_CONTEXT_INITIAL): ModelDocument {
  if (contextProblem(model, source) !== null) return model;
  const taken = new Set(model.layers.map((layer) => layer.name));
  let name = 'context';
  for (let n = 2; taken.has(name); n++) name = `context ${n}`;
  const context: LayerSpec = { kind: 'hidden', name, units: model.layers[source].units, activation: 'linear', bias: false };
  // Inserted at `source`: the source and every layer above it move up one.
  const shift = (g: number) => (g >= source ? g + 1 : g);
  const layers = [...model.layers];
  layers.splice(source, 0, context);
  const projections = networkGraph(model).projections.map((p) => ({ ...p, from: shift(p.from), to: shift(p.to) }));
  const links: CopyLinkSpec[] = (model.links ?? []).map((link) => ({ ...link, from: shift(link.from), to: shift(link.to) }));
  links.push({ kind: 'copy', from: source + 1, to: source, delay: 1, initial });
  return { ...model, layers, links, projections: [...projections, { from: source, to: source + 1 }] };
}

/**
 * The links after the layers were rearranged (`newIndex[i]`: where old layer i went, −1 removed): a link
 * whose context or source is gone goes too; with no link left, the gradient setting and the sequence marks
 * go, which only a recurrent network has.
 */
export function linksRearranged(model: ModelDocument, newIndex: readonly number[]): ModelDocument {
  if (!model.links) return model;
  const links = model.links.flatMap((link) => {
    const from = newIndex[link.from];
    const to = newIndex[link.to];
    return from < 0 || to < 0 ? [] : [{ ...link, from, to }];
  });
  if (links.length > 0) return { ...model, links };
  const { links: _links, recurrence: _recurrence, ...rest } = model;
  const unmarked = <T extends { reset?: boolean }>(pattern: T): T => {
    const { reset: _reset, ...kept } = pattern;
    return kept as T;
  };
  return { ...rest, patterns: model.patterns.map(unmarked), ...(model.testPatterns ? { testPatterns: model.testPatterns.map(unmarked) } : {}) };
}

/** The model with link i's initial value set. */
export function setContextInitial(model: ModelDocument, link: number, initial: number): ModelDocument {
  return { ...model, links: (model.links ?? []).map((l, i) => (i === link ? { ...l, initial } : l)) };
}

/** The gradient as the settings show it: depth 1 is the one-step gradient. */
export function recurrenceDepth(model: Pick<ModelDocument, 'recurrence'>): number {
  return model.recurrence?.gradient === 'bptt' ? model.recurrence.depth : 1;
}

/** The model with the one-step gradient (depth 1) or BPTT to `depth` events. */
export function setRecurrenceDepth(model: ModelDocument, depth: number): ModelDocument {
  const recurrence: RecurrenceSpec = depth <= 1 ? { gradient: 'one-step' } : { gradient: 'bptt', depth };
  return { ...model, recurrence };
}

/**
 * A new size for layer `index` carried to the other end of its copy links: a context always has its
 * source's units (the copy is one to one).
 */
export function unitsFollowCopies(model: ModelDocument, index: number, units: number): ModelDocument {
  const partners = new Set((model.links ?? []).flatMap((link) => (link.from === index ? [link.to] : link.to === index ? [link.from] : [])));
  if (partners.size === 0) return model;
  return { ...model, layers: model.layers.map((layer, g) => (partners.has(g) ? { ...layer, units } : layer)) };
}
