/**
 * The one way a model document becomes file text: two-space JSON, keys in the schema's order, a final
 * newline, and each list of numbers (a pattern, a row of weights, a history) on one line — one number per
 * line would spend ten spaces of indentation on each, a third of a large file. JSON keeps every double
 * exactly (shortest round-trip form), so save → load → save gives the same bytes and the same weights.
 */
import type { ModelDocument, Provenance } from './schema';

export const MODEL_FILE_EXTENSION = '.bplab';

export function serializeModel(model: ModelDocument): string {
  const parts: string[] = [];
  writeValue(model, '', parts);
  parts.push('\n');
  return parts.join('');
}

/** JSON.stringify(value, null, 2)'s layout, but arrays of numbers (and nulls) written on one line. */
function writeValue(value: unknown, indent: string, parts: string[]): void {
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === 'number' || item === null)) {
      parts.push(JSON.stringify(value));
      return;
    }
    const inner = `${indent}  `;
    parts.push('[\n');
    value.forEach((item, i) => {
      parts.push(inner);
      writeValue(item === undefined ? null : item, inner, parts);
      parts.push(i < value.length - 1 ? ',\n' : '\n');
    });
    parts.push(`${indent}]`);
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) {
      parts.push('{}');
      return;
    }
    const inner = `${indent}  `;
    parts.push('{\n');
    entries.forEach(([key, item], i) => {
      parts.push(`${inner}${JSON.stringify(key)}: `);
      writeValue(item, inner, parts);
      parts.push(i < entries.length - 1 ? ',\n' : '\n');
    });
    parts.push(`${indent}}`);
  } else {
    parts.push(JSON.stringify(value) ?? 'null');
  }
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
