/**
 * Weights back from Python into a graph network: the exports' own safetensors and .npz load projection by
 * projection and bias by layer (momentum zeroed, feedback kept), the loaded model runs to the same outputs;
 * a shape that does not match is refused naming the tensor, its shape and the one expected; and the
 * command line exports a graph file to every format that writes graphs and imports the weights back.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFileContent, exportModel, GRAPH_EXPORT_FORMATS, MODEL_EXPORT_FORMAT_IDS } from '../../../../src-shared/data/export';
import { importWeights, TensorFileError } from '../../../../src-shared/data/import';
import { createRun } from '../../../../src-shared/engine/training-run';
import { parseModelText } from '../../../../src-shared/model/parse';
import type { ModelDocument } from '../../../../src-shared/model/schema';
import { cli } from '../../../support/cli-harness';
import { graphXor, rumelhartGraph, twoHeads } from './graph-models';
import { readSafetensors, readZip } from './independent-readers';

const bytesOf = (model: ModelDocument, format: 'npz' | 'safetensors') => exportFileContent(exportModel(model, format).files[0]) as Uint8Array;
const outputs = (model: ModelDocument) => createRun(model).testPass().patterns.map((p) => p.output);

describe('weights back into a graph network', () => {
  for (const format of ['safetensors', 'npz'] as const) {
    for (const [label, build] of [['two heads', twoHeads], ['the Rumelhart network', rumelhartGraph]] as const) {
      it(`loads ${label}'s own ${format} into the untrained model: every projection and bias, momentum zero, the same outputs`, () => {
        const trained = build();
        const untrained = { ...trained, state: null };
        const { model, notes } = importWeights(untrained, `w.${format}`, bytesOf(trained, format));
        expect(model.state!.weights).toEqual(trained.state!.weights);
        expect(model.state!.biases).toEqual(trained.state!.biases);
        expect(model.state!.weightMomentum.flat(2).every((m) => m === 0)).toBe(true);
        expect(model.state!.biasMomentum.flat().every((m) => m === 0)).toBe(true);
        expect(model.state!.epoch).toBe(0);
        expect(parseModelText(JSON.stringify(model)).ok).toBe(true);
        expect(outputs(model)).toEqual(outputs(trained));
        expect(notes[0]).toBe(`Loaded the weights and biases of ${trained.projections!.length} projections from w.${format}.`);
      });
    }
  }

  it('keeps feedback alignment’s matrices and says so', () => {
    const trained = graphXor();
    const target = { ...trained, training: { ...trained.training, rule: 'feedback-alignment' as const }, state: null };
    const before = createRun(target).toModel().state!;
    const { model, notes } = importWeights(target, 'w.npz', bytesOf(trained, 'npz'));
    expect(model.state!.feedback).toEqual(before.feedback);
    expect(model.state!.feedback!.some((F) => F.length > 0)).toBe(true);
    expect(notes).toContain('The feedback matrices were kept.');
  });

  it('refuses a tensor of the wrong shape, naming it, its shape and the one expected, and a bias in two places', () => {
    const trained = twoHeads();
    const wider = { ...trained, layers: trained.layers.map((l) => (l.name === 'gate' ? { ...l, units: 3 } : l)), state: null };
    expect(() => importWeights(wider, 'w.safetensors', bytesOf(trained, 'safetensors'))).toThrow(
      new TensorFileError('w.safetensors: tensor context_to_gate.weight has shape (2, 3); the weights from context to gate needs (3, 3)'),
    );
    expect(() => importWeights(wider, 'w.npz', bytesOf(trained, 'npz'))).toThrow('w.npz: tensor W_context_gate has shape (2, 3); the weights from context to gate needs (3, 3)');
    const biased = { ...trained, layers: trained.layers.map((l) => (l.name === 'gate' ? { ...l, bias: true } : l)), state: null };
    expect(() => importWeights(biased, 'w.npz', bytesOf(trained, 'npz'))).toThrow('w.npz: no tensor b_gate or context_to_gate.bias for the bias of gate, shape (2)');
  });
});

describe('the command line with a graph network', () => {
  it('exports it to npz, npy, safetensors, ONNX and .mat, refuses the formats that do not write graphs yet, and imports the weights back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bplab-graph-cli-'));
    const trained = twoHeads();
    const modelPath = join(dir, 'heads.bplab');
    await writeFile(modelPath, JSON.stringify(trained));
    const npz = await cli('export', modelPath, '--to', 'npz', '--out', join(dir, 'heads.npz'));
    expect(npz).toMatchObject({ code: 0, out: `wrote ${join(dir, 'heads.npz')}\n` });
    expect([...readZip(await readFile(join(dir, 'heads.npz'))).keys()]).toContain('W_rating_category.npy');
    expect((await cli('export', modelPath, '--to', 'npy', '--array', 'W_cue_category', '--out', join(dir, 'w.npy'))).code).toBe(0);
    const torch = await cli('export', modelPath, '--to', 'safetensors', '--out', join(dir, 'heads'));
    expect(torch.out).toBe(`wrote ${join(dir, 'heads.safetensors')}\nwrote ${join(dir, 'heads.py')}\n`);
    expect(readSafetensors(await readFile(join(dir, 'heads.safetensors'))).tensors.has('gate_to_rating.weight')).toBe(true);
    for (const [format, file] of [['onnx', 'heads.onnx'], ['onnx-float32', 'heads32.onnx'], ['mat', 'heads.mat']]) {
      expect(await cli('export', modelPath, '--to', format, '--out', join(dir, file)), format).toMatchObject({ code: 0 });
    }
    for (const format of MODEL_EXPORT_FORMAT_IDS.filter((f) => !GRAPH_EXPORT_FORMATS.has(f))) {
      const refused = await cli('export', modelPath, '--to', format, '--out', join(dir, `x.${format}`));
      expect(refused.code, format).toBe(1);
      expect(refused.err, format).toContain(`cannot export ${format}: two heads is a graph network`);
    }

    await writeFile(join(dir, 'untrained.bplab'), JSON.stringify({ ...trained, state: null }));
    const back = await cli('import', join(dir, 'heads.safetensors'), '--into', join(dir, 'untrained.bplab'), '--out', join(dir, 'back.bplab'));
    expect(back).toMatchObject({ code: 0, out: `wrote ${join(dir, 'back.bplab')}\n` });
    expect(back.err).toContain('note: Momentum was reset to zero.');
    const parsed = parseModelText(await readFile(join(dir, 'back.bplab'), 'utf8'));
    expect(parsed.ok && parsed.model.state?.weights).toEqual(trained.state!.weights);
  });
});
