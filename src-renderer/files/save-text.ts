/**
 * The texts the page keeps — a model file (Save, Save As) and a recovery draft — each read back, before it
 * is kept, by what will read it: the loader for a file, readDraft for a draft.
 */
import { checkedModelText, type SaveText } from '../../src-shared/model/save-check';
import type { ModelDocument } from '../../src-shared/model/schema';
import { serializeModelCompact } from '../../src-shared/model/serialize';
import { readDraft } from './recovery-draft';

/** A stamped document (withProvenance) as the file text Save writes, or why it cannot be saved. */
export function modelFileText(stamped: ModelDocument): SaveText {
  return checkedModelText(stamped);
}

/**
 * The document as a draft's text. A draft may hold a model with problems still marked (a half-built
 * network), so it is read back as drafts are: its structure only. Throws, saying why, when it cannot be.
 */
export function draftText(model: ModelDocument): string {
  let text: string;
  try {
    text = serializeModelCompact(model);
  } catch (error) {
    if (error instanceof RangeError) throw new Error(`the model is too large to write as one text: ${error.message}`, { cause: error });
    throw error;
  }
  const reading = readDraft({ id: '', name: model.name, fileName: null, text, savedAt: 0 });
  if (!reading.ok) throw new Error(reading.message);
  return text;
}
