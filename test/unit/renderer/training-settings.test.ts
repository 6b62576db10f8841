import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  copyLinkSchema, initSchema, MAX_BPTT_DEPTH, MAX_EPOCHS, MAX_INIT_RANGE, MAX_INIT_SD, MAX_PATTERN_MAGNITUDE, MAX_PATTERNS,
  recurrenceSchema, trainingSchema,
} from '../../../src-shared/model/schema';
import { readSetting, schemaRule, type SettingRule } from '../../../src-renderer/shared/setting-input';
import { describeChanges } from '../../../src-renderer/shared/setting-labels';
import { INIT_FIELDS, NUMBER_SETTINGS, RECURRENCE_RULES, TRAINING_SETTINGS } from '../../../src-renderer/shared/training-settings';

/** Each field the panel types in, its rule, and the schema (as a file is validated) that must agree with it. */
const FIELDS: Array<{ name: string; rule: SettingRule; schema: z.ZodType }> = [
  ...NUMBER_SETTINGS.map((key) => ({ name: `training.${key}`, rule: TRAINING_SETTINGS[key].rule, schema: trainingSchema.shape[key] })),
  { name: 'training.init.range', rule: INIT_FIELDS.range.rule, schema: initSchema.options[0].shape.range },
  { name: 'training.init.sd', rule: INIT_FIELDS.sd.rule, schema: initSchema.options[1].shape.sd },
  { name: 'links[].initial', rule: RECURRENCE_RULES.initial, schema: copyLinkSchema.shape.initial },
  { name: 'recurrence.depth', rule: RECURRENCE_RULES.depth, schema: recurrenceSchema.options[1].shape.depth },
];

const accepts = (schema: z.ZodType, value: number) => schema.safeParse(value).success;

describe('the training settings table', () => {
  it('names every training setting the schema has, with a label and a symbol', () => {
    expect(Object.keys(TRAINING_SETTINGS).sort()).toEqual(Object.keys(trainingSchema.shape).sort());
    for (const words of Object.values(TRAINING_SETTINGS)) {
      expect(words.label).not.toBe('');
      expect(words.symbol).not.toBe('');
    }
    expect(describeChanges({ learningRate: 0.05, momentum: 0.9 })).toBe('λ → 0.05 · α → 0.9');
  });

  it('reads the bounds the schema gives (the values written in schema.ts)', () => {
    expect(TRAINING_SETTINGS.learningRate.rule).toEqual({ min: 0 });
    expect(TRAINING_SETTINGS.momentum.rule).toEqual({ min: 0, max: 1, maxExclusive: true });
    expect(TRAINING_SETTINGS.batchSize.rule).toEqual({ integer: true, min: 1, max: MAX_PATTERNS });
    expect(TRAINING_SETTINGS.seed.rule).toEqual({ integer: true, min: 0, max: 0xffff_ffff });
    expect(TRAINING_SETTINGS.maxEpochs.rule).toEqual({ integer: true, min: 1, max: MAX_EPOCHS });
    expect(INIT_FIELDS.range.rule).toEqual({ min: 0, max: MAX_INIT_RANGE });
    expect(INIT_FIELDS.sd.rule).toEqual({ min: 0, max: MAX_INIT_SD });
    expect(RECURRENCE_RULES.initial).toEqual({ min: -MAX_PATTERN_MAGNITUDE, max: MAX_PATTERN_MAGNITUDE });
    // Depth 1 is the one-step gradient, its own choice: the BPTT field starts at 2, the schema at 1.
    expect(RECURRENCE_RULES.depth).toEqual({ integer: true, min: 2, max: MAX_BPTT_DEPTH });
  });

  it.each(FIELDS)('$name: every bound is where the schema puts it', ({ rule, schema, name }) => {
    const step = (x: number) => Math.max(Math.abs(x) * 1e-9, 1e-9);
    // The lowest value: accepted by the schema, the one below refused (BPTT's depth 1 is the schema's, not the field's).
    const lowest = name === 'recurrence.depth' ? 1 : rule.min;
    expect(accepts(schema, lowest)).toBe(true);
    expect(accepts(schema, lowest - (rule.integer ? 1 : step(lowest)))).toBe(false);
    if (rule.max === undefined) {
      expect(accepts(schema, 1e300)).toBe(true);
    } else {
      expect(accepts(schema, rule.max)).toBe(!rule.maxExclusive);
      expect(accepts(schema, rule.max - (rule.integer ? 0.5 : step(rule.max)))).toBe(!rule.integer);
      expect(accepts(schema, rule.max + (rule.integer ? 1 : step(rule.max)))).toBe(false);
    }
    if (rule.integer) expect(accepts(schema, lowest + 0.5)).toBe(false);
    else expect(accepts(schema, lowest + 0.5)).toBe(true);
  });

  it.each(FIELDS)('$name: a value the field accepts, the schema accepts', ({ rule, schema }) => {
    const near = (x: number) => [x, x - 1, x + 1, x - 0.5, x + 0.5, x * (1 - 1e-12), x * (1 + 1e-12)];
    const candidates = [
      ...near(rule.min), ...(rule.max === undefined ? [] : near(rule.max)),
      0, 0.1, 0.5, 0.999, 1, 2, 3, 7.25, 1e6, 1e12, 1e15, 1e300, -1e-9, -0.5, -1e12,
    ];
    for (const value of candidates) {
      const reading = readSetting(String(value), rule);
      if (reading.ok) expect(accepts(schema, reading.value), `${value}`).toBe(true);
    }
  });

  it('refuses to read bounds the settings field cannot check, naming the field', () => {
    expect(() => schemaRule(trainingSchema.shape.rule, 'training.rule')).toThrow('training.rule is not a number in the model schema');
    expect(() => schemaRule(trainingSchema.shape.momentum.gt(0), 'training.momentum')).toThrow('training.momentum has no inclusive minimum');
  });
});
