/**
 * Reading a recovery draft back. A draft is the document as it was, problems and all (a half-finished
 * architecture may not validate yet), so only its structure is checked here; the workbench then shows
 * whatever the validator still has against it.
 */
import { formatPath } from '../../src-shared/model/parse';
import { modelSchema, type ModelDocument } from '../../src-shared/model/schema';
import type { RecoveryDraft } from '../hosts/host';

export type DraftReading = { ok: true; model: ModelDocument } | { ok: false; message: string };

export function readDraft(draft: RecoveryDraft): DraftReading {
  let data: unknown;
  try {
    data = JSON.parse(draft.text);
  } catch {
    return { ok: false, message: `The recovered copy of “${draft.name}” is damaged and cannot be read.` };
  }
  const parsed = modelSchema.safeParse(data);
  if (parsed.success) return { ok: true, model: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `The recovered copy of “${draft.name}” cannot be read: ${formatPath(issue.path)} ${issue.message}.` };
}
