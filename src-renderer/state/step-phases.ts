/**
 * The lecture's phases for one pattern (docs/science.md, "What users look at"): the forward pass layer by layer,
 * the target beside the output, the error signal, the deltas flowing back layer by layer, and the weight
 * change of each projection — and, for each phase, which of the engine's numbers it reveals. Every number
 * here is read from the engine's inspection; nothing is recomputed.
 */
import type { PatternInspection } from '../../src-shared/ipc/trainer-protocol';

export type PhaseKind = 'forward' | 'target' | 'error' | 'delta' | 'weight-change';

export interface Phase {
  kind: PhaseKind;
  /** forward, delta: the unit layer j computed; target, error: the output layer D; weight-change: the layer the projection feeds (W^{j−1}). */
  layer: number;
}

/** The lecture's five steps, for the stepper's headings. */
export const phaseGroups: ReadonlyArray<{ kind: PhaseKind; label: string }> = [
  { kind: 'forward', label: 'Forward pass' },
  { kind: 'target', label: 'Target' },
  { kind: 'error', label: 'Error signal' },
  { kind: 'delta', label: 'Deltas back' },
  { kind: 'weight-change', label: 'Weight changes' },
];

/** Every phase of one pattern in a network of layers 0 … depth, in the lecture's order. */
export function stepPhases(depth: number): Phase[] {
  const phases: Phase[] = [];
  for (let j = 1; j <= depth; j++) phases.push({ kind: 'forward', layer: j });
  phases.push({ kind: 'target', layer: depth }, { kind: 'error', layer: depth });
  for (let j = depth; j >= 1; j--) phases.push({ kind: 'delta', layer: j });
  // Top down, as the deltas arrive: the projection into the output first.
  for (let j = depth; j >= 1; j--) phases.push({ kind: 'weight-change', layer: j });
  return phases;
}

