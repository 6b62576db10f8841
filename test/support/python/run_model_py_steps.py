"""Steps an exported model.py of a recurrent network through a sequence, as its docstring says to, on the
numpy stand-in for torch beside this file (torch_standin.py): net.initial_context() at each sequence's
start, then one forward per event with the inputs and the context, the context taken from what the call
before returned after the outputs. Prints the outputs per event (several output layers side by side, in the
order returned) and the module's name as JSON.

usage: python3 run_model_py_steps.py MODEL.py EVENTS.json   (the .safetensors beside MODEL.py, same name)

EVENTS.json: {"inputs": [one events × units matrix per input layer], "starts": [0 or 1 per event], "outputs": N}
with N the number of output layers (forward returns N outputs, then the contexts).
"""
import importlib.util
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch_standin  # noqa: E402,F401  (installs the stand-in for torch)

model_path, events_path = sys.argv[1], sys.argv[2]
spec = importlib.util.spec_from_file_location("exported_model", model_path)
exported = importlib.util.module_from_spec(spec)
spec.loader.exec_module(exported)
net = exported.load()
with open(events_path) as f:
    events = json.load(f)
inputs = [np.asarray(m, dtype=np.float64) for m in events["inputs"]]
count = events["outputs"]
rows = []
context = ()
for t, start in enumerate(events["starts"]):
    if t == 0 or start:
        context = net.initial_context()
    result = net(*[x[t : t + 1] for x in inputs], *context)
    outputs, context = result[:count], tuple(result[count:])
    rows.append(np.concatenate(outputs, axis=1)[0].tolist())
print(json.dumps({"name": exported.MODEL_NAME, "outputs": rows}))
