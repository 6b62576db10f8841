/**
 * The lecture's phases for one pattern (docs/science.md, "What users look at"): in a recurrent network first
 * the copy into each context layer (context ← hidden, the previous event's activations), then the forward pass layer by layer,
 * the target beside the output, the error signal, the deltas flowing back layer by layer, and the weight
 * change of each projection — and, for each phase, which of the engine's numbers it reveals. Every number
 * here is read from the engine's inspection; nothing is recomputed.
 */
import type { PatternInspection } from '../../src-shared/ipc/trainer-protocol';
import { topologicalOrder } from '../../src-shared/model/graph';

export type PhaseKind = 'copy' | 'forward' | 'target' | 'error' | 'delta' | 'weight-change';

export interface Phase {
  kind: PhaseKind;
  /**
   * copy: the context layer filled; forward, delta: the layer computed; target, error: the (last) output
   * layer; weight-change: the layer the projection feeds (W^{j−1} in a chain).
   */
  layer: number;
  /**
   * weight-change in a graph: the projection's index in the model (a chain's is layer − 1), and the layer it
   * comes from; copy: the layer copied (the link's source).
   */
  projection?: number;
  from?: number;
}

/** A network's layers and projections, as the phases need them. */
export interface PhaseNetwork {
  kinds: readonly ('input' | 'hidden' | 'output')[];
  projections: readonly { from: number; to: number }[];
  /** A recurrent network's time-delayed copies (the model's links): each fills context layer `to` from layer `from`. */
  copies?: readonly { from: number; to: number }[];
}

/** The network an inspection describes (with the model's copy links: the inspection does not name its context layers). */
export function inspectedNetwork(inspection: PatternInspection, copies: readonly { from: number; to: number }[] = []): PhaseNetwork {
  return { kinds: inspection.layers.map((layer) => layer.kind), projections: inspection.weightLayers, copies };
}

/** A chain of layers 0 … depth as a PhaseNetwork. */
function chainNetwork(depth: number): PhaseNetwork {
  return {
    kinds: Array.from({ length: depth + 1 }, (_, j) => (j === 0 ? 'input' : j === depth ? 'output' : 'hidden')),
    projections: Array.from({ length: depth }, (_, j) => ({ from: j, to: j + 1 })),
  };
}

/** Whether the network is the chain 0 → 1 → … → D (its phases keep the chain's numbering). */
function isChain(network: PhaseNetwork): boolean {
  const { kinds, projections } = network;
  return projections.length === kinds.length - 1 && projections.every((p, j) => p.from === j && p.to === j + 1);
}

/** The lecture's five steps, for the stepper's headings. */
export const phaseGroups: ReadonlyArray<{ kind: PhaseKind; label: string }> = [
  { kind: 'copy', label: 'Copy back' },
  { kind: 'forward', label: 'Forward pass' },
  { kind: 'target', label: 'Target' },
  { kind: 'error', label: 'Error signal' },
  { kind: 'delta', label: 'Deltas back' },
  { kind: 'weight-change', label: 'Weight changes' },
];

/**
 * Every phase of one pattern, in the lecture's order: a chain of layers 0 … depth, or any network — in a
 * recurrent one the copy into each context layer first (it is filled, not computed), the forward pass
 * layer by layer in a topological order, the deltas in the reverse one, then each projection's weight
 * change as its deltas arrive (the projections into the last layer computed first).
 */
export function stepPhases(network: number | PhaseNetwork): Phase[] {
  const net = typeof network === 'number' ? chainNetwork(network) : network;
  const copies = net.copies ?? [];
  const order = topologicalOrder(net.kinds.length, net.projections).filter((g) => net.kinds[g] !== 'input');
  const outputs = order.filter((g) => net.kinds[g] === 'output');
  const last = outputs.at(-1) ?? order.at(-1) ?? 0;
  const chain = isChain(net);
  const phases: Phase[] = copies.map((copy) => ({ kind: 'copy', layer: copy.to, from: copy.from }));
  for (const layer of order) if (!copies.some((copy) => copy.to === layer)) phases.push({ kind: 'forward', layer });
  phases.push({ kind: 'target', layer: last }, { kind: 'error', layer: last });
  const down = order.slice().reverse();
  for (const layer of down) phases.push({ kind: 'delta', layer });
  for (const layer of down) {
    net.projections.forEach((p, q) => {
      if (p.to === layer) phases.push(chain ? { kind: 'weight-change', layer } : { kind: 'weight-change', layer, projection: q, from: p.from });
    });
  }
  return phases;
}