/** The phase's name in a sentence's words, with the layer it is about. */
export function phaseTitle(phase: Phase, layerNames: readonly string[]): string {
  const name = layerNames[phase.layer] ?? `layer ${phase.layer}`;
  switch (phase.kind) {
    case 'forward':
      return `Forward pass: ${name} (layer ${phase.layer})`;
    case 'target':
      return 'Target feedback: the target t beside the output o';
    case 'error':
      return 'Error signal: e = t − o';
    case 'delta':
      return `Deltas back: ${name} (layer ${phase.layer})`;
    case 'weight-change':
      return `Weight changes: ${layerNames[phase.layer - 1] ?? `layer ${phase.layer - 1}`} → ${name} (W${superscript(phase.layer - 1)})`;
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
  /** The projection this phase is about (into the active layer going forward, out of it coming back). */
  activeProjection: number | null;
  /** Whether the output's targets are shown beside it. */
  showsTarget: boolean;
  /** The largest magnitude shaded, for a symmetric colour scale (1 when everything is 0). */
  range: number;
}

/** What the diagram shows in `phase`, all of it from the inspection. */
export function phaseView(inspection: PatternInspection, phase: Phase): PhaseView {
  const depth = inspection.layers.length - 1;
  const none = <T>() => inspection.layers.map((): T | null => null);
  const lines = inspection.weightLayers.map((): number[][] | null => null);
  let unitValues: Array<Array<number | null> | null> = none();
  let shaded: ShadedQuantity | null = 'activation';
  let activeProjection: number | null = null;
  switch (phase.kind) {
    case 'forward':
      unitValues = inspection.layers.map((layer) => (layer.layer <= phase.layer ? layer.activation : null));
      activeProjection = phase.layer - 1;
      break;
    case 'target':
      unitValues = inspection.layers.map((layer) => layer.activation);
      break;
    case 'error':
      shaded = 'error';
      unitValues[depth] = inspection.error;
      break;
    case 'delta':
      shaded = 'delta';
      unitValues = inspection.layers.map((layer) => (layer.layer >= phase.layer ? layer.delta : null));
      activeProjection = phase.layer < depth ? phase.layer : null;
      break;
    case 'weight-change':
      shaded = null;
      lines[phase.layer - 1] = inspection.weightLayers[phase.layer - 1].weightChange.weights;
      activeProjection = phase.layer - 1;
      break;
  }
  const magnitudes = [...unitValues.flat(), ...lines.flat(2)].map((v) => Math.abs(v ?? 0));
  const largest = Math.max(0, ...magnitudes);
  const symbol = shaded === 'error' ? 'e' : shaded === 'delta' ? 'δ' : '';
  let unitNumbers: PhaseView['unitNumbers'] = unitValues.map((values) => (values ? { symbol, values } : null));
  if (phase.kind === 'weight-change') {
    // ΔW = −λ δ hᵀ: the two factors of each line's change, under the units they belong to.
    unitNumbers = inspection.layers.map((layer) =>
      layer.layer === phase.layer - 1 ? { symbol: 'h', values: layer.activation } : layer.layer === phase.layer ? { symbol: 'δ', values: layer.delta ?? [] } : null,
    );
  }
  return {
    shaded,
    unitValues,
    pending: inspection.layers.map((layer) => phase.kind === 'forward' && layer.layer > phase.layer),
    unitNumbers,
    lineValues: lines,
    activeLayer: phase.layer,
    activeProjection,
    showsTarget: phase.kind !== 'forward',
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
function reached(current: Phase, kind: PhaseKind, layer: number, depth: number): boolean {
  const order = stepPhases(depth);
  const at = order.findIndex((p) => p.kind === current.kind && p.layer === current.layer);
  const of = order.findIndex((p) => p.kind === kind && p.layer === layer);
  return of <= at;
}

const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';
function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUBSCRIPT_DIGITS[Number(d)]);
}

/**
 * One unit's numbers as far as the lecture has come in `phase`: net input and activation once its layer's
 * forward pass is shown, target and error at the output once those phases are, its delta once the deltas
 * reach it, and its incoming weight changes in its weight-change phase.
 */
export function unitDetails(
  inspection: PatternInspection, phase: Phase, layer: number, unit: number, unitName: (layer: number, unit: number) => string,
): UnitDetails {
  const depth = inspection.layers.length - 1;
  const at = inspection.layers[layer];
  const j = subscript(layer);
  const k = `[${unit + 1}]`;
  const rows: DetailRow[] = [];
  if (layer === 0) {
    rows.push({ label: 'input', symbol: `i${k}`, value: at.activation[unit] });
  } else if (reached(phase, 'forward', layer, depth)) {
    rows.push({ label: 'net input', symbol: `n${j}${k}`, value: at.netInput[unit] });
    rows.push({ label: 'activation', symbol: `h${j}${k}`, value: at.activation[unit] });
  }
  if (layer === depth && reached(phase, 'target', depth, depth)) rows.push({ label: 'target', symbol: `t${k}`, value: inspection.target[unit] });
  if (layer === depth && reached(phase, 'error', depth, depth)) rows.push({ label: 'error', symbol: `e${k} = t − o`, value: inspection.error[unit] });
  if (layer > 0 && at.delta && reached(phase, 'delta', layer, depth)) rows.push({ label: 'delta', symbol: `δ${j}${k}`, value: at.delta[unit] });
  let incoming: UnitDetails['incoming'] = null;
  if (phase.kind === 'weight-change' && phase.layer === layer && layer > 0) {
    const projection = inspection.weightLayers[layer - 1];
    incoming = projection.weightChange.weights[unit].map((change, from) => ({
      from: unitName(layer - 1, from),
      change,
      applied: projection.onlineUpdate.weights[unit][from],
    }));
    incoming.push({ from: 'bias', change: projection.weightChange.biases[unit], applied: projection.onlineUpdate.biases[unit] });
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
