/**
 * The trained network as an ONNX inference graph (opset 13, IR version 7): one Gemm per projection
 * (n = h Wᵀ + b, transB = 1, with W stored out × in as the engine holds it, named W_<from>_<to> and
 * b_<layer> as in the .npz), then each layer's activation — Sigmoid, Tanh, Relu, Softmax over the units, or
 * Identity for linear. Input and output are batches of patterns, one per row. float64 unless float32 is
 * asked for, when the weights are rounded to float32 and so is everything the runtime computes.
 */
import type { ActivationName, ModelDocument } from '../../../model/schema';
import { networkWithWeights } from '../activations';
import { layerIdentifiers, projectionNames } from '../array-names';
import { ProtoMessage } from './protobuf';

export const ONNX_OPSET = 13;
/** The IR version that goes with opset 13 (ONNX 1.8). */
export const ONNX_IR_VERSION = 7;

export type OnnxPrecision = 'float64' | 'float32';

/** TensorProto.DataType. */
const ELEMENT_TYPE: Record<OnnxPrecision, number> = { float32: 1, float64: 11 };
/** AttributeProto.AttributeType. */
const ATTRIBUTE_INT = 2;

const OPERATOR: Record<ActivationName, string> = { linear: 'Identity', logistic: 'Sigmoid', tanh: 'Tanh', relu: 'Relu', softmax: 'Softmax' };

/** The batch dimension's name: any number of patterns. */
const BATCH = 'patterns';

export interface OnnxOptions {
  precision?: OnnxPrecision;
  /** Strings for the model's metadata_props (the provenance). */
  metadata?: Record<string, string>;
  producerVersion?: string;
}

export function onnxModelBytes(model: ModelDocument, { precision = 'float64', metadata = {}, producerVersion = '' }: OnnxOptions = {}): Uint8Array {
  const network = networkWithWeights(model);
  const ids = layerIdentifiers(model.layers);
  const elementType = ELEMENT_TYPE[precision];
  const graph = new ProtoMessage();
  const nodes: ProtoMessage[] = [];
  const initializers: ProtoMessage[] = [];
  for (const { index: j, from, to } of projectionNames(model.layers)) {
    const weights = `W_${from}_${to}`;
    initializers.push(tensor(weights, [network.sizes[j + 1], network.sizes[j]], network.weights[j], precision));
    const gemmInputs = [`h_${from}`, weights];
    if (model.layers[j + 1].bias) {
      gemmInputs.push(`b_${to}`);
      initializers.push(tensor(`b_${to}`, [network.sizes[j + 1]], network.biases[j], precision));
    }
    nodes.push(node('Gemm', `net_input_${to}`, gemmInputs, [`n_${to}`], [['transB', 1]]));
    const activation = model.layers[j + 1].activation;
    nodes.push(node(OPERATOR[activation], `activation_${to}`, [`n_${to}`], [`h_${to}`], activation === 'softmax' ? [['axis', 1]] : []));
  }
  graph.string(2, model.name || 'network');
  for (const message of nodes) graph.message(1, message);
  for (const message of initializers) graph.message(5, message);
  graph.message(11, valueInfo(`h_${ids[0]}`, elementType, model.layers[0].units));
  graph.message(12, valueInfo(`h_${ids[ids.length - 1]}`, elementType, model.layers[ids.length - 1].units));

  const onnx = new ProtoMessage().int(1, ONNX_IR_VERSION).string(2, 'Backprop Lab');
  if (producerVersion) onnx.string(3, producerVersion);
  onnx.message(7, graph).message(8, new ProtoMessage().string(1, '').int(2, ONNX_OPSET));
  for (const [name, value] of Object.entries({ precision, ...metadata })) onnx.message(14, new ProtoMessage().string(1, name).string(2, value));
  return onnx.encode();
}

function node(opType: string, name: string, inputs: string[], outputs: string[], attributes: [string, number][]): ProtoMessage {
  const message = new ProtoMessage();
  for (const input of inputs) message.string(1, input);
  for (const output of outputs) message.string(2, output);
  message.string(3, name).string(4, opType);
  for (const [attribute, value] of attributes) message.message(5, new ProtoMessage().string(1, attribute).int(3, value).int(20, ATTRIBUTE_INT));
  return message;
}

function tensor(name: string, dims: number[], values: Float64Array, precision: OnnxPrecision): ProtoMessage {
  const message = new ProtoMessage();
  for (const dim of dims) message.int(1, dim);
  message.int(2, ELEMENT_TYPE[precision]).string(8, name);
  const raw = precision === 'float64' ? new Uint8Array(8 * values.length) : new Uint8Array(4 * values.length);
  const view = new DataView(raw.buffer);
  values.forEach((value, i) => (precision === 'float64' ? view.setFloat64(8 * i, value, true) : view.setFloat32(4 * i, value, true)));
  return message.bytes(9, raw);
}

/** A [patterns × units] tensor of the given element type. */
function valueInfo(name: string, elementType: number, units: number): ProtoMessage {
  const shape = new ProtoMessage().message(1, new ProtoMessage().string(2, BATCH)).message(1, new ProtoMessage().int(1, units));
  const tensorType = new ProtoMessage().int(1, elementType).message(2, shape);
  return new ProtoMessage().string(1, name).message(2, new ProtoMessage().message(1, tensorType));
}
