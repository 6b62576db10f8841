/**
 * The Python and MATLAB exports of graph networks (skips, several input and output layers): every array
 * and tensor read back bit for bit by the independent readers; numpy's forward pass from the .npz alone
 * (weights, biases, inputs and the topology from its provenance) and model.py's forward from the
 * safetensors file (run against a numpy stand-in for torch) give the graph engine's outputs to 1e-12;
 * onnxruntime runs the ONNX graph, one input and one output per layer, within 1e-12 in float64 and
 * 1e-5 × max(1, largest |net input|) in float32; scipy reads the .mat where it is installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { ExportError, exportFileContent, exportModel, exportProvenance, GRAPH_EXPORT_FORMATS, layerIdentifiers, MODEL_EXPORT_FORMAT_IDS, modelArrays, type ModelExportFormat } from '../../../../src-shared/data/export';
import { mat5Bytes } from '../../../../src-shared/data/export/matlab/mat5';
import { npzBytes } from '../../../../src-shared/data/export/numpy/npz';
import { onnxModelBytes, type OnnxPrecision } from '../../../../src-shared/data/export/onnx/onnx-model';
import { exportTorch } from '../../../../src-shared/data/export/safetensors';
import { GraphRun } from '../../../../src-shared/engine/graph/graph-run';
import { createRun } from '../../../../src-shared/engine/training-run';
import { createModel } from '../../../../src-shared/model/create';
import { networkGraph } from '../../../../src-shared/model/graph';
import type { ModelDocument } from '../../../../src-shared/model/schema';
import { hasNumpy, hasScipy, runPython } from '../../../support/python';
import { valid } from '../models';
import { graphXor, rumelhartGraph, twoHeads } from './graph-models';
import { readMat5, readNpy, readProtoFields, readSafetensors, readZip } from './independent-readers';

const support = (file: string) => fileURLToPath(new URL(`../../../support/python/${file}`, import.meta.url));
const hex = (data: Float64Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('hex');

const cases: [string, () => ModelDocument][] = [
  ['the 2-1-1 XOR (a skip)', graphXor],
  ['the Rumelhart network (two input layers)', rumelhartGraph],
  ['two input and two output layers, skips, an output feeding an output', twoHeads],
];

/** The graph engine's outputs per pattern (every output layer, concatenated), as `test` reports them. */
const engineOutputs = (model: ModelDocument) => createRun(model).testPass().patterns.map((p) => p.output);

/** Every layer's activations and net inputs per pattern, from the graph engine's own network. */
function engineLayers(model: ModelDocument): { act: number[][][]; largestNet: number } {
  const { network } = new GraphRun(model);
  let largestNet = 0;
  const act = model.patterns.map((pattern) => {
    network.forward(pattern.input);
    network.net.forEach((n, g) => {
      if (model.layers[g].kind !== 'input') for (const value of n) largestNet = Math.max(largestNet, Math.abs(value));
    });
    return network.act.map((h) => Array.from(h));
  });
  return { act, largestNet };
}

/** Each input layer's columns of the patterns' inputs, in layer order. */
function inputBlocks(model: ModelDocument): number[][][] {
  const { inputs } = networkGraph(model);
  let offset = 0;
  return inputs.map((g) => {
    const start = offset;
    offset += model.layers[g].units;
    return model.patterns.map((p) => p.input.slice(start, offset));
  });
}

function expectClose(actual: number[][], expected: number[][], tolerance: number, what: string) {
  expect(actual.map((row) => row.length), what).toEqual(expected.map((row) => row.length));
  actual.forEach((row, p) => row.forEach((value, k) => expect(Math.abs(value - expected[p][k]), `${what}: pattern ${p}, unit ${k}`).toBeLessThanOrEqual(tolerance)));
}

it('the test graphs are graphs, trained, with skips and several inputs and outputs among them', () => {
  const graphs = cases.map(([, build]) => build());
  for (const model of graphs) {
    expect(networkGraph(model).isChain).toBe(false);
    expect(model.state!.epoch).toBeGreaterThan(0);
  }
  expect(graphs.some((m) => m.projections!.some((p) => p.to - p.from > 1))).toBe(true);
  expect(graphs.some((m) => networkGraph(m).inputs.length > 1)).toBe(true);
  expect(graphs.some((m) => networkGraph(m).outputs.length > 1)).toBe(true);
});

