/**
 * The Python and MATLAB exports of recurrent networks (Elman and Jordan contexts, streams and sequences
 * marked by resets): the .npz and .mat hold every projection (the context's included), each context's
 * initial value, the sequence starts and the activations of the set run through time, read back bit for bit
 * by the independent readers; a numpy pass written in the test (test/support/python/srn_forward.py) runs the
 * whole training sequence with resets from the .npz alone and from the safetensors file and gives the
 * engine's activations at every event to 1e-12; model.py compiles and, stepped event by event as its
 * docstring says, gives the engine's outputs to 1e-12; onnxruntime steps the ONNX graph through the sequence,
 * the context fed back from its own output: float64 within 1e-12, float32 within 1e-5 × max(1, largest |net
 * input|). The safetensors and .npz load back into the model (the context's projection too).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { exportFileContent, exportModel, exportProvenance, GRAPH_EXPORT_FORMATS, layerIdentifiers, modelArrays, MODEL_EXPORT_FORMAT_IDS } from '../../../../src-shared/data/export';
import { mat5Bytes } from '../../../../src-shared/data/export/matlab/mat5';
import { npzBytes } from '../../../../src-shared/data/export/numpy/npz';
import { onnxModelBytes, type OnnxPrecision } from '../../../../src-shared/data/export/onnx/onnx-model';
import { exportTorch } from '../../../../src-shared/data/export/safetensors';
import { importWeights } from '../../../../src-shared/data/import';
import { RecurrentRun } from '../../../../src-shared/engine/recurrent/recurrent-run';
import { createRun } from '../../../../src-shared/engine/training-run';
import { networkGraph } from '../../../../src-shared/model/graph';
import type { ModelDocument, Pattern } from '../../../../src-shared/model/schema';
import { hasNumpy, hasScipy, runPython } from '../../../support/python';
import { readMat5, readNpy, readSafetensors, readZip } from './independent-readers';
import { elmanJordan, shortLetters, shortTemporalXor } from './recurrent-models';

const support = (file: string) => fileURLToPath(new URL(`../../../support/python/${file}`, import.meta.url));
const runScript = (script: string, ...args: string[]) => runPython(`import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')`, [support(script), ...args]);
const hex = (data: Float64Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('hex');

const cases: [string, () => ModelDocument][] = [
  ['temporal XOR (one stream, BPTT, initial context 0.5)', shortTemporalXor],
  ['the letter task (20 context units)', shortLetters],
  ['Elman and Jordan contexts, resets, two inputs and two outputs, a test set', elmanJordan],
];

type Set = 'train' | 'test';
const patternsOf = (model: ModelDocument, set: Set): Pattern[] => (set === 'train' ? model.patterns : (model.testPatterns ?? []));

/** The engine's outputs per event (every output layer, concatenated), as Test reports them for the set run in order. */
const engineOutputs = (model: ModelDocument, set: Set = 'train') => createRun(model).testPass(set)!.patterns.map((p) => p.output);

/** Every layer's activations per event, from the engine's pass through time: [event][layer][unit]. */
function engineLayers(model: ModelDocument, set: Set = 'train'): number[][][] {
  const run = new RecurrentRun(model);
  const byLayer = model.layers.map((_, g) => run.layerOverSequence(g, set));
  return patternsOf(model, set).map((_, p) => byLayer.map((rows) => rows[p]));
}

/** The largest |net input| of any computed unit at any event, from the engine's activations and the saved weights. */
function largestNetInput(model: ModelDocument): number {
  const { projections, biased } = networkGraph(model);
  const contexts = new Set(model.links!.map((link) => link.to));
  let largest = 0;
  for (const act of engineLayers(model)) {
    model.layers.forEach((layer, g) => {
      if (layer.kind === 'input' || contexts.has(g)) return;
      const n = layer.bias ? [...model.state!.biases[biased.indexOf(g)]] : new Array<number>(layer.units).fill(0);
      projections.forEach((p, q) => {
        if (p.to === g) model.state!.weights[q].forEach((row, r) => row.forEach((w, c) => (n[r] += w * act[p.from][c])));
      });
      for (const value of n) largest = Math.max(largest, Math.abs(value));
    });
  }
  return largest;
}

