/**
 * Reading a training setting typed by a user: a decimal comma (0,1) is understood, and anything the
 * trainer would refuse is refused here first, with the reason, so it is never sent.
 */
import { z } from 'zod';

export type SettingReading = { ok: true; value: number } | { ok: false; reason: string };

export interface SettingRule {
  integer?: boolean;
  min: number;
  /** Inclusive unless maxExclusive. */
  max?: number;
  maxExclusive?: boolean;
}

/**
 * The bounds a number field of the model schema accepts, as a settings field checks them: its minimum, its
 * maximum (and whether that is excluded) and whether it must be whole. Read from the schema itself, so the
 * field and a file's validation cannot drift apart. `where` names the field in the error a schema without a
 * lower bound, or with an excluded one, raises.
 */
export function schemaRule(schema: z.ZodType, where: string): SettingRule {
  const json = z.toJSONSchema(schema, { io: 'input' });
  if (json.type !== 'number' && json.type !== 'integer') throw new Error(`${where} is not a number in the model schema`);
  if (typeof json.minimum !== 'number') throw new Error(`${where} has no inclusive minimum in the model schema`);
  const rule: SettingRule = { min: json.minimum };
  if (json.type === 'integer') rule.integer = true;
  if (typeof json.exclusiveMaximum === 'number') {
    rule.max = json.exclusiveMaximum;
    rule.maxExclusive = true;
  } else if (typeof json.maximum === 'number') {
    rule.max = json.maximum;
  }
  return rule;
}

const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;

export function readSetting(text: string, rule: SettingRule): SettingReading {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'Enter a number.' };
  if (!NUMBER.test(trimmed)) return { ok: false, reason: `“${trimmed}” is not a number.` };
  // In a whole number a comma is more likely a thousands separator (1,000) than a decimal one: ask.
  if (rule.integer && trimmed.includes(',')) return { ok: false, reason: 'Write a whole number without separators (1000, not 1,000).' };
  const value = Number(trimmed.replace(',', '.'));
  if (!Number.isFinite(value)) return { ok: false, reason: `“${trimmed}” is too large.` };
  if (rule.integer && !Number.isInteger(value)) return { ok: false, reason: 'Must be a whole number.' };
  if (value < rule.min) {
    return { ok: false, reason: rule.min === 0 ? 'Must be zero or more, not negative.' : `Must be at least ${rule.min}.` };
  }
  if (rule.max !== undefined) {
    if (rule.maxExclusive && value >= rule.max) return { ok: false, reason: `Must be below ${rule.max}.` };
    if (!rule.maxExclusive && value > rule.max) return { ok: false, reason: `Must be at most ${formatLimit(rule.max)}.` };
  }
  return { ok: true, value };
}

function formatLimit(value: number): string {
  return value >= 1e6 ? value.toLocaleString('en') : String(value);
}