describe('.npz and .mat of a graph', () => {
  it('names each projection W_<from>_<to> (out × in) in the model’s order, each bias after its layer, every layer’s activations', () => {
    const model = rumelhartGraph();
    const arrays = modelArrays(model);
    expect(arrays.map((a) => [a.name, a.shape])).toEqual([
      ['W_item_representation', [8, 8]], ['W_representation_hidden', [15, 8]], ['W_relation_hidden', [15, 4]], ['W_hidden_attributes', [26, 15]],
      ['b_representation', [8]], ['b_hidden', [15]], ['b_attributes', [26]],
      ['act_item', [32, 8]], ['act_relation', [32, 4]], ['act_representation', [32, 8]], ['act_hidden', [32, 15]], ['act_attributes', [32, 26]], ['targets', [32, 26]],
      ['curve_epoch', [5]], ['curve_tss', [5]], ['curve_fraction_correct', [5]],
    ]);
    const byName = new Map(arrays.map((a) => [a.name, a.data]));
    // The saved state's weights, projection by projection, and biases, layer by layer.
    model.state!.weights.forEach((rows, q) => {
      const { from, to } = model.projections![q];
      const ids = layerIdentifiers(model.layers);
      expect(Array.from(byName.get(`W_${ids[from]}_${ids[to]}`)!), `projection ${q}`).toEqual(rows.flat());
    });
    expect(Array.from(byName.get('b_hidden')!)).toEqual(model.state!.biases[1]);
  });

  for (const [label, build] of cases) {
    it(`${label}: activations are the graph engine’s, and the archive reads back bit for bit with an independent zip and .npy reader`, () => {
      const model = build();
      const arrays = modelArrays(model);
      const ids = layerIdentifiers(model.layers);
      const { act } = engineLayers(model);
      model.layers.forEach((_, g) => {
        expect(Array.from(arrays.find((a) => a.name === `act_${ids[g]}`)!.data), ids[g]).toEqual(act.flatMap((layers) => layers[g]));
      });
      expect(Array.from(arrays.find((a) => a.name === 'targets')!.data)).toEqual(model.patterns.flatMap((p) => p.target.map((t) => t ?? NaN)));
      const entries = readZip(npzBytes(arrays));
      expect([...entries.keys()]).toEqual(arrays.map((a) => `${a.name}.npy`));
      for (const array of arrays) {
        const read = readNpy(entries.get(`${array.name}.npy`)!);
        expect(read.shape, array.name).toEqual(array.shape);
        expect(hex(read.data), array.name).toBe(hex(array.data));
      }
      const variables = readMat5(mat5Bytes(arrays));
      for (const array of arrays) {
        const read = variables.get(array.name) as { shape: number[]; data: Float64Array };
        expect(read.shape, array.name).toEqual(array.shape.length === 1 ? [1, array.shape[0]] : array.shape);
        expect(hex(read.data), array.name).toBe(hex(array.data));
      }
    });

    it.skipIf(!hasNumpy)(`${label}: numpy’s forward pass from the .npz alone gives the engine’s activations and outputs to 1e-12`, async () => {
      const model = build();
      const dir = await mkdtemp(join(tmpdir(), 'bplab-graph-npz-'));
      const { files } = exportModel(model, 'npz', undefined, { appVersion: 'test' });
      await writeFile(join(dir, 'graph.npz'), exportFileContent(files[0]));
      const read = JSON.parse(runPython(`import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')`, [support('npz_forward.py'), join(dir, 'graph.npz')])) as Record<string, number[][]>;
      const ids = layerIdentifiers(model.layers);
      const { act } = engineLayers(model);
      model.layers.forEach((layer, g) => {
        if (layer.kind !== 'input') expectClose(read[ids[g]], act.map((layers) => layers[g]), 1e-12, ids[g]);
      });
      const outputs = model.patterns.map((_, p) => networkGraph(model).outputs.flatMap((g) => read[ids[g]][p]));
      expectClose(outputs, engineOutputs(model), 1e-12, 'outputs');
    });

    it.skipIf(!hasScipy)(`${label}: scipy.io.loadmat reads the .mat, every array, shape and bit`, async () => {
      const arrays = modelArrays(build());
      const path = join(await mkdtemp(join(tmpdir(), 'bplab-graph-mat-')), 'graph.mat');
      await writeFile(path, mat5Bytes(arrays));
      const read = JSON.parse(runPython(`
import json, sys, numpy as np, scipy.io
m = scipy.io.loadmat(sys.argv[1])
print(json.dumps({k: [list(v.shape), np.ascontiguousarray(v).astype('<f8').tobytes().hex()] for k, v in m.items() if not k.startswith('__')}))`, [path])) as Record<string, unknown>;
      for (const array of arrays) expect(read[array.name], array.name).toEqual([array.shape.length === 1 ? [1, array.shape[0]] : array.shape, hex(array.data)]);
    });
  }
});

