/**
 * The network as PyTorch sees it: one nn.Linear per projection, named `<from>_to_<to>` after its layers,
 * so the safetensors file's tensors are that module's state dict (`<from>_to_<to>.weight`, out × in, and
 * `.bias` where the receiving layer has one); and model.py, a torch.nn.Module whose forward is written
 * out in the network's order, with each layer's activation, that loads the file with load_state_dict.
 */
import type { ActivationName, ModelDocument } from '../../../model/schema';
import { networkWithWeights } from '../activations';
import { layerIdentifiers, projectionNames } from '../array-names';
import type { NamedArray } from '../model-arrays';

/** nn.Linear's name for projection W^j. */
export function linearModuleNames(model: ModelDocument): string[] {
  return projectionNames(model.layers).map(({ from, to }) => `${from}_to_${to}`);
}

/** The state dict's tensors, float64, in the network's order. */
export function torchStateTensors(model: ModelDocument): NamedArray[] {
  const network = networkWithWeights(model);
  const modules = linearModuleNames(model);
  return modules.flatMap((module, j) => {
    const weight = { name: `${module}.weight`, shape: [network.sizes[j + 1], network.sizes[j]], data: Float64Array.from(network.weights[j]) };
    if (!model.layers[j + 1].bias) return [weight];
    return [weight, { name: `${module}.bias`, shape: [network.sizes[j + 1]], data: Float64Array.from(network.biases[j]) }];
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
export function torchModelPy(model: ModelDocument): string {
  const ids = layerIdentifiers(model.layers);
  const modules = linearModuleNames(model);
  const variables = ids.map((id) => `h_${id}`);
  const chain = model.layers.map((layer, j) => (j === 0 ? `${layer.name} (${layer.units})` : `${layer.name} (${layer.units}, ${layer.activation})`)).join(' → ');
  const init = modules.map((module, j) =>
    `        self.${module} = nn.Linear(${model.layers[j].units}, ${model.layers[j + 1].units}, bias=${model.layers[j + 1].bias ? 'True' : 'False'}, dtype=torch.float64)`);
  const forward = modules.map((module, j) => `        ${variables[j + 1]} = ${TORCH_ACTIVATION[model.layers[j + 1].activation](`self.${module}(${variables[j]})`)}`);
  return `"""The network of a Backprop Lab model as a PyTorch module, with its weights in the .safetensors file beside
this one (same name). Written by Backprop Lab's export; edit freely. With this file saved as NAME.py:

    import NAME
    net = NAME.load()             # reads NAME.safetensors beside this file
    outputs = net(torch.tensor([[${model.patterns[0].input.map((x) => Number(x).toFixed(1)).join(', ')}]], dtype=torch.float64))

Layers: ${chain.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"')}
Activations are rows: one pattern per row, one unit per column; W is out × in (n = W h + b).
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

    def forward(self, ${variables[0]}):
${forward.join('\n')}
        return ${variables[variables.length - 1]}


def load(path=None):
    """The network with the exported weights (the .safetensors file named like this one, unless \`path\` says otherwise)."""
    net = Network()
    net.load_state_dict(load_file(str(path or Path(__file__).with_suffix(".safetensors"))))
    return net.eval()
`;
}