/** Each input layer's columns of the events' inputs, in layer order: [layer][event][unit]. */
function inputBlocks(model: ModelDocument, set: Set = 'train'): number[][][] {
  let offset = 0;
  return networkGraph(model).inputs.map((g) => {
    const start = offset;
    offset += model.layers[g].units;
    return patternsOf(model, set).map((p) => p.input.slice(start, offset));
  });
}

const sequenceStarts = (model: ModelDocument) => model.patterns.map((p, e) => (e === 0 || p.reset ? 1 : 0));

function expectClose(actual: number[][], expected: number[][], tolerance: number, what: string) {
  expect(actual.map((row) => row.length), what).toEqual(expected.map((row) => row.length));
  actual.forEach((row, p) => row.forEach((value, k) => expect(Math.abs(value - expected[p][k]), `${what}: event ${p}, unit ${k}`).toBeLessThanOrEqual(tolerance)));
}

it('the test networks are recurrent and trained; among them resets, a Jordan context, several inputs and outputs, a test set', () => {
  const models = cases.map(([, build]) => build());
  for (const model of models) {
    expect(model.links!.length).toBeGreaterThan(0);
    expect(model.state!.epoch).toBeGreaterThan(0);
  }
  const last = models[2];
  expect(last.patterns.filter((p) => p.reset)).toHaveLength(2);
  expect(last.links!.some((link) => last.layers[link.from].kind === 'output')).toBe(true);
  expect(networkGraph(last).inputs).toHaveLength(2);
  expect(networkGraph(last).outputs).toHaveLength(2);
  // The Jordan context's first event after a reset is not the value the stream would carry: the resets matter.
  const layers = engineLayers(last);
  expect(layers[3][4]).toEqual([0.25, 0.25]);
  expect(layers[2][4]).not.toEqual([0.25, 0.25]);
});