describe('safetensors and model.py of a graph', () => {
  it('has one nn.Linear per projection, the layer’s bias on its first incoming one, and forward in topological order', () => {
    const model = twoHeads();
    const { safetensors, modelPy } = exportTorch(model);
    const { tensors, metadata } = readSafetensors(safetensors);
    expect([...tensors.keys()]).toEqual([
      'shared_to_category.weight', 'shared_to_category.bias', 'cue_to_shared.weight', 'cue_to_shared.bias', 'context_to_shared.weight',
      'context_to_gate.weight', 'cue_to_category.weight', 'shared_to_rating.weight', 'shared_to_rating.bias', 'gate_to_rating.weight', 'rating_to_category.weight',
    ]);
    const state = model.state!;
    expect(tensors.get('context_to_gate.weight')).toEqual({ shape: [2, 3], data: Float64Array.from(state.weights[3].flat()) });
    expect(tensors.get('shared_to_category.bias')).toEqual({ shape: [3], data: Float64Array.from(state.biases[2]) });
    expect(JSON.parse(metadata.projections)).toEqual([
      ['shared', 'category'], ['cue', 'shared'], ['context', 'shared'], ['context', 'gate'], ['cue', 'category'], ['shared', 'rating'], ['gate', 'rating'], ['rating', 'category'],
    ]);
    expect(JSON.parse(metadata.layers).map((l: { activation: string | null }) => l.activation)).toEqual([null, null, 'tanh', 'relu', 'softmax', 'logistic']);
    expect(modelPy).toContain('self.context_to_gate = nn.Linear(3, 2, bias=False, dtype=torch.float64)');
    expect(modelPy).toContain(`    def forward(self, h_cue, h_context):
        h_shared = torch.tanh(self.cue_to_shared(h_cue) + self.context_to_shared(h_context))
        h_gate = torch.relu(self.context_to_gate(h_context))
        h_rating = torch.sigmoid(self.shared_to_rating(h_shared) + self.gate_to_rating(h_gate))
        h_category = torch.softmax(self.shared_to_category(h_shared) + self.cue_to_category(h_cue) + self.rating_to_category(h_rating), dim=-1)
        return h_category, h_rating
`);
  });

  for (const [label, build] of cases) {
    it.skipIf(!hasNumpy)(`${label}: model.py compiles, and its forward from the safetensors file gives the engine’s outputs to 1e-12`, async () => {
      const model = build();
      const dir = await mkdtemp(join(tmpdir(), 'bplab-graph-torch-'));
      const { safetensors, modelPy } = exportTorch(model);
      await writeFile(join(dir, 'graph net.safetensors'), safetensors);
      await writeFile(join(dir, 'graph net.py'), modelPy);
      await writeFile(join(dir, 'inputs.json'), JSON.stringify({ inputs: inputBlocks(model) }));
      const compiled = spawnSync('python3', ['-m', 'py_compile', join(dir, 'graph net.py')], { encoding: 'utf8' });
      expect(compiled.stderr).toBe('');
      expect(compiled.status).toBe(0);
      const ran = JSON.parse(runPython(`import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')`, [support('run_model_py.py'), join(dir, 'graph net.py'), join(dir, 'inputs.json')])) as { name: string; outputs: number[][] };
      expect(ran.name).toBe(model.name);
      expectClose(ran.outputs, engineOutputs(model), 1e-12, 'outputs');
    });
  }
});

/** Every pattern through onnxruntime, one tensor per input layer; the outputs side by side in layer order. */
async function runOnnx(model: ModelDocument, precision: OnnxPrecision): Promise<{ outputs: number[][]; session: InferenceSession }> {
  const session = await InferenceSession.create(onnxModelBytes(model, { precision }));
  const blocks = inputBlocks(model);
  const feeds = Object.fromEntries(session.inputNames.map((name, k) => {
    const values = blocks[k].flat();
    return [name, new Tensor(precision, precision === 'float64' ? Float64Array.from(values) : Float32Array.from(values), [model.patterns.length, blocks[k][0].length])];
  }));
  const result = await session.run(feeds);
  const outputs = model.patterns.map((_, p) => session.outputNames.flatMap((name) => {
    const tensor = result[name];
    const width = tensor.dims[1];
    return Array.from((tensor.data as Float64Array | Float32Array).subarray(p * width, (p + 1) * width));
  }));
  return { outputs, session };
}

