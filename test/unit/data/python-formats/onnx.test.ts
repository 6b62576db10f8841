/**
 * The ONNX export run by onnxruntime (its Node package's bundled CPU build), every pattern of every model
 * through the graph and compared with the engine's forward pass: float64 within 1e-12, float32 within
 * 1e-5 × max(1, the largest |net input|). The protobuf writer's varints are checked against the wire
 * format's own examples.
 */
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { networkWithWeights, patternActivations } from '../../../../src-shared/data/export/activations';
import { ONNX_OPSET, onnxModelBytes, type OnnxPrecision } from '../../../../src-shared/data/export/onnx/onnx-model';
import { ProtoMessage, varint } from '../../../../src-shared/data/export/onnx/protobuf';
import type { ModelDocument } from '../../../../src-shared/model/schema';
import { awkwardNet, linearLogistic, trainedXor } from './models';

describe('protobuf', () => {
  it('writes varints as the wire format specifies (150 is 96 01) and past 2^32', () => {
    expect(Array.from(varint(0))).toEqual([0]);
    expect(Array.from(varint(1))).toEqual([1]);
    expect(Array.from(varint(150))).toEqual([0x96, 0x01]);
    expect(Array.from(varint(2 ** 35))).toEqual([0x80, 0x80, 0x80, 0x80, 0x80, 0x01]);
    expect(Array.from(new ProtoMessage().int(1, 150).encode())).toEqual([0x08, 0x96, 0x01]);
    expect(Array.from(new ProtoMessage().string(2, 'testing').encode())).toEqual([0x12, 0x07, ...new TextEncoder().encode('testing')]);
    expect(() => new ProtoMessage().int(1, -1)).toThrow(/not a non-negative integer/);
  });
});

/** Every pattern's output from onnxruntime, one batch, as rows. */
async function runOnnx(model: ModelDocument, precision: OnnxPrecision): Promise<{ outputs: number[][]; session: InferenceSession }> {
  const session = await InferenceSession.create(onnxModelBytes(model, { precision }));
  const inputs = model.patterns.flatMap((p) => p.input);
  const units = model.layers[0].units;
  const tensor = new Tensor(precision, precision === 'float64' ? Float64Array.from(inputs) : Float32Array.from(inputs), [model.patterns.length, units]);
  const result = await session.run({ [session.inputNames[0]]: tensor });
  const output = result[session.outputNames[0]];
  const width = output.dims[1];
  const data = Array.from(output.data as Float64Array | Float32Array);
  return { outputs: model.patterns.map((_, p) => data.slice(p * width, (p + 1) * width)), session };
}

/** The largest |net input| of any unit for any pattern: float32's error grows with it. */
function largestNetInput(model: ModelDocument): number {
  const network = networkWithWeights(model);
  let largest = 0;
  for (const pattern of model.patterns) {
    network.forward(pattern.input);
    for (const layer of network.net.slice(1)) for (const n of layer) largest = Math.max(largest, Math.abs(n));
  }
  return largest;
}

const cases: [string, () => ModelDocument][] = [['XOR', trainedXor], ['a deep net with tanh, ReLU, softmax and no bias', awkwardNet], ['a linear hidden layer', linearLogistic]];

describe(`ONNX (opset ${ONNX_OPSET}) in onnxruntime`, () => {
  for (const [label, build] of cases) {
    it(`float64: ${label} gives the engine’s outputs for every pattern within 1e-12`, async () => {
      const model = build();
      const { outputs, session } = await runOnnx(model, 'float64');
      expect(session.inputNames).toHaveLength(1);
      expect(session.outputNames).toHaveLength(1);
      const engine = patternActivations(model).map((layers) => layers[layers.length - 1]);
      expect(outputs.map((row) => row.length)).toEqual(engine.map((row) => row.length));
      outputs.forEach((row, p) => row.forEach((value, k) => expect(Math.abs(value - engine[p][k]), `pattern ${p}, unit ${k}`).toBeLessThanOrEqual(1e-12)));
    });

    it(`float32: ${label} within 1e-5 × max(1, largest |net input|)`, async () => {
      const model = build();
      const { outputs } = await runOnnx(model, 'float32');
      const tolerance = 1e-5 * Math.max(1, largestNetInput(model));
      const engine = patternActivations(model).map((layers) => layers[layers.length - 1]);
      outputs.forEach((row, p) => row.forEach((value, k) => expect(Math.abs(value - engine[p][k]), `pattern ${p}, unit ${k}`).toBeLessThanOrEqual(tolerance)));
    });
  }

  it('names the graph’s input and output after the layers, and states the precision in the metadata', async () => {
    const session = await InferenceSession.create(onnxModelBytes(awkwardNet(), { metadata: { model: 'awkward net' } }));
    expect(session.inputNames).toEqual(['h_L2_inputs']);
    expect(session.outputNames).toEqual(['h_out']);
    const bytes = Buffer.from(onnxModelBytes(awkwardNet(), { metadata: { model: 'awkward net' } })).toString('latin1');
    expect(bytes).toContain('precision\u0012\u0007float64');
    expect(bytes).toContain('model\u0012\u000bawkward net');
  });
});