/** The projection a weight-change phase is about. */
export function phaseProjection(phase: Phase): number {
  return phase.projection ?? phase.layer - 1;
}

/** The phase's name in a sentence's words, with the layer it is about (`from`: a graph's projection's sending layer). */
export function phaseTitle(phase: Phase, layerNames: readonly string[], projections?: readonly { from: number; to: number }[]): string {
  const name = layerNames[phase.layer] ?? `layer ${phase.layer}`;
  switch (phase.kind) {
    case 'copy': {
      const from = layerNames[phase.from!] ?? `layer ${phase.from}`;
      return `Copy back: ${name} ← ${from} (layer ${phase.layer} ← layer ${phase.from}), the previous event's activations`;
    }
    case 'forward':
      return `Forward pass: ${name} (layer ${phase.layer})`;
    case 'target':
      return 'Target feedback: the target t beside the output o';
    case 'error':
      return 'Error signal: e = t − o';
    case 'delta':
      return `Deltas back: ${name} (layer ${phase.layer})`;
    case 'weight-change': {
      const q = phaseProjection(phase);
      const from = projections?.[q]?.from ?? phase.layer - 1;
      const symbol = phase.projection === undefined ? `W${superscript(q)}` : `projection ${q + 1}`;
      return `Weight changes: ${layerNames[from] ?? `layer ${from}`} → ${name} (${symbol})`;
    }
  }
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
function superscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]);
}

/** What the units are coloured by in a phase. */
export type ShadedQuantity = 'activation' | 'error' | 'delta';

export interface PhaseView {
  /** The quantity the units' colours show, or null when the lines carry the phase (weight changes). */
  shaded: ShadedQuantity | null;
  /** Per unit layer: the values its units are coloured by, or null when the layer is not shaded in this phase. */
  unitValues: Array<Array<number | null> | null>;
  /** Per unit layer: whether the forward pass has yet to reach it. */
  pending: boolean[];
  /** Per unit layer: the numbers printed under its units (the shaded values unless the phase says otherwise) and their symbol. */
  unitNumbers: Array<{ symbol: string; values: Array<number | null> } | null>;
  /** Per projection j (W^j): the weight changes its lines show, out × in, or null. */
  lineValues: Array<number[][] | null>;
  /** The unit layer this phase computes, to highlight. */
  activeLayer: number | null;
  /** The projection this phase is about (into the active layer going forward, out of it coming back): the first of `activeProjections`. */
  activeProjection: number | null;
  /** Every projection this phase is about: all into the active layer going forward, all out of it coming back. */
  activeProjections: number[];
  /** Whether the output's targets are shown beside it. */
  showsTarget: boolean;
  /** The largest magnitude shaded, for a symmetric colour scale (1 when everything is 0). */
  range: number;
}

/** Each layer's place in the forward pass (a topological order of the inspected network). */
function ranks(inspection: PatternInspection): number[] {
  const rank: number[] = [];
  topologicalOrder(inspection.layers.length, inspection.weightLayers).forEach((g, i) => (rank[g] = i));
  return rank;
}

/** Each output layer's values within the concatenated target, output or error. */
export function outputSlice<T>(inspection: PatternInspection, layer: number, values: readonly T[]): T[] | null {
  let offset = 0;
  for (const g of inspection.outputLayers) {
    const units = inspection.layers[g].activation.length;
    if (g === layer) return values.slice(offset, offset + units);
    offset += units;
  }
  return null;
}