describe('ONNX of a graph in onnxruntime', () => {
  for (const [label, build] of cases) {
    it(`${label}: one input and one output per layer; float64 within 1e-12 of the engine, float32 within 1e-5 × max(1, largest |net input|)`, async () => {
      const model = build();
      const ids = layerIdentifiers(model.layers);
      const { inputs, outputs } = networkGraph(model);
      const engine = engineOutputs(model);
      const double = await runOnnx(model, 'float64');
      expect(double.session.inputNames).toEqual(inputs.map((g) => `h_${ids[g]}`));
      expect(double.session.outputNames).toEqual(outputs.map((g) => `h_${ids[g]}`));
      expectClose(double.outputs, engine, 1e-12, 'float64');
      const single = await runOnnx(model, 'float32');
      expectClose(single.outputs, engine, 1e-5 * Math.max(1, engineLayers(model).largestNet), 'float32');
    });
  }

  it('sums a layer’s projections with Add nodes', () => {
    // ModelProto.graph (7) → GraphProto.node (1) → NodeProto.op_type (4), read by the independent protobuf reader.
    const graph = readProtoFields(readProtoFields(onnxModelBytes(twoHeads())).get(7)![0] as Uint8Array);
    const ops = graph.get(1)!.map((node) => new TextDecoder().decode(readProtoFields(node as Uint8Array).get(4)![0] as Uint8Array));
    expect(ops.filter((op) => op === 'Add')).toHaveLength(4); // shared 1, rating 1, category 2
    expect(ops.filter((op) => op === 'Gemm')).toHaveLength(8);
    expect(ops.filter((op) => !['Add', 'Gemm'].includes(op))).toEqual(['Tanh', 'Relu', 'Sigmoid', 'Softmax']);
  });
});

describe('the formats for a graph', () => {
  it('refuses two projections whose W_<from>_<to> names would be the same, naming both', () => {
    const model = createModel({
      name: 'clash', description: '',
      layers: [
        { kind: 'input', name: 'a', units: 1, activation: 'linear', bias: false },
        { kind: 'input', name: 'a b', units: 1, activation: 'linear', bias: false },
        { kind: 'output', name: 'b c', units: 1, activation: 'logistic', bias: true },
        { kind: 'output', name: 'c', units: 1, activation: 'logistic', bias: true },
      ],
      projections: [{ from: 0, to: 2 }, { from: 1, to: 3 }],
      patterns: [{ name: 'p', input: [1, 0], target: [1, 0] }],
    });
    expect(networkGraph(valid(model)).isChain).toBe(false);
    for (const format of ['npz', 'safetensors', 'onnx', 'mat'] as const) {
      expect(() => exportModel(model, format), format).toThrow(new ExportError('the projections a → b c and a b → c would both be named W_a_b_c: rename one of these layers'));
    }
  });

  it('states the layers (input layers without an activation) and the projections in the provenance', () => {
    const provenance = exportProvenance(rumelhartGraph(), 'npz', { appVersion: 'test' });
    expect(provenance.layers.map((l) => [l.identifier, l.activation, l.bias])).toEqual([
      ['item', null, false], ['relation', null, false], ['representation', 'logistic', true], ['hidden', 'logistic', true], ['attributes', 'logistic', true],
    ]);
    expect(provenance.projections).toEqual([
      { from: 'item', to: 'representation' }, { from: 'representation', to: 'hidden' }, { from: 'relation', to: 'hidden' }, { from: 'hidden', to: 'attributes' },
    ]);
  });

  it('npz, npy, safetensors, ONNX and .mat export a graph, as every other format does', () => {
    const model = graphXor();
    const writes: ModelExportFormat[] = ['npz', 'npy', 'safetensors', 'onnx', 'onnx-float32', 'mat'];
    for (const format of writes) expect(GRAPH_EXPORT_FORMATS.has(format), format).toBe(true);
    for (const format of MODEL_EXPORT_FORMAT_IDS) {
      if (GRAPH_EXPORT_FORMATS.has(format)) expect(exportModel(model, format, undefined, { appVersion: 'test' }).files.length, format).toBeGreaterThan(0);
      else expect(() => exportModel(model, format), format).toThrow(new RegExp(`^XOR with one hidden unit \\(2-1-1\\) is a graph network .*which the ${format} export does not write yet; npz, `));
    }
  });
});
