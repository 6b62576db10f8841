/** What every pattern importer hands back, whatever the format it read. */
import { MAX_PATTERNS, MAX_UNITS } from '../../model/schema';

export interface ImportedPattern {
  name: string;
  input: number[];
  /** A `null` entry is a don't-care: no error is counted for that output unit. */
  target: (number | null)[];
  /** A sequence starts here (a tlearn .reset entry, a Lens example's first event): the context is reset before it. */
  reset?: boolean;
}

export interface ImportedPatterns {
  patterns: ImportedPattern[];
  /** Input unit names, when the format gives them (a CSV header does; tlearn, PDP and Lens files do not). */
  inputNames?: string[];
  outputNames?: string[];
  /**
   * Things the user should know that are not errors: sizes inferred rather than stated, settings of the
   * other tool that have no meaning here and were ignored.
   */
  warnings: string[];
}

/**
 * The limits the model document enforces, checked while reading so an absurd file fails early and cheaply.
 * `values` bounds patterns × units for the formats where a few characters stand for many values (Lens's
 * `*` and ranges, tlearn's localist ranges): 100,000 patterns of 160 units, far beyond a lab's data sets.
 */
export const IMPORT_LIMITS = { units: MAX_UNITS, patterns: MAX_PATTERNS, values: 16_000_000 } as const;

/** Names patterns that their file leaves unnamed, in the examples' style (p1, p2, …). */
export function defaultPatternName(index: number): string {
  return `p${index + 1}`;
}
