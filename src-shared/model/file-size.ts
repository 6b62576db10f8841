/**
 * How large a model file can get, and the one limit every host holds it to: a file is read and written as
 * one string, and V8 (Node, Electron, Chromium) refuses strings longer than 2^29 − 24 characters. The
 * format's weight bound (MAX_WEIGHTS) is chosen so the largest state it allows, every number at its
 * longest, fits in that with room to spare (docs/model-format.md, "How large a file can get").
 */
import { HISTORY_CAPACITY } from './epoch-history';
import { MAX_PATTERNS, MAX_PROJECTIONS, MAX_UNITS, MAX_WEIGHTS } from './schema';
import { SNAPSHOT_TEXT_BUDGET } from './snapshots';

/** V8's String::kMaxLength on 64-bit hosts: the longest model text any host can hold. */
export const MAX_MODEL_TEXT_BYTES = 2 ** 29 - 24;

/** The longest text JSON gives a double (−2.2250738585072014e-308: 24 characters), with its comma. */
const NUMBER_BYTES = 25;
/** A line of numbers or brackets: at most 10 spaces of indentation, the brackets, a comma and a newline. */
const LINE_BYTES = 16;
/** The state's keys and small fields (epoch, orderStream, the cursor's position and tss), generously. */
const KEYS_BYTES = 1024;

/**
 * An upper bound on the text of the state of a network of these layer sizes (as serializeModel writes
 * it), with `historyEntries` in each of its three histories: weights and biases, their momentum terms, a
 * gradient sum and feedback-alignment matrices, every number at its longest. The cursor's order (the
 * patterns' count) and setting changes are not counted.
 */
export function stateTextBound(sizes: readonly number[], historyEntries: number): number {
  let numbers = 0;
  let lines = 0;
  for (let j = 0; j + 1 < sizes.length; j++) {
    const rows = sizes[j + 1];
    const feedback = j > 0 ? rows * sizes[j] : 0;
    // W and b; ΔW and Δb; the gradient sum's two; and F (j > 0): one line per row and per vector, two per matrix.
    numbers += 3 * rows * (sizes[j] + 1) + feedback;
    lines += 3 * (rows + 3) + (j > 0 ? rows + 2 : 0);
  }
  return numbers * NUMBER_BYTES + lines * LINE_BYTES + 3 * historyEntries * NUMBER_BYTES + KEYS_BYTES;
}

/**
 * The most the state of any network the format allows can take: four numbers per weight at most (F is no
 * larger than W), lines for the most rows 120 projections (a graph of sixteen layers) into layers of 4096 units have, full histories, and the cursor
 * order of the most patterns, and the snapshots' budget (model/snapshots.ts thins them to it). What is left of MAX_MODEL_TEXT_BYTES (about 77 MiB) holds the patterns,
 * names and setting changes; a document larger than that is refused by the save, never half-written.
 */
export const WORST_CASE_STATE_BYTES =
  4 * MAX_WEIGHTS * NUMBER_BYTES + (4 * MAX_PROJECTIONS * (MAX_UNITS + 3)) * LINE_BYTES + 3 * HISTORY_CAPACITY * NUMBER_BYTES + KEYS_BYTES +
  MAX_PATTERNS * String(MAX_PATTERNS).length + SNAPSHOT_TEXT_BUDGET;
