/**
 * A Lens network script (.in) with the example file it trains on (.ex): the network from the script, the
 * events from the examples, sized by the network's INPUT and OUTPUT groups. What Lens would do differently
 * with the examples (a context carried across examples, events past addNet's -i) is said in a note.
 */
import type { ImportedFiles, NamedText } from './file-set';
import type { ImportedPattern } from './imported';
import { importLensExamples } from './lens-ex';
import { importLensNetwork } from './lens-network';

export function readLensSet({ script, examples }: { script: NamedText; examples: NamedText }): ImportedFiles {
  const network = importLensNetwork(script.text, { file: script.name });
  const units = (kind: 'input' | 'output') => network.layers.reduce((sum, layer) => sum + (layer.kind === kind ? layer.units : 0), 0);
  const imported = importLensExamples(examples.text, { inputs: units('input'), outputs: units('output'), file: examples.name });
  const notes: string[] = [];
  const baseName = (path: string) => path.split(/[/\\]/).pop() ?? path;
  if (network.exampleFiles.length > 0 && !network.exampleFiles.some((name) => baseName(name) === baseName(examples.name))) {
    notes.push(`${baseName(script.name)} loads ${network.exampleFiles.map(baseName).join(' and ')}; the examples imported with it are ${baseName(examples.name)}`);
  }
  const longest = longestExample(imported.patterns);
  if (network.links && longest > (network.intervals ?? 1)) {
    notes.push(`the network runs each example for at most ${network.intervals ?? 1} ${(network.intervals ?? 1) === 1 ? 'event' : 'events'} (addNet's -i${network.intervals === null ? ', 1 when not given' : ''}) but an example has ${longest}: Lens would stop there; every event is imported`);
  }
  let patterns = imported.patterns;
  if (!network.links && longest > 1) {
    patterns = patterns.map(({ reset: _reset, ...pattern }) => pattern);
    notes.push('the network has no ELMAN group, so the examples\' events are imported as separate patterns');
  } else if (network.links && network.resetOnExample && longest === 1 && patterns.length > 1) {
    patterns = patterns.map((pattern) => ({ ...pattern, reset: true }));
    notes.push('each example is one event, and Lens starts the context afresh at every example (resetOnExample), so every event starts a sequence; `elmanConnect … -reset 0` in the script makes the examples one continuous stream');
  } else if (network.links && !network.resetOnExample) {
    patterns = patterns.map(({ reset: _reset, ...pattern }) => pattern);
    notes.push('resetOnExample is 0: the context carries over from one example to the next, so the examples form one continuous stream');
  }
  return {
    imported: { ...imported, patterns, warnings: [...network.warnings, ...imported.warnings, ...notes] },
    layers: network.layers,
    projections: network.projections,
    ...(network.links ? { links: network.links } : {}),
    training: network.training,
  };
}

/** The most events in one example (one from a reset mark to the next; a file without marks has one-event examples). */
function longestExample(patterns: readonly ImportedPattern[]): number {
  if (!patterns.some((p) => p.reset)) return Math.min(1, patterns.length);
  let longest = 0;
  let run = 0;
  for (const [p, pattern] of patterns.entries()) {
    run = p === 0 || pattern.reset ? 1 : run + 1;
    longest = Math.max(longest, run);
  }
  return longest;
}
