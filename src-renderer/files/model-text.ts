/** File text back as a document or as a message naming what is wrong, and a name to save a document under. */
import { describeProblems, parseModelText } from '../../src-shared/model/parse';
import type { ModelDocument } from '../../src-shared/model/schema';
import { MODEL_FILE_EXTENSION } from '../../src-shared/model/serialize';

export type ModelReading = { ok: true; model: ModelDocument } | { ok: false; message: string };

export function readModelText(text: string, fileName: string): ModelReading {
  const parsed = parseModelText(text);
  if (parsed.ok) return parsed;
  const count = parsed.problems.length;
  return {
    ok: false,
    message: `${fileName} could not be opened: ${count === 1 ? 'one field is' : `${count} fields are`} not valid.\n${describeProblems(parsed.problems)}`,
  };
}

/** A file name for saving: the model's name, made safe for every file system, with the .bplab extension. */
export function suggestedFileName(model: ModelDocument): string {
  const safe = [...model.name].map((c) => (c < ' ' || '/\\?%*:|"<>'.includes(c) ? '-' : c)).join('');
  const base = safe.trim().slice(0, 120) || 'model';
  return `${base}${MODEL_FILE_EXTENSION}`;
}
