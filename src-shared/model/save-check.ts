/**
 * The last step of every save: the text is read back by the loader before anything is written, so no save
 * ever writes a file the loader would refuse, and a good file is never replaced by one that would not open.
 */
import { describeProblems, parseModelText } from './parse';
import type { ModelDocument } from './schema';
import { serializeModel } from './serialize';

export type SaveText = { ok: true; text: string } | { ok: false; message: string };

/** The model's file text (serializeModel's, or `serialize`'s: a draft's compact form), or why it cannot be saved. */
export function checkedModelText(model: ModelDocument, serialize: (model: ModelDocument) => string = serializeModel): SaveText {
  let text: string;
  try {
    text = serialize(model);
  } catch (error) {
    // V8 refuses strings past ~512 MiB with "Invalid string length".
    if (error instanceof RangeError) return { ok: false, message: `the model is too large to write as one text (${error.message}).` };
    throw error;
  }
  const problem = modelTextProblem(text);
  return problem === null ? { ok: true, text } : { ok: false, message: problem };
}

/** null when the loader accepts `text`; otherwise what it refuses, field by field. */
export function modelTextProblem(text: string): string | null {
  const parsed = parseModelText(text);
  return parsed.ok ? null : `it would not open again:\n${describeProblems(parsed.problems)}`;
}
