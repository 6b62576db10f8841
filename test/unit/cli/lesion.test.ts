/** `cli lesion`: units by number or drawn from a seed, --scale and --noise, and the errors that name what is wrong. */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { lesionUnits } from '../../../src-shared/engine/lesions/lesion-units';
import { unitsAtRandom } from '../../../src-shared/engine/lesions/perturb-units';
import { parseModelText } from '../../../src-shared/model/parse';
import type { ModelDocument } from '../../../src-shared/model/schema';
import { cli } from '../../support/cli-harness';

const FIXTURE = fileURLToPath(new URL('../../fixtures/model/rumelhart-graph-v3.bplab', import.meta.url));
let dir: string;
let trained: string;
let model: ModelDocument;

async function read(file: string): Promise<ModelDocument> {
  const parsed = parseModelText(await readFile(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file} refused`);
  return parsed.model;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bplab-lesion-'));
  trained = join(dir, 'trained.bplab');
  expect((await cli('train', FIXTURE, '--epochs', '30', '--out', trained)).code).toBe(0);
  model = await read(trained);
});

describe('cli lesion', () => {
  it('lesions the units named (from 1) as the engine does', async () => {
    const out = join(dir, 'named.bplab');
    const result = await cli('lesion', trained, '--layer', 'representation', '--units', '1,3,5', '--out', out);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toBe(`lesioned units 1, 3, 5 of layer 2 (representation); wrote ${out}\n`);
    const written = await read(out);
    const expected = lesionUnits(model, 2, [0, 2, 4]);
    expect(written.layers).toEqual(expected.layers);
    expect(written.projections).toEqual(expected.projections);
    expect(written.state).toEqual(expected.state);
    expect(written.damage).toEqual([{ kind: 'lesion', epoch: 30, layer: 'representation', layerUnits: 8, units: [0, 2, 4] }]);
    expect(written.provenance!.lastTrained).toBe(model.provenance!.lastTrained);
  });

  it('draws --fraction\'s units from --seed, and scales or adds noise instead of lesioning', async () => {
    const out = join(dir, 'fraction.bplab');
    const result = await cli('lesion', trained, '--layer', '2', '--fraction', '0.5', '--seed', '4', '--scale', '0', '--out', out);
    expect(result.code, result.err).toBe(0);
    const units = unitsAtRandom(8, 0.5, 4);
    expect(result.out).toContain(`scaled the outgoing weights of units ${units.map((u) => u + 1).join(', ')} of layer 2`);
    const scaled = await read(out);
    const W = scaled.state!.weights[1];
    W.forEach((row, r) => row.forEach((w, c) => expect(w).toBe(units.includes(c) ? 0 : model.state!.weights[1][r][c])));
    expect(scaled.layers).toEqual(model.layers);
    expect(scaled.damage).toEqual([{ kind: 'scale', epoch: 30, layer: 'representation', layerUnits: 8, units, factor: 0 }]);
    const [a, b] = [join(dir, 'noise-a.bplab'), join(dir, 'noise-b.bplab')];
    await cli('lesion', trained, '--layer', 'hidden', '--units', '2', '--noise', '0.3', '--seed', '9', '--out', a);
    await cli('lesion', trained, '--layer', 'hidden', '--units', '2', '--noise', '0.3', '--seed', '9', '--out', b);
    expect((await read(a)).state).toEqual((await read(b)).state);
    expect((await read(a)).state!.weights[3]).not.toEqual(model.state!.weights[3]);
    expect((await read(a)).damage).toEqual([{ kind: 'noise', epoch: 30, layer: 'hidden', layerUnits: 15, units: [1], sd: 0.3, seed: 9 }]);
  });

  it('refuses what it cannot do, saying what and where', async () => {
    const out = join(dir, 'never.bplab');
    expect((await cli('lesion', trained, '--layer', 'item', '--units', '1', '--out', out)).err).toMatch(/cannot damage .*: layer 0 \(item\) is an input layer: only a hidden layer's units can be lesioned/);
    expect((await cli('lesion', trained, '--layer', 'representation', '--units', '0,9', '--out', out)).err).toMatch(/--units: "0" is not a unit of layer "representation", whose units are numbered 1 to 8/);
    expect((await cli('lesion', trained, '--layer', 'representation', '--units', '1', '--fraction', '0.5', '--out', out)).err).toMatch(/either --units 1,3,5 or --fraction F/);
    expect((await cli('lesion', trained, '--layer', 'representation', '--fraction', '2', '--out', out)).err).toMatch(/the fraction of units must be above 0 and at most 1, not 2/);
    expect((await cli('lesion', trained, '--layer', 'representation', '--units', '1')).err).toMatch(/say where to write the damaged model with --out NEW\.bplab/);
    expect((await cli('lesion', trained, '--units', '1', '--out', out)).err).toMatch(/say which layer's units with --layer J or --layer NAME/);
    expect((await cli('lesion', trained, '--layer', 'representation', '--units', '1', '--scale', '2', '--noise', '1', '--out', out)).err).toMatch(/choose --scale or --noise, not both/);
  });
});
