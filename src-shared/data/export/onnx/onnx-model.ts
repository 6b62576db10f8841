/**
 * The trained network as an ONNX inference graph (opset 13, IR version 7): one Gemm per projection
 * (h Wᵀ, transB = 1, with W stored out × in as the engine holds it, named W_<from>_<to> and b_<layer> as in
 * the .npz; the layer's bias b_g goes into the Gemm of its first incoming projection), Add nodes summing a
 * layer's projections in the model's order (n_g = b_g + Σ_p W_p h_from(p)), then each layer's activation —
 * Sigmoid, Tanh, Relu, Softmax over the units, or Identity for linear — in the network's topological order.
 * One graph input h_<layer> per input layer and one graph output per output layer, each a batch of
 * patterns, one per row. float64 unless float32 is asked for, when the weights are rounded to float32 and
 * so is everything the runtime computes.
 *
 * A recurrent network's graph is one step (one event): each context layer is a graph input h_<context>
 * after the input layers, and its new value — its source layer's activations, c(t + 1) = h_from(t) — a
 * graph output next_h_<context> (an Identity of h_<source>) after the output layers. A sequence runs by
 * feeding each step's next_h_<context> to the next, starting from the link's initial value.
 */
import type { ActivationName, ModelDocument } from '../../../model/schema';
import { exportNetwork } from '../export-network';
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
  const network = exportNetwork(model);
  const { ids, layers, projections } = network;
  const elementType = ELEMENT_TYPE[precision];
  const graph = new ProtoMessage();
  const nodes: ProtoMessage[] = [];
  const initializers: ProtoMessage[] = [];
  const isContext = (g: number) => network.contexts.some((c) => c.layer === g);
  for (const g of network.order) {
    if (layers[g].kind === 'input' || isContext(g)) continue;
    const to = ids[g];
    const into = network.into[g];
    const bias = network.biases[g];
    if (bias) initializers.push(tensor(`b_${to}`, [bias.length], bias, precision));
    // One projection: its Gemm gives n_g. Several: each its product (named by the projection's index, as
    // no layer's value is: those are h_, n_, W_ and b_), summed left to right into n_g.
    const terms = into.map((q, k) => {
      const { from, rows, cols, weights } = projections[q];
      const name = `W_${from}_${to}`;
      initializers.push(tensor(name, [rows, cols], weights, precision));
      const product = into.length === 1 ? `n_${to}` : `product_${q}`;
      nodes.push(node('Gemm', into.length === 1 ? `net_input_${to}` : `projection_${q}`, [`h_${from}`, name, ...(bias && k === 0 ? [`b_${to}`] : [])], [product], [['transB', 1]]));
      return product;
    });
    let sum = terms[0];
    for (let k = 1; k < terms.length; k++) {
      const next = k === terms.length - 1 ? `n_${to}` : `partial_${g}_${k}`;
      nodes.push(node('Add', `sum_${g}_${k}`, [sum, terms[k]], [next], []));
      sum = next;
    }
    const activation = layers[g].activation;
    nodes.push(node(OPERATOR[activation], `activation_${to}`, [`n_${to}`], [`h_${to}`], activation === 'softmax' ? [['axis', 1]] : []));
  }
  // No layer's value starts with next_ (those are h_, n_, W_, b_, product_ and partial_).
  for (const { layer, source } of network.contexts) nodes.push(node('Identity', `copy_${ids[layer]}`, [`h_${ids[source]}`], [`next_h_${ids[layer]}`], []));
  graph.string(2, model.name || 'network');
  for (const message of nodes) graph.message(1, message);
  for (const message of initializers) graph.message(5, message);
  for (const g of network.inputs) graph.message(11, valueInfo(`h_${ids[g]}`, elementType, layers[g].units));
  for (const { layer } of network.contexts) graph.message(11, valueInfo(`h_${ids[layer]}`, elementType, layers[layer].units));
  for (const g of network.outputs) graph.message(12, valueInfo(`h_${ids[g]}`, elementType, layers[g].units));
  for (const { layer } of network.contexts) graph.message(12, valueInfo(`next_h_${ids[layer]}`, elementType, layers[layer].units));

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
