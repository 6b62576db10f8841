/**
 * Layer names as identifiers for every language the exports speak: letters, digits and underscores, no
 * leading digit or underscore (MATLAB), short enough that W_<from>_<to> stays within MATLAB's 63
 * characters, and unique even when layers share a name or a name clashes with a number given to another.
 */
import { describe, expect, it } from 'vitest';
import { layerIdentifiers, projectionNames } from '../../../../src-shared/data/export/array-names';

const ids = (...names: string[]) => layerIdentifiers(names.map((name) => ({ name })));

describe('layer identifiers', () => {
  it('keeps plain names, and makes others identifiers', () => {
    expect(ids('input', 'hidden', 'output')).toEqual(['input', 'hidden', 'output']);
    expect(ids('Eingabe-Schicht', 'versteckt ü', '3 outputs', '__x__', '', '∑')).toEqual(['Eingabe_Schicht', 'versteckt_u', 'L3_outputs', 'x', 'layer4', 'layer5']);
  });

  it('numbers layers that share a name, and never reuses a name another layer has', () => {
    expect(ids('hidden', 'hidden', 'out')).toEqual(['hidden_0', 'hidden_1', 'out']);
    expect(ids('h', 'h', 'h_1')).toEqual(['h_0', 'h_1_', 'h_1']);
  });

  it('keeps every projection name within MATLAB’s 63 characters', () => {
    const long = 'a'.repeat(200);
    const [projection] = projectionNames([{ name: long }, { name: `${long}b` }]);
    const name = `W_${projection.from}_${projection.to}`;
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
  });
});
