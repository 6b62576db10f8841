import { describe, expect, it } from 'vitest';
import { readSetting } from '../../../src-renderer/shared/setting-input';

describe('reading a typed setting', () => {
  it('understands a decimal comma and exponents', () => {
    expect(readSetting('0,1', { min: 0 })).toEqual({ ok: true, value: 0.1 });
    expect(readSetting(' 1e-3 ', { min: 0 })).toEqual({ ok: true, value: 0.001 });
  });

  it('refuses with the reason', () => {
    expect(readSetting('', { min: 0 })).toEqual({ ok: false, reason: 'Enter a number.' });
    expect(readSetting('abc', { min: 0 })).toEqual({ ok: false, reason: '“abc” is not a number.' });
    expect(readSetting('-1', { min: 0 })).toEqual({ ok: false, reason: 'Must be zero or more, not negative.' });
    expect(readSetting('1', { min: 0, max: 1, maxExclusive: true })).toEqual({ ok: false, reason: 'Must be below 1.' });
    expect(readSetting('2.5', { integer: true, min: 1 })).toEqual({ ok: false, reason: 'Must be a whole number.' });
    expect(readSetting('1,000', { integer: true, min: 1 })).toMatchObject({ ok: false });
    expect(readSetting('5000', { integer: true, min: 1, max: 4096 })).toEqual({ ok: false, reason: 'Must be at most 4096.' });
  });
});
