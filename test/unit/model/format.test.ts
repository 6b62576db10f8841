/** The model file as a format: versions, migrations, byte-stable saving, and the published JSON Schema. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { examples, findExample } from '../../../src-shared/data/examples';
import { createRun } from '../../../src-shared/engine/training-run';
import { Simulation } from '../../../src-shared/engine/simulation';
import { createModel } from '../../../src-shared/model/create';
import { modelJsonSchema } from '../../../src-shared/model/json-schema';
import { migrateToCurrent, type Migration } from '../../../src-shared/model/migrations';
import { parseModelText } from '../../../src-shared/model/parse';
import { serializeModel, withProvenance } from '../../../src-shared/model/serialize';
import { MODEL_VERSION } from '../../../src-shared/model/schema';
import { GraphRun } from '../../../src-shared/engine/graph/graph-run';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

function parsed(text: string) {
  const result = parseModelText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.model;
}

describe('the model file format', () => {
  it('still reads the committed version-1 file, and continues it exactly', async () => {
    const model = parsed(await readFile(root('test/fixtures/model/xor-v1.bplab'), 'utf8'));
    expect(model.version).toBe(MODEL_VERSION); // migrated from version 1 on load
    expect(model.state?.epoch).toBe(25);
    const continued = new Simulation(model);
    continued.advance(Number.MAX_SAFE_INTEGER, 50);
    const straight = new Simulation({ ...model, state: null });
    straight.advance(Number.MAX_SAFE_INTEGER, 50);
    expect(continued.state()).toEqual(straight.state());
  });

  it('still reads the committed version-2 file as a chain, and continues it exactly', async () => {
    const text = await readFile(root('test/fixtures/model/xor-v2.bplab'), 'utf8');
    const model = parsed(text);
    expect(model.version).toBe(MODEL_VERSION); // migrated from version 2 on load
    expect(model.projections).toBeUndefined(); // absent: the chain
    expect(model.state?.epoch).toBe(25);
    // The state is kept as written: a chain's W^j and b_{j+1} are already per projection and per non-input layer.
    expect(model.state!.weights).toEqual(JSON.parse(text).state.weights);
    const continued = new Simulation(model);
    continued.advance(Number.MAX_SAFE_INTEGER, 60);
    const straight = new Simulation({ ...model, state: null });
    straight.advance(Number.MAX_SAFE_INTEGER, 60);
    expect(continued.state()).toEqual(straight.state());
    expect(continued.epoch).toBe(60);
  });

  it('still reads the committed version-3 graph file (no recurrence), and continues it exactly', async () => {
    const text = await readFile(root('test/fixtures/model/xor-2-1-1-v3.bplab'), 'utf8');
    expect(JSON.parse(text).version).toBe(3);
    const model = parsed(text);
    expect(model.version).toBe(MODEL_VERSION); // migrated from version 3 on load
    expect(model.links).toBeUndefined();
    expect(model.recurrence).toBeUndefined();
    expect(model.state?.recurrent).toBeUndefined();
    expect(model.state!.weights).toEqual(JSON.parse(text).state.weights);
    const continued = new GraphRun(model);
    continued.advance(Number.MAX_SAFE_INTEGER, 60);
    const straight = new GraphRun({ ...model, state: null });
    straight.advance(Number.MAX_SAFE_INTEGER, 60);
    expect(continued.state()).toEqual(straight.state());
    expect(continued.epoch).toBe(60);
  });

  it('still reads the committed version-4 recurrent file (no snapshots), and continues it exactly from mid-epoch', async () => {
    const text = await readFile(root('test/fixtures/model/temporal-xor-v4.bplab'), 'utf8');
    expect(JSON.parse(text).version).toBe(4);
    const model = parsed(text);
    expect(model.version).toBe(MODEL_VERSION); // migrated from version 4 on load
    expect(model.training.snapshots).toBeUndefined();
    expect(model.state!.snapshots).toBeUndefined();
    expect(model.state!.cursor!.position).toBe(5);
    const continued = createRun(model);
    continued.advance(Number.MAX_SAFE_INTEGER, 40);
    const straight = createRun({ ...model, state: null });
    straight.advance(Number.MAX_SAFE_INTEGER, 40);
    expect(continued.state()).toEqual(straight.state());
    expect(continued.state().snapshots).toBeUndefined();
  });

  it('still reads the committed version-5 file with snapshots (no damage), and continues it exactly', async () => {
    const text = await readFile(root('test/fixtures/model/xor-2-1-1-snapshots-v5.bplab'), 'utf8');
    expect(JSON.parse(text).version).toBe(5);
    const model = parsed(text);
    expect(model.version).toBe(MODEL_VERSION); // migrated from version 5 on load
    expect(model.damage).toBeUndefined();
    expect(model.state!.snapshots!.map((s) => s.epoch)).toEqual([0, 1, 2, 5, 10, 20]);
    expect(model.state!.weights).toEqual(JSON.parse(text).state.weights);
    const continued = createRun(model);
    continued.advance(Number.MAX_SAFE_INTEGER, 40);
    const straight = createRun({ ...model, state: null });
    straight.advance(Number.MAX_SAFE_INTEGER, 40);
    expect(continued.state()).toEqual(straight.state());
  });

  it('save → load → save gives the same bytes with snapshots, taken in this session or read from the file', () => {
    for (const id of ['xor', 'xor-2-1-1', 'temporal-xor']) {
      const example = findExample(id)!.build();
      const run = createRun({ ...example, training: { ...example.training, snapshots: { kind: 'log' } } });
      run.advance(23 * run.patternCount + 2);
      const saved = serializeModel(withProvenance(run.toModel(), '1.2.3', new Date(0), true));
      expect(parsed(saved).state!.snapshots!.map((s) => s.epoch), id).toEqual([0, 1, 2, 5, 10, 20]);
      // A run restored from the file saves it again to the same bytes, snapshots included.
      expect(serializeModel(withProvenance(createRun(parsed(saved)).toModel(), '1.2.3', new Date(0), true)), id).toBe(saved);
      const loaded = serializeModel(parsed(saved));
      expect(serializeModel(parsed(loaded)), id).toBe(loaded);
    }
  });

  it('save → load → save gives the same bytes, and every weight exactly', () => {
    for (const example of examples) {
      const simulation = new Simulation(example.build());
      simulation.advance(7 * simulation.patternCount + 3);
      const saved = serializeModel(withProvenance(simulation.toModel(), '1.2.3', new Date(0), true));
      const again = serializeModel(parsed(saved));
      expect(again, example.id).toBe(saved);
      expect(parsed(again).state!.weights, example.id).toEqual(simulation.state().weights);
    }
  });

  it('stamps who wrote the file: created once, last trained when the weights changed', () => {
    const model = examples[0].build();
    const created = withProvenance(model, '0.1.0', new Date('2026-01-01T00:00:00Z'), false);
    expect(created.provenance).toEqual({ appVersion: '0.1.0', created: '2026-01-01T00:00:00.000Z', lastTrained: null });
    const trained = withProvenance(created, '0.2.0', new Date('2026-02-01T00:00:00Z'), true);
    expect(trained.provenance).toEqual({ appVersion: '0.2.0', created: '2026-01-01T00:00:00.000Z', lastTrained: '2026-02-01T00:00:00.000Z' });
  });

  it('migrates an older version step by step, and refuses a newer one', () => {
    const steps: Migration[] = [
      { from: 1, migrate: (d) => ({ ...d, renamed: d.old, old: undefined }) },
      { from: 2, migrate: (d) => ({ ...d, added: true }) },
    ];
    const result = migrateToCurrent({ version: 1, old: 'x' }, steps, 3);
    expect(result).toEqual({ ok: true, document: { version: 3, renamed: 'x', old: undefined, added: true }, migratedFrom: 1 });
    expect(migrateToCurrent({ version: 2 }, steps.slice(1), 3)).toMatchObject({ ok: true, migratedFrom: 2 });
    expect(migrateToCurrent({ version: 1 }, steps.slice(1), 3)).toEqual({ ok: false, message: 'is 1, and no migration from version 1 exists' });
    expect(migrateToCurrent({ version: 4 }, steps, 3)).toMatchObject({ ok: false, message: expect.stringMatching(/newer Backprop Lab/) });
    expect(migrateToCurrent({ version: '1' }, steps, 3)).toMatchObject({ ok: false });
  });

  it('publishes the JSON Schema generated from the one definition (docs/model-format.schema.json)', async () => {
    const committed = JSON.parse(await readFile(root('docs/model-format.schema.json'), 'utf8'));
    // Regenerate with: npm run --silent cli -- schema > docs/model-format.schema.json
    expect(committed).toEqual(modelJsonSchema());
    const training = (committed.properties.training as { properties: Record<string, { minimum?: number; exclusiveMaximum?: number }> }).properties;
    expect(training.learningRate.minimum).toBe(0);
    expect(training.momentum.exclusiveMaximum).toBe(1);
  });

  it('stops a run whose weights outgrow what a file may hold, and the saved file loads again', () => {
    const model = createModel({
      name: 'runaway',
      description: 'A linear unit with a learning rate far too large for its input.',
      layers: [
        { kind: 'input', name: 'input', units: 1, activation: 'linear', bias: false },
        { kind: 'output', name: 'output', units: 1, activation: 'linear', bias: false },
      ],
      patterns: [{ name: 'p', input: [1000], target: [0] }],
      training: { learningRate: 1e-3, momentum: 0, errorCriterion: 0 },
    });
    const simulation = new Simulation(model);
    const outcome = simulation.advance(1000);
    expect(outcome.stop).toBe('diverged');
    expect(outcome.message).toMatch(/the weights into layer 1 \(output\) grew beyond ±1e\+12/);
    const saved = serializeModel(simulation.toModel());
    expect(parsed(saved).state!.epoch).toBe(simulation.epoch);
  });
});
