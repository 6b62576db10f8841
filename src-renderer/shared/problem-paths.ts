/**
 * The validator's problems in the user's words. The validator names fields by their path in the model file
 * (`layers[1].activation`, `training.loss`), which the command line shows as it is; here each is named as
 * the workbench shows it — layers numbered from 0 as Step through and the equations number them (the input
 * is layer 0), patterns from 1 as the grid does, settings by their labels on the Train tab.
 */
import type { ModelProblem } from '../../src-shared/model/consistency';
import { TRAINING_SETTINGS } from './training-settings';

/** Problems at `path` or inside it (`layers[1]` holds `layers[1].units`), not at a sibling (`layers[10]`). */
export function problemsAt(problems: readonly ModelProblem[], path: string): ModelProblem[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`));
}

/** The labels of the Train tab's settings (SettingsPanel.svelte), by their key in the file. */
const SETTING_LABELS: Record<string, string> = Object.fromEntries(Object.entries(TRAINING_SETTINGS).map(([key, field]) => [key, field.label]));

/** The labels of the settings' choices (SettingsPanel.svelte), by their value in the file. */
const CHOICE_LABELS: Record<string, string> = {
  backprop: 'Backpropagation', delta: 'Delta rule', 'feedback-alignment': 'Feedback alignment',
  'squared-error': 'Squared error', 'cross-entropy': 'Cross-entropy', online: 'Online', batch: 'Batch',
  minibatch: 'Minibatch', permuted: 'Permuted', sequential: 'Sequential',
};

export interface ProblemWords {
  /** What the problem is about: "Layer 1 (hidden), activation". */
  subject: string;
  /** The validator's message, with settings and their choices named by their labels. */
  message: string;
  /** Where it is fixed: "Network tab". */
  place: string;
}

interface Named {
  name: string;
}

/** A problem as the workbench says it, given the document's layers and patterns (for their names). */
export function describeProblem(
  problem: ModelProblem,
  document: {
    layers: readonly Named[]; patterns: readonly Named[]; testPatterns?: readonly Named[] | null;
    projections?: readonly { from: number; to: number }[];
  },
): ProblemWords {
  return { subject: subjectOf(problem.path, document), message: inAppWords(problem.message), place: placeOf(problem.path) };
}

function subjectOf(path: string, document: Parameters<typeof describeProblem>[1]): string {
  const layer = /^layers\[(\d+)\](.*)$/.exec(path);
  if (layer) {
    const index = Number(layer[1]);
    return withField(`Layer ${index}${named(document.layers[index])}`, layer[2]);
  }
  const pattern = /^(patterns|testPatterns)\[(\d+)\](.*)$/.exec(path);
  if (pattern) {
    const index = Number(pattern[2]);
    const set = pattern[1] === 'testPatterns' ? document.testPatterns ?? [] : document.patterns;
    return withField(`${pattern[1] === 'testPatterns' ? 'Test pattern' : 'Pattern'} ${index + 1}${named(set[index])}`, pattern[3]);
  }
  const projection = /^projections\[(\d+)\]/.exec(path);
  if (projection) {
    const p = document.projections?.[Number(projection[1])];
    const name = (i: number) => document.layers[i]?.name ?? `layer ${i}`;
    return p ? `Projection ${name(p.from)} → ${name(p.to)}` : `Projection ${Number(projection[1]) + 1}`;
  }
  if (path === 'projections') return 'The projections';
  const setting = /^training\.(\w+)/.exec(path);
  if (setting) return SETTING_LABELS[setting[1]] ?? setting[1];
  if (path === 'layers') return 'The network';
  if (path.startsWith('state.')) return 'The saved training state';
  return 'The model';
}

function named(item: Named | undefined): string {
  return item ? ` (${item.name})` : '';
}

/** ".unitNames" → ", unit names"; ".target[2]" → ", target value 3". */
function withField(subject: string, rest: string): string {
  const words = rest
    .replace(/^\./, '')
    .replace(/\[(\d+)\]/g, (_, n: string) => ` value ${Number(n) + 1}`)
    .replace(/\./g, ' ')
    .replace(/([a-z])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`)
    .trim();
  return words ? `${subject}, ${words}` : subject;
}

/**
 * `set training.loss to "cross-entropy"` → `set Loss to Cross-entropy`; a graph's loose layers and cycles
 * as the builder mends them (the validator's words name layers by index, which the subject already does).
 */
export function inAppWords(message: string): string {
  return message
    .replace(/^layer \d+(?: \([^)]*\))? is fed by no projection: connect a layer to it, or remove it$/, 'nothing feeds this layer: connect another layer to it (drag from that layer’s ⇡ handle, or use its “Connect to…” list), or remove it')
    .replace(/^layer \d+(?: \([^)]*\))? feeds no other layer: connect it to a layer, or remove it$/, 'this layer feeds no other layer: connect it to one (drag its ⇡ handle onto that layer, or use “Connect to…”), or remove it')
    .replace(/^form a cycle, (.+): a loop needs a time-delayed copy into a context layer \(links\)$/, 'form a cycle, $1: remove one of its projections (a loop needs a time-delayed copy: drop a context layer from the palette onto the layer to copy)')
    .replace(/training\.(\w+)/g, (whole, key: string) => SETTING_LABELS[key] ?? whole)
    .replace(/"([\w-]+)"/g, (whole, value: string) => CHOICE_LABELS[value] ?? whole);
}

/** Where a field path is edited in the workbench. */
export function placeOf(path: string): string {
  if (/^(layers|projections)\b/.test(path)) return 'Network tab';
  if (/^(patterns|testPatterns)\[/.test(path)) return 'Patterns tab';
  if (path.startsWith('training.')) return 'Train tab, settings';
  return 'the model file';
}
