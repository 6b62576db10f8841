/**
 * A Lens example file (.ex): one example per pattern, `name: {…} I: … T: …;`, dense values, `-` (no value)
 * for a don't-care target. A recurrent network's patterns in sequences become one multi-event example per
 * sequence — `name: {…} 3` and an event `[0] I: … T: …`, `[1] …` for each of its patterns — which Lens
 * presents in order, resetting the network between examples, and which our Lens importer reads back as the
 * same sequences. Lens builds its network in a Tcl script, so only the patterns are written.
 */
import { isRecurrent } from '../../model/recurrence';
import type { ModelDocument, Pattern } from '../../model/schema';
import type { ExportedText } from './export-error';

export function exportLensExamples(model: ModelDocument, patterns: Pattern[] = model.patterns): ExportedText {
  const notes = ['a Lens example file holds only the examples: Lens builds the network, and sets its training, in a Tcl script'];
  if (isRecurrent(model)) return sequenceExamples(model, patterns, notes);
  // A line starting with # is a comment to Lens; the name is kept on one line.
  const title = `# ${model.name.replace(/\s+/g, ' ')}: ${patterns.length} examples written by Backprop Lab`;
  const examples = patterns.map((pattern) => `name: {${escapeName(pattern.name)}} ${event(pattern)};`);
  return { text: `${[title, ...examples].join('\n')}\n`, notes };
}

/** Inputs and targets of one event, dense. */
function event(pattern: Pattern): string {
  const input = pattern.input.map(String).join(' ');
  const target = pattern.target.map((v) => (v === null ? '-' : String(v))).join(' ');
  return `I: ${input} T: ${target}`;
}

/** The patterns cut into sequences at their reset marks (the first one starts a sequence whatever it says). */
export function sequencesOf(patterns: readonly Pattern[]): Pattern[][] {
  const sequences: Pattern[][] = [];
  patterns.forEach((pattern, i) => {
    if (i === 0 || pattern.reset) sequences.push([pattern]);
    else sequences.at(-1)!.push(pattern);
  });
  return sequences;
}

function sequenceExamples(model: ModelDocument, patterns: Pattern[], notes: string[]): ExportedText {
  const sequences = sequencesOf(patterns);
  const title = `# ${model.name.replace(/\s+/g, ' ')}: ${sequences.length} ${sequences.length === 1 ? 'sequence' : 'sequences'} of ${patterns.length} events written by Backprop Lab`;
  const examples = sequences.map((events, s) => {
    const body = events.map((pattern, k) => `[${k}] ${event(pattern)}`);
    return [`name: {${escapeName(sequenceName(events, s))}} ${events.length}`, ...body].join('\n') + ';';
  });
  if (patterns.length > 0 && !patterns[0].reset) {
    notes.push(patterns.some((p) => p.reset)
      ? 'the patterns before the first sequence start are written as a sequence of their own: Lens resets the network at each example, where the app carries their context on from the pass before'
      : 'the patterns are one continuous stream, written as one example: Lens resets the network at its start each pass, where the app carries the context on from one pass to the next');
  }
  if (sequences.every((events) => events.length === 1)) notes.push('every sequence is one event long: read back, one-event examples are not sequences');
  const initial = [...new Set((model.links ?? []).map((link) => link.initial ?? 0))];
  notes.push(`the context's value at a sequence's start (${initial.join(', ')}) is the network's, set in Lens's Tcl script (an Elman group's initOutput; Lens's default is 0.5)`);
  return { text: `${[title, ...examples].join('\n')}\n`, notes };
}

/** The sequence's name: what its events' names share (`abc` for `abc 1`, `abc 2`, …), else `sequence n`. */
function sequenceName(events: readonly Pattern[], s: number): string {
  const base = /^(.*) 1$/.exec(events[0].name)?.[1];
  if (base !== undefined && base !== '' && events.every((p, k) => p.name === `${base} ${k + 1}`)) return base;
  return `sequence ${s + 1}`;
}

/**
 * Inside braces Lens balances every kind of bracket and quote, and a backslash protects the character
 * after it; a newline would split the name.
 */
function escapeName(name: string): string {
  return name.replace(/[\\{}()[\]"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}
