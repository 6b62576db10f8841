"""A network's forward pass in numpy from an exported .npz alone: the layers (identifier, activation) and
the projections come from the provenance.json inside it, the weights W_<from>_<to> and biases b_<layer>
from its arrays, the inputs from act_<input layer>. The topological order is worked out here, not read
from the writer; each layer's net input is its bias plus the sum of W h over the projections into it.
Prints every layer's activations, by identifier, as JSON.

usage: python3 npz_forward.py MODEL.npz
"""
import json
import sys

import numpy as np

FUNCTIONS = {
    "linear": lambda n: n,
    "logistic": lambda n: 1.0 / (1.0 + np.exp(-n)),
    "tanh": np.tanh,
    "relu": lambda n: np.maximum(n, 0.0),
}


def softmax(n):
    e = np.exp(n - n.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


FUNCTIONS["softmax"] = softmax

with np.load(sys.argv[1]) as z:
    provenance = json.loads(z["provenance.json"])
    layers = provenance["layers"]
    projections = [(p["from"], p["to"]) for p in provenance["projections"]]
    h = {}
    for layer in layers:
        if layer["activation"] is None:
            h[layer["identifier"]] = z["act_" + layer["identifier"]]
    remaining = [layer for layer in layers if layer["activation"] is not None]
    while remaining:
        ready = [layer for layer in remaining if all(src in h for src, dst in projections if dst == layer["identifier"])]
        if not ready:
            raise ValueError("the projections form a cycle")
        for layer in ready:
            g = layer["identifier"]
            n = np.zeros((len(next(iter(h.values()))), layer["units"]))
            if layer["bias"]:
                n = n + z["b_" + g]
            for src, dst in projections:
                if dst == g:
                    n = n + h[src] @ z[f"W_{src}_{dst}"].T
            h[g] = FUNCTIONS[layer["activation"]](n)
            remaining.remove(layer)
print(json.dumps({name: values.tolist() for name, values in h.items()}))
