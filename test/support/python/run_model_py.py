"""Runs an exported model.py without PyTorch (which these machines cannot install): the small stand-in for
torch, torch.nn and safetensors.torch built on numpy beside this file (torch_standin.py), whose load_file
reads the safetensors file from its specification (struct + json + numpy.frombuffer, sharing nothing with
the writer). Loads the network the
way model.py says to, runs every input through its forward, and prints the outputs and the file's metadata
as JSON.

usage: python3 run_model_py.py MODEL.py INPUTS.json   (the .safetensors beside MODEL.py, same name)

INPUTS.json is one matrix (patterns × units) for a network with one input layer, or {"inputs": [...]},
one such matrix per input layer in layer order, passed to forward as separate arguments. A forward that
returns a tuple (several output layers) is printed as its parts side by side, in the order returned.
"""
import importlib.util
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_standin import read_safetensors  # noqa: E402  (installs the stand-in for torch)

model_path, inputs_path = sys.argv[1], sys.argv[2]
spec = importlib.util.spec_from_file_location("exported_model", model_path)
exported = importlib.util.module_from_spec(spec)
spec.loader.exec_module(exported)
net = exported.load()
with open(inputs_path) as f:
    given = json.load(f)
inputs = [np.asarray(m, dtype=np.float64) for m in given["inputs"]] if isinstance(given, dict) else [np.asarray(given, dtype=np.float64)]
result = net(*inputs)
outputs = np.concatenate(result, axis=1) if isinstance(result, tuple) else result
_, metadata = read_safetensors(model_path[: -len(".py")] + ".safetensors")
print(json.dumps({"name": exported.MODEL_NAME, "outputs": outputs.tolist(), "metadata": metadata}))
