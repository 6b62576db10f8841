import { describe, expect, it } from 'vitest';
import { readProbeInput, readProbeTarget, splitValues } from '../../../src-renderer/step-through/probe-input';

describe('an input typed into the Test tab', () => {
  it('separates values by spaces, semicolons or “, ”, and reads a decimal comma', () => {
    expect(splitValues('1, 0')).toEqual(['1', '0']);
    expect(splitValues(' 0,5  1;0 ')).toEqual(['0,5', '1', '0']);
    expect(readProbeInput('1, 0', 2)).toEqual({ ok: true, values: [1, 0] });
    expect(readProbeInput('0,5 -1e-2', 2)).toEqual({ ok: true, values: [0.5, -0.01] });
  });

  it('refuses a wrong count or a non-number with the reason', () => {
    expect(readProbeInput('1 0 1', 2)).toEqual({ ok: false, reason: 'The input layer has 2 units, but 3 values were given.' });
    expect(readProbeInput('', 2)).toEqual({ ok: false, reason: 'Enter 2 values, one per unit of the input layer.' });
    expect(readProbeInput('1 x', 2)).toEqual({ ok: false, reason: 'Value 2: “x” is not a number.' });
    expect(readProbeInput('1 *', 2)).toMatchObject({ ok: false, reason: expect.stringContaining('for targets only') });
    expect(readProbeInput('1,0', 2)).toEqual({
      ok: false,
      reason: 'The input layer has 2 units, but 1 value was given. “1,0” reads as one number (a comma between digits is a decimal comma): separate values with a space.',
    });
  });

  it('takes an optional target with * for don’t care', () => {
    expect(readProbeTarget('  ', 1)).toEqual({ ok: true, values: null });
    expect(readProbeTarget('*, 1', 2)).toEqual({ ok: true, values: [null, 1] });
    expect(readProbeTarget('1 1', 1)).toEqual({ ok: false, reason: 'The output layer has 1 unit, but 2 values were given.' });
  });
});
