/**
 * No save ever writes a file the loader refuses: models mutated in every way the format allows (settings at
 * and near their bounds, every init, rule, loss and update mode, don't-care targets, test sets, frozen and
 * bias-free layers), trained a few epochs by the engine — paused mid-epoch, a setting changed mid-run —
 * then saved as every host saves: the command line's writer, the page's Save (the web build's and
 * Electron's, which main reads back too) and its recovery drafts. Each is read back by what reads it.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeModelFile } from '../../../src-main/cli/model-file';
import { readDraft } from '../../../src-renderer/files/recovery-draft';
import { draftText, modelFileText } from '../../../src-renderer/files/save-text';
import { Simulation } from '../../../src-shared/engine/simulation';
import { createModel } from '../../../src-shared/model/create';
import { parseModel, parseModelText } from '../../../src-shared/model/parse';
import { modelTextProblem } from '../../../src-shared/model/save-check';
import {
  MAX_EPOCHS, MAX_INIT_RANGE, MAX_INIT_SD, MAX_PATTERN_MAGNITUDE, type ActivationName, type InitSettings, type LayerSpec, type ModelDocument,
  type Pattern, type TrainingSettings,
} from '../../../src-shared/model/schema';
import { withProvenance } from '../../../src-shared/model/serialize';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bplab-save-properties-'));
});

const nearOne = 1 - 2 ** -53;
const rate = fc.constantFrom(0, 1e-300, 0.1, 0.5, 2, 50, 1e6, 1e300, Number.MAX_VALUE);
const init: fc.Arbitrary<InitSettings> = fc.oneof(
  fc.constantFrom(0, 1, 4, MAX_INIT_RANGE, MAX_INIT_RANGE * nearOne).map((range) => ({ kind: 'uniform' as const, range })),
  fc.constantFrom(0, 0.1, 3, MAX_INIT_SD, MAX_INIT_SD * nearOne).map((sd) => ({ kind: 'gaussian' as const, sd })),
  fc.constant({ kind: 'xavier' as const }),
  fc.constant({ kind: 'he' as const }),
);
const value = fc.oneof(
  fc.constantFrom(0, 1, -1, 0.5, MAX_PATTERN_MAGNITUDE, -MAX_PATTERN_MAGNITUDE, 1e-300, 3),
  fc.double({ min: -MAX_PATTERN_MAGNITUDE, max: MAX_PATTERN_MAGNITUDE, noNaN: true }),
);
const unitValue = fc.oneof(fc.constantFrom(0, 1, 0.5), fc.double({ min: 0, max: 1, noNaN: true }));
const elementwise: ActivationName[] = ['linear', 'logistic', 'tanh', 'relu'];

interface Plan {
  model: ModelDocument;
  /** Patterns presented before the change, then after it (neither need end on an epoch). */
  before: number;
  after: number;
  change: Partial<TrainingSettings>;
}

