/**
 * Nothing can be trained that cannot be kept: the largest network the format allows (MAX_WEIGHTS), with
 * every number its state stores at its longest text, fits in one text every host can hold and within
 * Electron's read and save limits.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../../src-main/main/document-files';
import { channelPayloadSchemas } from '../../../src-shared/ipc/channels';
import { HISTORY_CAPACITY } from '../../../src-shared/model/epoch-history';
import { MAX_MODEL_TEXT_BYTES, stateTextBound, WORST_CASE_STATE_BYTES } from '../../../src-shared/model/file-size';
import { parseModel } from '../../../src-shared/model/parse';
import { MAX_WEIGHTS, type ModelDocument } from '../../../src-shared/model/schema';
import { serializeModel } from '../../../src-shared/model/serialize';
import { createModel } from '../../../src-shared/model/create';

const layer = (kind: 'input' | 'hidden' | 'output', units: number) => ({ kind, name: kind, units, activation: 'logistic' as const, bias: true });
const network = (sizes: number[]) => createModel({
  name: 'n', description: '',
  layers: sizes.map((units, j) => layer(j === 0 ? 'input' : j === sizes.length - 1 ? 'output' : 'hidden', units)),
  patterns: [{ name: 'p', input: Array(sizes[0]).fill(0), target: Array(sizes[sizes.length - 1]).fill(0) }],
  training: { rule: 'feedback-alignment', update: 'batch' },
});

/** A state whose every stored number has the longest text JSON gives a double (24 characters). */
function longestState(model: ModelDocument, epochs: number): ModelDocument {
  const sizes = model.layers.map((l) => l.units);
  const matrices = (value: number) => sizes.slice(1).map((rows, j) => Array.from({ length: rows }, () => Array<number>(sizes[j]).fill(value)));
  const vectors = (value: number) => sizes.slice(1).map((rows) => Array<number>(rows).fill(value));
  const history = Array<number>(epochs).fill(2.2250738585072014e-308);
  return {
    ...model,
    state: {
      epoch: epochs, weights: matrices(-1.2345678901234568e-300), biases: vectors(-1.2345678901234568e-300),
      weightMomentum: matrices(-2.2250738585072014e-308), biasMomentum: vectors(-2.2250738585072014e-308),
      orderStream: [-2147483648, -2147483648, -2147483648, -2147483647],
      cursor: { order: [0], position: 0, tss: 0, correct: 0 },
      tssHistory: history, correctHistory: Array<number>(epochs).fill(0.12345678901234568),
      feedback: [[], ...matrices(-1.7976931348623157e308).slice(1)],
      gradientSum: { weights: matrices(-1.7976931348623157e308), biases: vectors(-1.7976931348623157e308) },
    },
  };
}

describe('the largest network a file holds', () => {
  it('is 4,194,304 weights and biases (2048 × 2048)', () => {
    expect(MAX_WEIGHTS).toBe(4_194_304);
    expect(parseModel(network([2047, 2048]))).toMatchObject({ ok: true });
    expect(parseModel(network([3070, 1024, 1024]))).toMatchObject({ ok: true });
    expect(parseModel(network([2048, 2048]))).toMatchObject({ ok: false, problems: [{ path: 'layers', message: expect.stringMatching(/4,196,352 weights.*at most 4,194,304/) }] });
  });

  it('bounds the text of a state from above, tightly, with every number at its longest', () => {
    for (const sizes of [[300, 50, 20], [60, 40, 40, 30], [200, 100]]) {
      const model = longestState(network(sizes), 1000);
      expect(parseModel(JSON.parse(serializeModel(model)))).toMatchObject({ ok: true });
      const stateText = serializeModel(model).length - serializeModel({ ...model, state: null }).length;
      const bound = stateTextBound(sizes, 1000);
      expect(stateText).toBeLessThanOrEqual(bound);
      expect(stateText).toBeGreaterThan(0.9 * bound);
    }
  });

  it('fits, at the bound, in one text every host can hold, and within Electron’s read and save limits', () => {
    expect(WORST_CASE_STATE_BYTES).toBeGreaterThanOrEqual(stateTextBound([3070, 1024, 1024], HISTORY_CAPACITY));
    expect(WORST_CASE_STATE_BYTES).toBeGreaterThanOrEqual(stateTextBound([2047, 2048], HISTORY_CAPACITY));
    expect(WORST_CASE_STATE_BYTES).toBeLessThan(MAX_MODEL_TEXT_BYTES);
    expect(MAX_DOCUMENT_BYTES).toBeGreaterThanOrEqual(WORST_CASE_STATE_BYTES);
    expect(MAX_DOCUMENT_BYTES).toBeLessThanOrEqual(MAX_MODEL_TEXT_BYTES);
    // docs/model-format.md gives the same figure.
    expect(readFileSync('docs/model-format.md', 'utf8')).toContain(`**${WORST_CASE_STATE_BYTES.toLocaleString('en')} (about ${Math.round(WORST_CASE_STATE_BYTES / 2 ** 20)} MiB)**`);
    const text = ' '.repeat(WORST_CASE_STATE_BYTES);
    expect(channelPayloadSchemas.saveDocument.safeParse({ text }).success).toBe(true);
  });
});
