/**
 * The one way a model document becomes file text: two-space JSON, keys in the schema's order, a final
 * newline. JSON keeps every double exactly (shortest round-trip form), so save → load → save gives the
 * same bytes and the same weights.
 */
import type { ModelDocument, Provenance } from './schema';

export const MODEL_FILE_EXTENSION = '.bplab';

export function serializeModel(model: ModelDocument): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

/**
 * The same document as one line of JSON, every number as exact: for recovery drafts, written again and again
 * while a run goes on, where a third less text is a third less to store.
 */
export function serializeModelCompact(model: ModelDocument): string {
  return JSON.stringify(model);
}

/**
 * Stamps who wrote the document and when, as a save does. `trained` marks a save after training, so the
 * file records when its weights last changed.
 */
export function withProvenance(model: ModelDocument, appVersion: string, now: Date, trained: boolean): ModelDocument {
  const time = now.toISOString();
  const before: Provenance | undefined = model.provenance;
  return {
    ...model,
    provenance: {
      appVersion,
      created: before?.created ?? time,
      lastTrained: trained ? time : before?.lastTrained ?? null,
    },
  };
}
