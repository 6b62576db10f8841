/**
 * The network as PyTorch sees it: one nn.Linear per projection, named `<from>_to_<to>` after its layers,
 * so the safetensors file's tensors are those modules' state dict (`<from>_to_<to>.weight`, out × in). A
 * layer's bias b_g is the `.bias` of the first projection into it (in the model's order); the layer's other
 * incoming projections have none, so n_g = b_g + Σ_p W_p h_from(p) as the engine sums it. model.py is a
 * torch.nn.Module whose forward is written out in the network's topological order — one argument per input
 * layer, one result per output layer (a tuple when there are several), each layer's activation — and that
 * loads the file with load_state_dict.
 *
 * A recurrent network's forward is one step (one event): after the inputs it takes one tensor per context
 * layer, and after the outputs it returns the new context, each context's source layer's activations
 * (c(t + 1) = h_from(t)); initial_context() gives the contexts' values at a sequence's start. The context
 * → hidden projection is an nn.Linear like the others; the copy itself has no weights.
 */
import type { ActivationName, ModelDocument } from '../../../model/schema';
import { exportNetwork, type ExportNetwork } from '../export-network';
import type { NamedArray } from '../model-arrays';

/** nn.Linear's name for each projection, in the model's order. */
export function linearModuleNames(model: ModelDocument, network: ExportNetwork = exportNetwork(model)): string[] {
  return moduleNames(network);
}

const moduleNames = (network: ExportNetwork) => network.projections.map(({ from, to }) => `${from}_to_${to}`);

/** Whether projection q carries its receiving layer's bias: it is the first projection into a layer that has one. */
const carriesBias = (network: ExportNetwork, q: number) => {
  const g = network.projections[q].toLayer;
  return network.biases[g] !== null && network.into[g][0] === q;
};

/** The state dict's tensors, float64, in the model's projection order. */
export function torchStateTensors(model: ModelDocument, network: ExportNetwork = exportNetwork(model)): NamedArray[] {
  const modules = moduleNames(network);
  return network.projections.flatMap(({ weights, rows, cols, toLayer }, q) => {
    const weight = { name: `${modules[q]}.weight`, shape: [rows, cols], data: weights };
    if (!carriesBias(network, q)) return [weight];
    return [weight, { name: `${modules[q]}.bias`, shape: [rows], data: network.biases[toLayer]! }];
  });
}

const TORCH_ACTIVATION: Record<ActivationName, (x: string) => string> = {
  linear: (x) => x,
  logistic: (x) => `torch.sigmoid(${x})`,
  tanh: (x) => `torch.tanh(${x})`,
  relu: (x) => `torch.relu(${x})`,
  softmax: (x) => `torch.softmax(${x}, dim=-1)`,
};

/** A Python string literal: JSON's escapes are Python's too. */
const pyString = (text: string) => JSON.stringify(text);

