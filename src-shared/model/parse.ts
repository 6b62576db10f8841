/** Turns untrusted text or data into a model document, or into problems that name the field and what is wrong. */
import type { z } from 'zod';
import { checkConsistency, type ModelProblem } from './consistency';
import { checkExperiment } from './experiment';
import { migrateToCurrent } from './migrations';
import { MODEL_FORMAT, modelSchema, type ModelDocument } from './schema';

export type ModelParseResult = { ok: true; model: ModelDocument } | { ok: false; problems: ModelProblem[] };

export function parseModelText(text: string): ModelParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '(file)', message: `is not valid JSON: ${(error as Error).message}` }] };
  }
  return parseModel(data);
}

export function parseModel(data: unknown): ModelParseResult {
  const header = checkHeader(data);
  if (!header.ok) return { ok: false, problems: [header.problem] };
  const parsed = modelSchema.safeParse(header.document);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(toProblem) };
  let problems = checkConsistency(parsed.data);
  if (problems.length === 0) problems = checkExperiment(parsed.data, checkConsistency);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, model: parsed.data };
}

/**
 * Says "another format" or "a newer version" before listing every field that differs, and brings an
 * older version up to date.
 */
function checkHeader(data: unknown): { ok: true; document: Record<string, unknown> } | { ok: false; problem: ModelProblem } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, problem: { path: '(file)', message: 'is not a Backprop Lab model: expected a JSON object' } };
  }
  const document = data as Record<string, unknown>;
  if (document.format !== MODEL_FORMAT) {
    return { ok: false, problem: { path: 'format', message: `is ${JSON.stringify(document.format)}, not "${MODEL_FORMAT}": this is not a Backprop Lab model` } };
  }
  const migrated = migrateToCurrent(document);
  return migrated.ok ? { ok: true, document: migrated.document } : { ok: false, problem: { path: 'version', message: migrated.message } };
}

function toProblem(issue: z.core.$ZodIssue): ModelProblem {
  const path = formatPath(issue.path);
  if (issue.code === 'invalid_type') {
    const received = /received (-?\w+)$/.exec(issue.message)?.[1];
    if (received === 'undefined') return { path, message: `is missing (expected ${issue.expected})` };
    if (received === 'NaN' || received === 'Infinity' || received === '-Infinity') return { path, message: `is ${received}: must be a finite number` };
  }
  return { path, message: issue.message };
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(document)';
}

export function describeProblems(problems: ModelProblem[], limit = 5): string {
  const shown = problems.slice(0, limit).map((p) => `${p.path}: ${p.message}`);
  if (problems.length > limit) shown.push(`… and ${problems.length - limit} more`);
  return shown.join('\n');
}
