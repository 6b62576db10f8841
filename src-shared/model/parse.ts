/** Turns untrusted text or data into a model document, or into problems that name the field and what is wrong. */
import type { z } from 'zod';
import { checkConsistency, type ModelProblem } from './consistency';
import { MODEL_FORMAT, MODEL_VERSION, modelSchema, type ModelDocument } from './schema';

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
  if (header) return { ok: false, problems: [header] };
  const parsed = modelSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(toProblem) };
  const problems = checkConsistency(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, model: parsed.data };
}

/** Says "another format" or "unknown version" before listing every field that differs. */
function checkHeader(data: unknown): ModelProblem | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { path: '(file)', message: 'is not a Backprop Lab model: expected a JSON object' };
  }
  const { format, version } = data as { format?: unknown; version?: unknown };
  if (format !== MODEL_FORMAT) {
    return { path: 'format', message: `is ${JSON.stringify(format)}, not "${MODEL_FORMAT}": this is not a Backprop Lab model` };
  }
  if (version !== MODEL_VERSION) {
    return { path: 'version', message: `is ${JSON.stringify(version)}; this app reads version ${MODEL_VERSION}` };
  }
  return null;
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