/** What the diagram shows in `phase`, all of it from the inspection. */
export function phaseView(inspection: PatternInspection, phase: Phase): PhaseView {
  const rank = ranks(inspection);
  const at = rank[phase.layer];
  const none = <T>() => inspection.layers.map((): T | null => null);
  const lines = inspection.weightLayers.map((): number[][] | null => null);
  let unitValues: Array<Array<number | null> | null> = none();
  let shaded: ShadedQuantity | null = 'activation';
  let activeProjections: number[] = [];
  const projectionsWhere = (test: (p: { from: number; to: number }) => boolean) => inspection.weightLayers.flatMap((p, q) => (test(p) ? [q] : []));
  switch (phase.kind) {
    case 'copy':
      // The context holds the copy before anything is computed: the input and the context alone are shown.
      unitValues = inspection.layers.map((layer) => (layer.kind === 'input' || layer.layer === phase.layer ? layer.activation : null));
      break;
    case 'forward':
      unitValues = inspection.layers.map((layer) => (layer.kind === 'input' || rank[layer.layer] <= at ? layer.activation : null));
      activeProjections = projectionsWhere((p) => p.to === phase.layer);
      break;
    case 'target':
      unitValues = inspection.layers.map((layer) => layer.activation);
      break;
    case 'error':
      shaded = 'error';
      unitValues = inspection.layers.map((layer) => outputSlice(inspection, layer.layer, inspection.error));
      break;
    case 'delta':
      shaded = 'delta';
      unitValues = inspection.layers.map((layer) => (layer.kind !== 'input' && rank[layer.layer] >= at ? layer.delta : null));
      activeProjections = projectionsWhere((p) => p.from === phase.layer);
      break;
    case 'weight-change': {
      shaded = null;
      const q = phaseProjection(phase);
      lines[q] = inspection.weightLayers[q].weightChange.weights;
      activeProjections = [q];
      break;
    }
  }
  const magnitudes = [...unitValues.flat(), ...lines.flat(2)].map((v) => Math.abs(v ?? 0));
  const largest = Math.max(0, ...magnitudes);
  const symbol = shaded === 'error' ? 'e' : shaded === 'delta' ? 'δ' : '';
  let unitNumbers: PhaseView['unitNumbers'] = unitValues.map((values) => (values ? { symbol, values } : null));
  if (phase.kind === 'weight-change') {
    // ΔW = −λ δ hᵀ: the two factors of each line's change, under the units they belong to.
    const { from, to } = inspection.weightLayers[phaseProjection(phase)];
    unitNumbers = inspection.layers.map((layer) =>
      layer.layer === from ? { symbol: 'h', values: layer.activation } : layer.layer === to ? { symbol: 'δ', values: layer.delta ?? [] } : null,
    );
  }
  return {
    shaded,
    unitValues,
    pending: inspection.layers.map((layer) => (phase.kind === 'copy' ? layer.kind !== 'input' && layer.layer !== phase.layer : phase.kind === 'forward' && layer.kind !== 'input' && rank[layer.layer] > at)),
    unitNumbers,
    lineValues: lines,
    activeLayer: phase.layer,
    activeProjection: activeProjections[0] ?? null,
    activeProjections,
    showsTarget: phase.kind !== 'forward' && phase.kind !== 'copy',
    range: largest > 0 ? largest : 1,
  };
}

/** One unit: layer j, unit k (from 0). */
export interface UnitRef {
  layer: number;
  unit: number;
}

export interface DetailRow {
  /** The quantity's name in docs/science.md's words. */
  label: string;
  /** Its symbol, e.g. "n₁[2]". */
  symbol: string;
  /** null for a don't-care target (and its error). */
  value: number | null;
}

export interface UnitDetails {
  title: string;
  rows: DetailRow[];
  /** In the weight-change phase, the unit's incoming changes: one per sending unit, then the bias. */
  incoming: Array<{ from: string; change: number; applied: number }> | null;
}

/** The order of the phases, to say whether one has been revealed by the current phase. */
function reached(order: readonly Phase[], current: Phase, kind: PhaseKind, layer: number): boolean {
  const same = (p: Phase, k: PhaseKind, g: number, q?: number) => p.kind === k && p.layer === g && p.projection === q;
  const at = order.findIndex((p) => same(p, current.kind, current.layer, current.projection));
  const of = order.findIndex((p) => p.kind === kind && p.layer === layer);
  return of <= at;
}

const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';
function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUBSCRIPT_DIGITS[Number(d)]);
}