/** model.py for weights saved as `<this file's name>.safetensors` beside it. */
export function torchModelPy(model: ModelDocument, network: ExportNetwork = exportNetwork(model)): string {
  const { ids, layers, projections, contexts } = network;
  const modules = moduleNames(network);
  const variables = ids.map((id) => `h_${id}`);
  const isContext = (g: number) => contexts.some((c) => c.layer === g);
  const inputs = network.inputs.map((g) => variables[g]);
  const outputs = network.outputs.map((g) => variables[g]);
  const contextArguments = contexts.map((c) => variables[c.layer]);
  // The new context: each context layer's source, returned after the outputs.
  const results = [...outputs, ...contexts.map((c) => variables[c.source])];
  const describe = (g: number) => (layers[g].kind === 'input' ? `${layers[g].name} (${layers[g].units})` : `${layers[g].name} (${layers[g].units}, ${layers[g].activation})`);
  const feeds = (g: number) => {
    const context = contexts.find((c) => c.layer === g);
    if (context) return ` ← ${layers[context.source].name} at the event before (a copy; ${pyNumber(context.initial)} at a sequence's start)`;
    return network.into[g].length ? ` ← ${network.into[g].map((q) => layers[projections[q].fromLayer].name).join(' + ')}` : '';
  };
  const isChain = projections.every((p, q) => p.fromLayer === q && p.toLayer === q + 1);
  const structure = isChain
    ? layers.map((_, g) => describe(g)).join(' → ')
    : ['', ...layers.map((_, g) => `  ${describe(g)}${feeds(g)}`)].join('\n');
  const init = projections.map(({ fromLayer, toLayer }, q) =>
    `        self.${modules[q]} = nn.Linear(${layers[fromLayer].units}, ${layers[toLayer].units}, bias=${carriesBias(network, q) ? 'True' : 'False'}, dtype=torch.float64)`);
  const forward = network.order.filter((g) => layers[g].kind !== 'input' && !isContext(g)).map((g) => {
    const sum = network.into[g].map((q) => `self.${modules[q]}(${variables[projections[q].fromLayer]})`).join(' + ');
    return `        ${variables[g]} = ${TORCH_ACTIVATION[layers[g].activation](sum)}`;
  });
  const usage = contexts.length > 0 ? recurrentUsage(network, outputs, contextArguments) : chainUsage(model, network, outputs);
  const returns = contexts.length > 0
    ? `returns ${outputs.length === 1 ? 'the output layer\'s' : `one per output layer (${outputs.join(', ')})`} and then the new context, one per context layer
(${contexts.map((c) => `${variables[c.layer]} ← ${variables[c.source]}`).join(', ')}), all in a tuple.`
    : `returns ${outputs.length === 1 ? 'the output layer\'s' : `one per output layer (${outputs.join(', ')}), a tuple`}.`;
  const initialContext = contexts.length === 0 ? '' : `

    def initial_context(self, rows=1):
        """Each context layer's value at a sequence's start (${contextArguments.join(', ')}), a tuple; one row per sequence run side by side."""
        return (${contexts.map((c) => `torch.full((rows, ${layers[c.layer].units}), ${pyNumber(c.initial)}, dtype=torch.float64)`).join(', ')},)`;
  return `"""The network of a Backprop Lab model as a PyTorch module, with its weights in the .safetensors file beside
this one (same name). Written by Backprop Lab's export; edit freely. With this file saved as NAME.py:

${docstringText(usage)}

Layers: ${docstringText(structure)}
forward takes one tensor per input layer (${inputs.join(', ')})${contexts.length > 0 ? ` and one per context layer (${contextArguments.join(', ')})` : ''} and
${returns}
Activations are rows: one pattern per row, one unit per column; W is out × in (n = W h + b, summed over
the projections into a layer, the layer's bias held by the first of them).
"""
from pathlib import Path

import torch
from torch import nn
from safetensors.torch import load_file

MODEL_NAME = ${pyString(model.name)}


class Network(nn.Module):
    def __init__(self):
        super().__init__()
${init.join('\n')}

    def forward(self, ${[...inputs, ...contextArguments].join(', ')}):
${forward.join('\n')}${contexts.length > 0 ? `\n        # after the outputs, the new context: ${contexts.map((c) => `${variables[c.layer]} ← ${variables[c.source]}`).join(', ')}` : ''}
        return ${results.join(', ')}${initialContext}


def load(path=None):
    """The network with the exported weights (the .safetensors file named like this one, unless \`path\` says otherwise)."""
    net = Network()
    net.load_state_dict(load_file(str(path or Path(__file__).with_suffix(".safetensors"))))
    return net.eval()
`;
}

/** Text inside the docstring: its backslashes and closing quotes escaped. */
const docstringText = (text: string) => text.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"');

/** A float as Python writes it. */
const pyNumber = (x: number) => (Number.isInteger(x) ? x.toFixed(1) : String(x));

/** The docstring's example for a network without time: the first pattern through forward. */
function chainUsage(model: ModelDocument, network: ExportNetwork, outputs: string[]): string {
  const example = (g: number) => `torch.tensor([[${model.patterns[0].input.slice(inputOffset(network, g), inputOffset(network, g) + network.layers[g].units).map((x) => Number(x).toFixed(1)).join(', ')}]], dtype=torch.float64)`;
  const call = network.inputs.length === 1 ? example(network.inputs[0]) : `\n        ${network.inputs.map(example).join(',\n        ')},\n    `;
  return `    import NAME
    net = NAME.load()             # reads NAME.safetensors beside this file
    ${outputs.length === 1 ? 'outputs' : outputs.join(', ')} = net(${call})`;
}

/**
 * The docstring's example for a recurrent network: a sequence of events stepped through forward, the
 * context reset to its initial value at each sequence's start and carried from each step to the next.
 */
function recurrentUsage(network: ExportNetwork, outputs: string[], contextArguments: string[]): string {
  const { ids, layers } = network;
  const inputNames = network.inputs.map((g) => `x_${ids[g]}`);
  const arguments_ = [...inputNames.map((x) => `${x}[t : t + 1]`), ...contextArguments].join(', ');
  const unpacked = contextArguments.length === 1 ? `(${contextArguments[0]},)` : contextArguments.join(', ');
  return `    import torch
    import NAME
    net = NAME.load()             # reads NAME.safetensors beside this file
${network.inputs.map((g, k) => `    ${`${inputNames[k]} = ...`.padEnd(30)}# events × ${layers[g].units}: ${layers[g].name}'s input at each event, in order`).join('\n')}
    starts = ...                  # per event, whether it starts a sequence (the first event does;
                                  # in the .npz, sequence_start)
    steps = []
    for t in range(len(${inputNames[0]})):
        if t == 0 or starts[t]:   # a sequence's start: the context at its initial value
            ${unpacked} = net.initial_context()
        ${[...outputs, ...contextArguments].join(', ')} = net(${arguments_})
        steps.append(${outputs.length === 1 ? outputs[0] : `(${outputs.join(', ')})`})

Each step is one event: forward takes the inputs and the context, and returns the outputs and the new
context (the copied layers' activations), which the next event's call takes.`;
}

/** Where input layer g's units start in a pattern's input row. */
function inputOffset(network: ExportNetwork, g: number): number {
  let offset = 0;
  for (const input of network.inputs) {
    if (input === g) return offset;
    offset += network.layers[input].units;
  }
  return offset;
}