const plan: fc.Arbitrary<Plan> = fc
  .record({
    sizes: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 4 }),
    activations: fc.array(fc.constantFrom(...elementwise), { minLength: 3, maxLength: 3 }),
    output: fc.constantFrom<ActivationName>('linear', 'logistic', 'tanh', 'relu', 'softmax'),
    bias: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    learn: fc.array(fc.constantFrom(true, true, false, undefined), { minLength: 3, maxLength: 3 }),
    rule: fc.constantFrom('backprop', 'delta', 'feedback-alignment'),
    crossEntropy: fc.boolean(),
    update: fc.constantFrom('online', 'batch', 'minibatch'),
    batchSize: fc.integer({ min: 1, max: 8 }),
    order: fc.constantFrom('sequential', 'permuted'),
    learningRate: rate,
    momentum: fc.constantFrom(0, 0.5, 0.9, nearOne),
    weightDecay: fc.constantFrom(0, 1e-4, 1, 1e300),
    init,
    seed: fc.oneof(fc.constantFrom(0, 0xffff_ffff), fc.nat()),
    maxEpochs: fc.constantFrom(1, 2, 5, MAX_EPOCHS),
    errorCriterion: fc.constantFrom(0, 0.04, 1e300),
    margin: fc.constantFrom(0, 0.1, 1e300),
    stopWhenAllCorrect: fc.boolean(),
    patternCount: fc.integer({ min: 1, max: 6 }),
    testCount: fc.integer({ min: 0, max: 3 }),
    inputs: fc.array(value, { minLength: 30, maxLength: 30 }),
    targets: fc.array(fc.oneof(value, unitValue, fc.constant(null)), { minLength: 30, maxLength: 30 }),
    before: fc.integer({ min: 0, max: 23 }),
    after: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 23 })),
    change: fc.oneof(
      fc.record({ learningRate: rate }),
      fc.record({ momentum: fc.constantFrom(0, nearOne) }),
      fc.record({ update: fc.constantFrom('online', 'batch', 'minibatch'), batchSize: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ maxEpochs: fc.constantFrom(1, MAX_EPOCHS) }),
      fc.record({ weightDecay: fc.constantFrom(0, 1e300) }),
    ),
  })
  .map((r) => {
    const depth = r.sizes.length - 1;
    const outputActivation: ActivationName = r.crossEntropy && r.output !== 'softmax' ? 'logistic' : r.output;
    const loss = r.crossEntropy || outputActivation === 'softmax' ? 'cross-entropy' : 'squared-error';
    const layers: LayerSpec[] = r.sizes.map((units, j) => {
      const kind = j === 0 ? 'input' : j === depth ? 'output' : 'hidden';
      const layer: LayerSpec = { kind, name: `${kind} ${j}`, units, activation: j === depth ? outputActivation : r.activations[j % 3], bias: j > 0 && r.bias[j % 3] };
      const learn = r.learn[j % 3];
      if (j > 0 && learn !== undefined) layer.learn = learn;
      return layer;
    });
    let next = 0;
    const patterns = (count: number, prefix: string): Pattern[] => Array.from({ length: count }, (_, p) => ({
      name: `${prefix}${p}`,
      input: Array.from({ length: r.sizes[0] }, () => r.inputs[next++ % r.inputs.length]),
      target: Array.from({ length: r.sizes[depth] }, () => {
        const t = r.targets[next++ % r.targets.length];
        if (t === null) return outputActivation === 'softmax' ? 0 : null;
        return loss === 'cross-entropy' ? Math.min(1, Math.abs(t)) : t;
      }),
    }));
    const model = createModel({
      name: 'property', description: '', layers, patterns: patterns(r.patternCount, 'p'),
      ...(r.testCount > 0 ? { testPatterns: patterns(r.testCount, 't') } : {}),
      training: {
        rule: r.rule === 'delta' && depth !== 1 ? 'backprop' : (r.rule as TrainingSettings['rule']), loss, update: r.update as TrainingSettings['update'],
        batchSize: r.batchSize, order: r.order as TrainingSettings['order'], learningRate: r.learningRate, momentum: r.momentum,
        weightDecay: r.weightDecay, init: r.init, seed: r.seed, maxEpochs: r.maxEpochs, errorCriterion: r.errorCriterion, margin: r.margin,
        stopWhenAllCorrect: r.stopWhenAllCorrect,
      },
    });
    return { model, before: r.before, after: r.after, change: r.change as Partial<TrainingSettings> };
  });

function problemsOf(text: string): string {
  const parsed = parseModelText(text);
  return parsed.ok ? '' : JSON.stringify(parsed.problems.slice(0, 3));
}

let files = 0;

/** Saves `trained` as each host does and reads each back as it will be read; `cli` adds the command line's writer. */
async function savesEverywhere(trained: ModelDocument, cli: boolean): Promise<void> {
  // The command line's writer (train --out, import --out), read back as the command line reads.
  if (cli) {
    const path = join(dir, `m${files++}.bplab`);
    await writeModelFile(path, trained, true);
    expect(problemsOf(await readFile(path, 'utf8'))).toBe('');
  }

  // The page's Save (web and Electron), and main's check of what the page sends.
  const file = modelFileText(withProvenance(trained, '0.0.0', new Date(0), true));
  expect(file.ok && problemsOf(file.text), !file.ok ? file.message : '').toBe('');
  if (file.ok) expect(modelTextProblem(file.text)).toBeNull();

  // The recovery draft, read back as recovery reads it; once recovered it is saved as a file too.
  const draft = draftText(trained);
  const recovered = readDraft({ id: 'x', name: 'property', fileName: null, text: draft, savedAt: 0 });
  expect(recovered.ok).toBe(true);
  expect(problemsOf(draft)).toBe('');
  // And the run continues from it.
  if (recovered.ok) new Simulation(recovered.model).advance(3);
}

describe('every save of every host', () => {
  it('writes only what its reader accepts, however the model was made and trained', async () => {
    await fc.assert(
      fc.asyncProperty(plan, async ({ model, before, after, change }) => {
        // The generator's own model must be one the app accepts.
        const parsed = parseModel(JSON.parse(JSON.stringify(model)));
        expect(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems)).toBe(true);
        const simulation = new Simulation(model);
        // Saved wherever a run may be paused: after the first stretch, right after the change, at the end.
        let outcome = simulation.advance(before);
        await savesEverywhere(simulation.toModel(), false);
        if (!outcome.stop) {
          simulation.configure(change);
          await savesEverywhere(simulation.toModel(), false);
          outcome = simulation.advance(after);
        }
        await savesEverywhere(simulation.toModel(), true);
      }),
      { numRuns: 300, seed: 20261207 },
    );
  }, 120_000);
});