describe('.npz and .mat of a recurrent network', () => {
  it('hold the context projection as W_<context>_<hidden>, each context’s initial value and the sequence starts', () => {
    const model = elmanJordan();
    const arrays = modelArrays(model);
    const byName = new Map(arrays.map((a) => [a.name, a]));
    expect(arrays.slice(0, 11).map((a) => [a.name, a.shape])).toEqual([
      ['W_state_guess', [2, 3]], ['W_cue_state', [3, 2]], ['W_word_state', [3, 3]], ['W_memory_state', [3, 3]], ['W_echo_guess', [2, 2]], ['W_state_rating', [1, 3]],
      ['b_state', [3]], ['b_guess', [2]], ['b_rating', [1]],
      ['initial_memory', [3]], ['initial_echo', [2]],
    ]);
    expect(Array.from(byName.get('W_memory_state')!.data)).toEqual(model.state!.weights[3].flat());
    expect(Array.from(byName.get('initial_memory')!.data)).toEqual([0, 0, 0]);
    expect(Array.from(byName.get('initial_echo')!.data)).toEqual([0.25, 0.25]);
    expect(Array.from(byName.get('sequence_start')!.data)).toEqual([1, 0, 0, 1, 0, 1, 0, 0]);
    expect(Array.from(byName.get('test_sequence_start')!.data)).toEqual([1, 0, 1, 0]);
    expect(byName.has('b_memory') || byName.has('b_echo')).toBe(false);
    // The provenance names the links by the arrays' identifiers, with the initial values.
    const provenance = exportProvenance(model, 'npz', { appVersion: 'test' });
    expect(provenance.links).toEqual([{ from: 'state', to: 'memory', initial: 0 }, { from: 'guess', to: 'echo', initial: 0.25 }]);
    expect(provenance.projections).toContainEqual({ from: 'memory', to: 'state' });
  });

  for (const [label, build] of cases) {
    it(`${label}: activations are the set run through time, as the engine and the outputs CSV give them, and read back bit for bit`, () => {
      const model = build();
      const arrays = modelArrays(model);
      const ids = layerIdentifiers(model.layers);
      for (const set of ['train', 'test'] as const) {
        if (patternsOf(model, set).length === 0) continue;
        const act = engineLayers(model, set);
        const prefix = set === 'train' ? '' : 'test_';
        model.layers.forEach((_, g) => {
          expect(Array.from(arrays.find((a) => a.name === `${prefix}act_${ids[g]}`)!.data), `${prefix}${ids[g]}`).toEqual(act.flatMap((layers) => layers[g]));
        });
        // The output layers side by side are what Test reports for the set.
        const outputs = act.map((layers) => networkGraph(model).outputs.flatMap((g) => layers[g]));
        expect(outputs).toEqual(engineOutputs(model, set));
      }
      const entries = readZip(npzBytes(arrays));
      expect([...entries.keys()]).toEqual(arrays.map((a) => `${a.name}.npy`));
      const variables = readMat5(mat5Bytes(arrays));
      for (const array of arrays) {
        const read = readNpy(entries.get(`${array.name}.npy`)!);
        expect([read.shape, hex(read.data)], array.name).toEqual([array.shape, hex(array.data)]);
        const mat = variables.get(array.name) as { shape: number[]; data: Float64Array };
        expect([mat.shape, hex(mat.data)], array.name).toEqual([array.shape.length === 1 ? [1, array.shape[0]] : array.shape, hex(array.data)]);
      }
    });

    it.skipIf(!hasNumpy)(`${label}: numpy run through the sequence with resets from the .npz alone, and from the safetensors file, gives the engine’s activations at every event to 1e-12`, async () => {
      const model = build();
      const dir = await mkdtemp(join(tmpdir(), 'bplab-srn-'));
      const ids = layerIdentifiers(model.layers);
      const act = engineLayers(model);
      const { files } = exportModel(model, 'npz', undefined, { appVersion: 'test' });
      await writeFile(join(dir, 'srn.npz'), exportFileContent(files[0]));
      const { safetensors } = exportTorch(model);
      await writeFile(join(dir, 'srn.safetensors'), safetensors);
      await writeFile(join(dir, 'events.json'), JSON.stringify({ inputs: inputBlocks(model), starts: sequenceStarts(model) }));
      for (const args of [[join(dir, 'srn.npz')], [join(dir, 'srn.safetensors'), join(dir, 'events.json')]]) {
        const read = JSON.parse(runScript('srn_forward.py', ...args)) as Record<string, number[][]>;
        model.layers.forEach((layer, g) => expectClose(read[ids[g]], act.map((layers) => layers[g]), 1e-12, `${args[0]}: ${ids[g]}`));
        const outputs = act.map((_, p) => networkGraph(model).outputs.flatMap((g) => read[ids[g]][p]));
        expectClose(outputs, engineOutputs(model), 1e-12, `${args[0]}: outputs`);
      }
    });

    it.skipIf(!hasScipy)(`${label}: scipy.io.loadmat reads the .mat, initial values and sequence starts included`, async () => {
      const arrays = modelArrays(build());
      const path = join(await mkdtemp(join(tmpdir(), 'bplab-srn-mat-')), 'srn.mat');
      await writeFile(path, mat5Bytes(arrays));
      const read = JSON.parse(runPython(`
import json, sys, numpy as np, scipy.io
m = scipy.io.loadmat(sys.argv[1])
print(json.dumps({k: [list(v.shape), np.ascontiguousarray(v).astype('<f8').tobytes().hex()] for k, v in m.items() if not k.startswith('__')}))`, [path])) as Record<string, unknown>;
      expect(Object.keys(read)).toContain('sequence_start');
      for (const array of arrays) expect(read[array.name], array.name).toEqual([array.shape.length === 1 ? [1, array.shape[0]] : array.shape, hex(array.data)]);
    });
  }
});

