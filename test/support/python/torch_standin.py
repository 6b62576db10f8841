"""A small stand-in for torch, torch.nn and safetensors.torch built on numpy (PyTorch cannot be installed on
these machines), enough to run an exported model.py: nn.Module, nn.Linear (float64), the activations,
torch.tensor and torch.full. Its load_file reads a safetensors file from the format's specification
(struct + json + numpy.frombuffer, sharing nothing with the writer). Importing this module installs the
stand-in in sys.modules.
"""
import json
import struct
import sys
import types

import numpy as np


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (length,) = struct.unpack("<Q", raw[:8])
    if (8 + length) % 8 != 0:
        raise ValueError("data does not start on an 8-byte boundary")
    header = json.loads(raw[8 : 8 + length].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    if not all(isinstance(v, str) for v in metadata.values()):
        raise ValueError("metadata values must be strings")
    data = raw[8 + length :]
    tensors, end = {}, 0
    for name, t in sorted(header.items(), key=lambda kv: kv[1]["data_offsets"][0]):
        begin, stop = t["data_offsets"]
        if t["dtype"] != "F64" or begin != end:
            raise ValueError(f"{name}: dtype {t['dtype']}, starts at {begin} after {end}")
        array = np.frombuffer(data[begin:stop], dtype="<f8")
        tensors[name] = array.reshape(t["shape"])
        end = stop
    if end != len(data):
        raise ValueError(f"{len(data) - end} bytes after the last tensor")
    return tensors, metadata


class Module:
    def __init__(self):
        pass

    def __call__(self, *args):
        return self.forward(*args)

    def eval(self):
        return self

    def load_state_dict(self, state):
        expected = {}
        for name, value in vars(self).items():
            if isinstance(value, Linear):
                expected[f"{name}.weight"] = (value, "weight")
                if value.bias is not None:
                    expected[f"{name}.bias"] = (value, "bias")
        if set(state) != set(expected):
            raise RuntimeError(f"state dict keys {sorted(state)}, the module's {sorted(expected)}")
        for key, tensor in state.items():
            module, attribute = expected[key]
            if getattr(module, attribute).shape != tensor.shape:
                raise RuntimeError(f"{key}: shape {tensor.shape}, the module's {getattr(module, attribute).shape}")
            setattr(module, attribute, tensor)


class Linear(Module):
    def __init__(self, in_features, out_features, bias=True, dtype=None):
        if dtype is not np.float64:
            raise TypeError("the stand-in expects float64 modules")
        self.weight = np.zeros((out_features, in_features))
        self.bias = np.zeros(out_features) if bias else None

    def forward(self, x):
        y = x @ self.weight.T
        return y if self.bias is None else y + self.bias


def softmax(x, dim):
    e = np.exp(x - x.max(axis=dim, keepdims=True))
    return e / e.sum(axis=dim, keepdims=True)


torch = types.ModuleType("torch")
torch.float64 = np.float64
torch.tensor = lambda values, dtype=None: np.asarray(values, dtype=np.float64)
torch.full = lambda shape, value, dtype=None: np.full(shape, value, dtype=np.float64)
torch.sigmoid = lambda x: 1.0 / (1.0 + np.exp(-x))
torch.tanh = np.tanh
torch.relu = lambda x: np.maximum(x, 0.0)
torch.softmax = softmax
nn = types.ModuleType("torch.nn")
nn.Module = Module
nn.Linear = Linear
torch.nn = nn
safetensors = types.ModuleType("safetensors")
safetensors_torch = types.ModuleType("safetensors.torch")
safetensors_torch.load_file = lambda path: read_safetensors(path)[0]
sys.modules.update({"torch": torch, "torch.nn": nn, "safetensors": safetensors, "safetensors.torch": safetensors_torch})
