"""A recurrent network run through a sequence in numpy, written here and not generated: the weights from an
exported .npz or .safetensors file, the topology (layers, projections, copy links) from the file's own
description of it, and each event computed from the context the event before left. At an event that
starts a sequence every context layer takes its link's initial value; after each event it takes a copy of
its source layer's activations. The layers run in a topological order worked out here (the context
layers, like the input layers, are given, not computed). Prints every layer's activations at every event,
by identifier, as JSON.

usage: python3 srn_forward.py MODEL.npz
       python3 srn_forward.py MODEL.safetensors EVENTS.json

From the .npz: layers, projections and links from its provenance.json, W_<from>_<to>, b_<layer> and
initial_<context> from its arrays, the inputs from act_<input layer> and the sequence starts from
sequence_start. From the safetensors file: layers, projections and links from its __metadata__, the
weights and biases from the tensors <from>_to_<to>.weight and .bias (read from the format's specification),
and EVENTS.json gives {"inputs": [one events × units matrix per input layer], "starts": [0 or 1 per event]}.
"""
import json
import struct
import sys

import numpy as np

FUNCTIONS = {
    "linear": lambda n: n,
    "logistic": lambda n: 1.0 / (1.0 + np.exp(-n)),
    "tanh": np.tanh,
    "relu": lambda n: np.maximum(n, 0.0),
    "softmax": lambda n: np.exp(n - n.max()) / np.exp(n - n.max()).sum(),
}


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (length,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + length])
    metadata = header.pop("__metadata__")
    data = raw[8 + length :]
    tensors = {name: np.frombuffer(data[t["data_offsets"][0] : t["data_offsets"][1]], dtype="<f8").reshape(t["shape"]) for name, t in header.items()}
    return tensors, metadata


def from_npz(path):
    with np.load(path) as z:
        provenance = json.loads(z["provenance.json"])
        layers = provenance["layers"]
        projections = [(p["from"], p["to"]) for p in provenance["projections"]]
        links = [(l["from"], l["to"]) for l in provenance["links"]]
        weights = {(src, dst): z[f"W_{src}_{dst}"] for src, dst in projections}
        biases = {l["identifier"]: z["b_" + l["identifier"]] for l in layers if l["bias"]}
        initial = {dst: z["initial_" + dst] for src, dst in links}
        for src, dst in links:
            given = [l["initial"] for l in provenance["links"] if l["to"] == dst][0]
            if not np.all(initial[dst] == given):
                raise ValueError(f"initial_{dst} is not the provenance's initial value {given}")
        inputs = {l["identifier"]: z["act_" + l["identifier"]] for l in layers if l["activation"] is None}
        starts = z["sequence_start"]
    return layers, projections, links, weights, biases, initial, inputs, starts


def from_safetensors(path, events_path):
    tensors, metadata = read_safetensors(path)
    layers = [{"identifier": l["name"], **l} for l in json.loads(metadata["layers"])]
    projections = [tuple(p) for p in json.loads(metadata["projections"])]
    raw_links = json.loads(metadata["links"])
    links = [(src, dst) for src, dst, _ in raw_links]
    units = {l["identifier"]: l["units"] for l in layers}
    initial = {dst: np.full(units[dst], value) for src, dst, value in raw_links}
    weights = {(src, dst): tensors[f"{src}_to_{dst}.weight"] for src, dst in projections}
    biases = {}
    for src, dst in projections:
        if f"{src}_to_{dst}.bias" in tensors:
            if dst in biases:
                raise ValueError(f"two biases for {dst}")
            biases[dst] = tensors[f"{src}_to_{dst}.bias"]
    with open(events_path) as f:
        events = json.load(f)
    given = [l["identifier"] for l in layers if l["activation"] is None]
    inputs = {g: np.asarray(m, dtype=np.float64) for g, m in zip(given, events["inputs"])}
    return layers, projections, links, weights, biases, initial, inputs, np.asarray(events["starts"])


if sys.argv[1].endswith(".npz"):
    layers, projections, links, weights, biases, initial, inputs, starts = from_npz(sys.argv[1])
else:
    layers, projections, links, weights, biases, initial, inputs, starts = from_safetensors(sys.argv[1], sys.argv[2])

contexts = [dst for src, dst in links]
given = set(inputs) | set(contexts)
order, remaining = [], [l for l in layers if l["identifier"] not in given]
while remaining:
    ready = [l for l in remaining if all(src in given or src in [o["identifier"] for o in order] for src, dst in projections if dst == l["identifier"])]
    if not ready:
        raise ValueError("the projections form a cycle")
    order.extend(ready)
    remaining = [l for l in remaining if l not in ready]

events = len(starts)
record = {l["identifier"]: [] for l in layers}
context = {}
for t in range(events):
    h = {g: inputs[g][t] for g in inputs}
    if t == 0 or starts[t]:
        context = {dst: initial[dst].copy() for dst in contexts}
    h.update(context)
    for layer in order:
        g = layer["identifier"]
        n = biases[g].copy() if g in biases else np.zeros(layer["units"])
        for src, dst in projections:
            if dst == g:
                n = n + weights[(src, dst)] @ h[src]
        h[g] = FUNCTIONS[layer["activation"]](n)
    context = {dst: h[src].copy() for src, dst in links}
    for g in record:
        record[g].append(h[g].tolist())
print(json.dumps(record))