describe('safetensors and model.py of a recurrent network', () => {
  it('names the context → hidden projection’s module like the others; forward is one step, the new context returned after the outputs', () => {
    const model = shortTemporalXor();
    const { safetensors, modelPy } = exportTorch(model);
    const { tensors, metadata } = readSafetensors(safetensors);
    expect([...tensors.keys()]).toEqual(['input_to_hidden.weight', 'input_to_hidden.bias', 'context_to_hidden.weight', 'hidden_to_output.weight', 'hidden_to_output.bias']);
    expect(tensors.get('context_to_hidden.weight')).toEqual({ shape: [2, 2], data: Float64Array.from(model.state!.weights[1].flat()) });
    expect(JSON.parse(metadata.links)).toEqual([['hidden', 'context', 0.5]]);
    expect(JSON.parse(metadata.modules)).toEqual(['input_to_hidden', 'context_to_hidden', 'hidden_to_output']);
    expect(modelPy).toContain(`    def forward(self, h_input, h_context):
        h_hidden = torch.sigmoid(self.input_to_hidden(h_input) + self.context_to_hidden(h_context))
        h_output = torch.sigmoid(self.hidden_to_output(h_hidden))
        # after the outputs, the new context: h_context ← h_hidden
        return h_output, h_hidden

    def initial_context(self, rows=1):`);
    expect(modelPy).toContain('return (torch.full((rows, 2), 0.5, dtype=torch.float64),)');
    expect(modelPy).toContain('  context (2, linear) ← hidden at the event before (a copy; 0.5 at a sequence\'s start)');
    // The docstring says how to run a sequence: the initial context at each start, the returned context carried on.
    expect(modelPy).toContain(`        if t == 0 or starts[t]:   # a sequence's start: the context at its initial value
            (h_context,) = net.initial_context()
        h_output, h_context = net(x_input[t : t + 1], h_context)`);
  });

  it('with two contexts, takes them after the inputs and returns them after the outputs, in the links’ order', () => {
    const { modelPy } = exportTorch(elmanJordan());
    expect(modelPy).toContain('    def forward(self, h_cue, h_word, h_memory, h_echo):');
    expect(modelPy).toContain('        return h_guess, h_rating, h_state, h_guess\n');
    expect(modelPy).toContain('        h_guess, h_rating, h_memory, h_echo = net(x_cue[t : t + 1], x_word[t : t + 1], h_memory, h_echo)');
    expect(modelPy).toContain('return (torch.full((rows, 3), 0.0, dtype=torch.float64), torch.full((rows, 2), 0.25, dtype=torch.float64),)');
  });

  it.skipIf(!hasNumpy)('compiles with layer names that hold quotes and backslashes', async () => {
    const model = shortTemporalXor();
    model.layers = model.layers.map((layer, g) => (g === 0 ? { ...layer, name: 'the """ input \\ ' } : layer));
    const path = join(await mkdtemp(join(tmpdir(), 'bplab-srn-names-')), 'srn.py');
    await writeFile(path, exportTorch(model).modelPy);
    const compiled = spawnSync('python3', ['-m', 'py_compile', path], { encoding: 'utf8' });
    expect(compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
  });

  for (const [label, build] of cases) {
    it.skipIf(!hasNumpy)(`${label}: model.py compiles, and stepped through the sequence with resets it gives the engine’s outputs at every event to 1e-12`, async () => {
      const model = build();
      const dir = await mkdtemp(join(tmpdir(), 'bplab-srn-torch-'));
      const { safetensors, modelPy } = exportTorch(model);
      await writeFile(join(dir, 'srn net.safetensors'), safetensors);
      await writeFile(join(dir, 'srn net.py'), modelPy);
      await writeFile(join(dir, 'events.json'), JSON.stringify({ inputs: inputBlocks(model), starts: sequenceStarts(model), outputs: networkGraph(model).outputs.length }));
      const compiled = spawnSync('python3', ['-m', 'py_compile', join(dir, 'srn net.py')], { encoding: 'utf8' });
      expect(compiled.stderr).toBe('');
      expect(compiled.status).toBe(0);
      const ran = JSON.parse(runScript('run_model_py_steps.py', join(dir, 'srn net.py'), join(dir, 'events.json'))) as { name: string; outputs: number[][] };
      expect(ran.name).toBe(model.name);
      expectClose(ran.outputs, engineOutputs(model), 1e-12, 'outputs');
    });
  }
});

/**
 * The ONNX graph stepped through the training sequence, one event per run: the context at its initial value
 * at each sequence's start, else the next_h_<context> the step before returned.
 */
async function stepOnnx(model: ModelDocument, precision: OnnxPrecision): Promise<{ outputs: number[][]; session: InferenceSession }> {
  const session = await InferenceSession.create(onnxModelBytes(model, { precision }));
  const ids = layerIdentifiers(model.layers);
  const { inputs, outputs: outputLayers } = networkGraph(model);
  const links = model.links!;
  const tensor = (values: readonly number[]) => new Tensor(precision, precision === 'float64' ? Float64Array.from(values) : Float32Array.from(values), [1, values.length]);
  const blocks = inputBlocks(model);
  let context: number[][] = [];
  const outputs: number[][] = [];
  for (const [e, start] of sequenceStarts(model).entries()) {
    if (start) context = links.map((link) => new Array<number>(model.layers[link.to].units).fill(link.initial ?? 0));
    const feeds = Object.fromEntries([
      ...inputs.map((g, k) => [`h_${ids[g]}`, tensor(blocks[k][e])] as const),
      ...links.map((link, i) => [`h_${ids[link.to]}`, tensor(context[i])] as const),
    ]);
    const result = await session.run(feeds);
    outputs.push(outputLayers.flatMap((g) => Array.from(result[`h_${ids[g]}`].data as Float64Array | Float32Array)));
    context = links.map((link) => Array.from(result[`next_h_${ids[link.to]}`].data as Float64Array | Float32Array));
  }
  return { outputs, session };
}

describe('ONNX of a recurrent network in onnxruntime', () => {
  for (const [label, build] of cases) {
    it(`${label}: one step, the context an input and next_h_<context> an output; stepped through the sequence, float64 within 1e-12, float32 within 1e-5 × max(1, largest |net input|)`, async () => {
      const model = build();
      const ids = layerIdentifiers(model.layers);
      const { inputs, outputs } = networkGraph(model);
      const engine = engineOutputs(model);
      const double = await stepOnnx(model, 'float64');
      expect(double.session.inputNames).toEqual([...inputs.map((g) => `h_${ids[g]}`), ...model.links!.map((link) => `h_${ids[link.to]}`)]);
      expect(double.session.outputNames).toEqual([...outputs.map((g) => `h_${ids[g]}`), ...model.links!.map((link) => `next_h_${ids[link.to]}`)]);
      expectClose(double.outputs, engine, 1e-12, 'float64');
      const single = await stepOnnx(model, 'float32');
      expectClose(single.outputs, engine, 1e-5 * Math.max(1, largestNetInput(model)), 'float32');
    });
  }
});

describe('the formats for a recurrent network', () => {
  it('every format writes a recurrent network (the CSV tables too, the Lens .ex as one example per sequence)', () => {
    const model = shortTemporalXor();
    for (const format of MODEL_EXPORT_FORMAT_IDS) {
      if (GRAPH_EXPORT_FORMATS.has(format)) expect(exportModel(model, format, undefined, { appVersion: 'test' }).files.length, format).toBeGreaterThan(0);
      else expect(() => exportModel(model, format), format).toThrow(new RegExp(`^Temporal XOR \\(Elman 1990\\) is a recurrent network .*which the ${format} export does not write yet; npz, `));
    }
  });
});

describe('weights back from Python into a recurrent network', () => {
  for (const format of ['safetensors', 'npz'] as const) {
    it(`loads the Elman and Jordan network’s own ${format} into the untrained model: every projection, the contexts’ included, and the same outputs through time`, () => {
      const trained = elmanJordan();
      const bytes = exportFileContent(exportModel(trained, format).files[0]) as Uint8Array;
      const { model } = importWeights({ ...trained, state: null }, `w.${format}`, bytes);
      expect(model.state!.weights).toEqual(trained.state!.weights);
      expect(model.state!.biases).toEqual(trained.state!.biases);
      expect(engineOutputs(model)).toEqual(engineOutputs(trained));
    });
  }
});
