/** Finding the validator's problems that belong to one field, so each is shown beside what it names. */
import type { ModelProblem } from '../../src-shared/model/consistency';

/** Problems at `path` or inside it (`layers[1]` holds `layers[1].units`), not at a sibling (`layers[10]`). */
export function problemsAt(problems: readonly ModelProblem[], path: string): ModelProblem[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`));
}

/** Where a field path is edited in the workbench, in the user's words. */
export function placeOf(path: string): string {
  const layer = /^layers\[(\d+)\]/.exec(path);
  if (layer) return `Network tab, layer ${Number(layer[1]) + 1}`;
  const pattern = /^(patterns|testPatterns)\[(\d+)\]/.exec(path);
  if (pattern) return `Patterns tab, ${pattern[1] === 'testPatterns' ? 'test pattern' : 'pattern'} ${Number(pattern[2]) + 1}`;
  if (path.startsWith('training.')) return 'Train tab, settings';
  return 'the model';
}