/**
 * One unit's numbers as far as the lecture has come in `phase`: a context unit's copy from the start; net input and activation once its layer's
 * forward pass is shown, target and error at an output once those phases are, its delta once the deltas
 * reach it, and its incoming weight changes in its weight-change phase. In a graph, the net input's terms
 * (one per incoming projection, and the bias) and the delta's (the loss's, one per outgoing projection, and
 * f'(n)) follow the sums they make.
 */
export function unitDetails(
  inspection: PatternInspection, phase: Phase, layer: number, unit: number, unitName: (layer: number, unit: number) => string,
  copies: readonly { from: number; to: number }[] = [],
): UnitDetails {
  const network = inspectedNetwork(inspection, copies);
  const order = stepPhases(network);
  const last = order.find((p) => p.kind === 'target')!.layer;
  const graph = !isChain(network);
  const at = inspection.layers[layer];
  const name = (g: number) => inspection.layers[g].name;
  const j = subscript(layer);
  const k = `[${unit + 1}]`;
  const rows: DetailRow[] = [];
  const copy = copies.find((c) => c.to === layer);
  if (at.kind === 'input') {
    rows.push({ label: 'input', symbol: `i${k}`, value: at.activation[unit] });
  } else if (copy) {
    rows.push({ label: `copy of ${name(copy.from)}, previous event`, symbol: `h${j}${k} = h${subscript(copy.from)}${k}(t − 1)`, value: at.activation[unit] });
  } else if (reached(order, phase, 'forward', layer)) {
    rows.push({ label: 'net input', symbol: `n${j}${k}`, value: at.netInput[unit] });
    if (graph) {
      for (const term of at.netInputTerms) rows.push({ label: `  from ${name(term.layer)}`, symbol: `(W h${subscript(term.layer)})${k}`, value: term.values[unit] });
      rows.push({ label: '  bias', symbol: `b${j}${k}`, value: at.bias![unit] });
    }
    rows.push({ label: 'activation', symbol: `h${j}${k}`, value: at.activation[unit] });
  }
  if (at.kind === 'output') {
    if (reached(order, phase, 'target', last)) rows.push({ label: 'target', symbol: `t${k}`, value: outputSlice(inspection, layer, inspection.target)![unit] });
    if (reached(order, phase, 'error', last)) rows.push({ label: 'error', symbol: `e${k} = t − o`, value: outputSlice(inspection, layer, inspection.error)![unit] });
  }
  if (at.delta && reached(order, phase, 'delta', layer)) {
    rows.push({ label: 'delta', symbol: `δ${j}${k}`, value: at.delta[unit] });
    if (graph) {
      if (at.lossDelta) rows.push({ label: '  from the loss', symbol: `δ${j}${k} of L`, value: at.lossDelta[unit] });
      for (const term of at.deltaTerms) rows.push({ label: `  back from ${name(term.layer)}`, symbol: `(Wᵀ δ${subscript(term.layer)})${k}`, value: term.values[unit] });
      if (at.deltaTerms.length > 0) rows.push({ label: '  times f′(n)', symbol: `f′(n${j}${k})`, value: at.derivative![unit] });
    }
  }
  let incoming: UnitDetails['incoming'] = null;
  if (phase.kind === 'weight-change' && phase.layer === layer && at.kind !== 'input') {
    const q = phaseProjection(phase);
    const projection = inspection.weightLayers[q];
    incoming = projection.weightChange.weights[unit].map((change, from) => ({
      from: unitName(projection.from, from),
      change,
      applied: projection.onlineUpdate.weights[unit][from],
    }));
    // The bias's change is shown with the first projection into the layer (inspect-terms.ts).
    if (inspection.weightLayers.findIndex((p) => p.to === layer) === q) {
      incoming.push({ from: 'bias', change: projection.weightChange.biases[unit], applied: projection.onlineUpdate.biases[unit] });
    }
  }
  return { title: unitName(layer, unit), rows, incoming };
}

/** A value as the diagram prints it: three decimals, or three significant digits when small; a true minus. */
export function formatValue(value: number | null): string {
  if (value === null) return '*';
  if (Number.isInteger(value)) return String(value).replace('-', '−');
  const text = Math.abs(value) >= 0.1 ? value.toFixed(3) : value.toPrecision(3);
  return text.replace('-', '−');
}
