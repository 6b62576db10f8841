/**
 * The PyTorch export: safetensors read back by an independent reader (the tensors are the engine's weights,
 * bit for bit, named as model.py's nn.Linear modules); model.py compiles with python3, and — run against a
 * numpy stand-in for torch that reads the safetensors file itself — its forward pass gives the engine's
 * outputs for every pattern to 1e-12.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { networkWithWeights, patternActivations } from '../../../../src-shared/data/export/activations';
import { exportTorch, safetensorsBytes } from '../../../../src-shared/data/export/safetensors';
import type { ModelDocument } from '../../../../src-shared/model/schema';
import { hasNumpy, runPython } from '../../../support/python';
import { readSafetensors } from './independent-readers';
import { awkwardNet, linearLogistic, trainedXor } from './models';

const RUN_MODEL_PY = fileURLToPath(new URL('../../../support/python/run_model_py.py', import.meta.url));

describe('safetensors', () => {
  it('pads the header with spaces to 8 bytes and packs the tensors back to back', () => {
    const bytes = safetensorsBytes([{ name: 'a', shape: [3], data: Float64Array.from([1, 2, 3]) }, { name: 'b', shape: [1, 1], data: Float64Array.from([-0.5]) }], { k: 'v' });
    const { tensors, metadata, headerLength } = readSafetensors(bytes);
    expect(headerLength % 8).toBe(0);
    expect(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))).toMatch(/^\{"__metadata__":\{"k":"v"\},"a":\{"dtype":"F64","shape":\[3\],"data_offsets":\[0,24\]\},"b":.*\} *$/);
    expect(metadata).toEqual({ k: 'v' });
    expect(tensors.get('b')).toEqual({ shape: [1, 1], data: Float64Array.from([-0.5]) });
  });

  it('names the tensors as model.py names its modules, holds the engine’s weights bit for bit, and says what the layers are', () => {
    const model = awkwardNet();
    const network = networkWithWeights(model);
    const { tensors, metadata } = readSafetensors(exportTorch(model, { app: 'test' }).safetensors);
    expect([...tensors.keys()]).toEqual([
      'L2_inputs_to_hidden_layer_1.weight', 'L2_inputs_to_hidden_layer_1.bias',
      'hidden_layer_1_to_hidden_layer_2.weight',
      'hidden_layer_2_to_out.weight', 'hidden_layer_2_to_out.bias',
    ]);
    expect(tensors.get('L2_inputs_to_hidden_layer_1.weight')).toEqual({ shape: [4, 3], data: network.weights[0] });
    expect(tensors.get('hidden_layer_2_to_out.bias')).toEqual({ shape: [2], data: network.biases[2] });
    expect(metadata.format).toBe('pt');
    expect(metadata.app).toBe('test');
    expect(JSON.parse(metadata.layers)).toEqual([
      { name: 'L2_inputs', units: 3, activation: null, bias: false },
      { name: 'hidden_layer_1', units: 4, activation: 'tanh', bias: true },
      { name: 'hidden_layer_2', units: 3, activation: 'relu', bias: false },
      { name: 'out', units: 2, activation: 'softmax', bias: true },
    ]);
  });

  it('writes forward in the network’s order with each layer’s activation', () => {
    const py = exportTorch(awkwardNet()).modelPy;
    expect(py).toContain('self.hidden_layer_1_to_hidden_layer_2 = nn.Linear(4, 3, bias=False, dtype=torch.float64)');
    expect(py).toMatch(/def forward\(self, h_L2_inputs\):\n {8}h_hidden_layer_1 = torch\.tanh\(self\.L2_inputs_to_hidden_layer_1\(h_L2_inputs\)\)\n {8}h_hidden_layer_2 = torch\.relu\(.*\n {8}h_out = torch\.softmax\(self\.hidden_layer_2_to_out\(h_hidden_layer_2\), dim=-1\)\n {8}return h_out\n/);
  });

  const cases: [string, () => ModelDocument][] = [['XOR', trainedXor], ['a deep net with tanh, ReLU, softmax and no bias', awkwardNet], ['a linear hidden layer', linearLogistic]];
  for (const [label, build] of cases) {
    it.skipIf(!hasNumpy)(`model.py compiles and, for ${label}, its forward from the safetensors file gives the engine’s outputs to 1e-12`, async () => {
      const model = build();
      const dir = await mkdtemp(join(tmpdir(), 'bplab-torch-'));
      const { safetensors, modelPy } = exportTorch(model);
      await writeFile(join(dir, 'my net.safetensors'), safetensors);
      await writeFile(join(dir, 'my net.py'), modelPy);
      await writeFile(join(dir, 'inputs.json'), JSON.stringify(model.patterns.map((p) => p.input)));
      const compiled = spawnSync('python3', ['-m', 'py_compile', join(dir, 'my net.py')], { encoding: 'utf8' });
      expect(compiled.stderr).toBe('');
      expect(compiled.status).toBe(0);
      const ran = JSON.parse(runPython(`import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')`, [RUN_MODEL_PY, join(dir, 'my net.py'), join(dir, 'inputs.json')])) as { name: string; outputs: number[][] };
      expect(ran.name).toBe(model.name);
      const engine = patternActivations(model).map((layers) => layers[layers.length - 1]);
      expect(ran.outputs).toHaveLength(engine.length);
      ran.outputs.forEach((row, p) => row.forEach((value, k) => expect(Math.abs(value - engine[p][k]), `pattern ${p}, unit ${k}`).toBeLessThanOrEqual(1e-12)));
    });
  }
});
