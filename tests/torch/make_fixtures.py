"""PyTorch as the test oracle: what real torch computes, written out for the engine's tests.

    /usr/bin/python3 tests/torch/make_fixtures.py build/torch

writes build/torch/fixtures.json, which tests/core/test_torch.cpp (Catch2) and
tests/js/torch-oracle.test.mjs (the wasm module under node) compare the engine against.
Nothing here is a formula written by hand: every expected number comes out of torch itself
(its modules, functional ops, autograd, optimisers and nn.init), on inputs chosen to reach the
edges (probabilities of exactly 0 and 1, logits of ±100 and ±1000, ReLU's kink at 0).

Families (each case names itself in the test's failure message):
  activations  forward and backward of every activation, at edge values and random ones
  losses       value and ∂loss/∂prediction of every loss, edge values included
  optimizers   parameters after each of 5 steps with given gradients, for every optimiser
               configuration the engine accepts (SGD momentum/dampening/nesterov/weight decay,
               Adam and AdamW with and without amsgrad, RMSprop plain/centered/momentum)
  models       whole networks of linear, conv2d, pooling, flatten, dropout (eval) and
               activation layers: the batch forward, and one example's loss, every layer's
               output and ∂loss/∂output, every parameter's gradient and its SGD update
  runs         six training steps of a small network with every optimiser configuration: each
               step's loss and the parameters at the end (the wasm module's trainStep)
  inits        samples of every initialiser on a large weight, summarised (mean, std, max |w|,
               sorted quantiles) for a statistical comparison with the engine's own draws

The engine's names (layer types, option keys) are PyTorch's, so a case's spec and options are
given once and read by both sides.
"""
import json
import math
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(20261203)
torch.set_default_dtype(torch.float32)


def floats(t):
    """A tensor as a flat list of Python floats (float32 values, exact in JSON)."""
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def rand(*shape, scale=1.0):
    return (torch.rand(*shape) * 2 - 1) * scale


# ---------------------------------------------------------------- activations

EDGES = [-1000.0, -100.0, -20.0, -5.0, -1.0, -1e-3, -0.0, 0.0, 1e-3, 0.5, 1.0, 5.0, 20.0, 100.0,
         1000.0]

ACTIVATIONS = [
    ({"type": "identity"}, lambda x: x),
    ({"type": "relu"}, torch.relu),
    ({"type": "leaky_relu"}, lambda x: F.leaky_relu(x, 0.01)),
    ({"type": "leaky_relu", "slope": 0.2}, lambda x: F.leaky_relu(x, 0.2)),
    ({"type": "sigmoid"}, torch.sigmoid),
    ({"type": "tanh"}, torch.tanh),
    ({"type": "softmax"}, lambda x: torch.softmax(x, dim=-1)),
]


def activation_cases():
    cases = []
    for spec, fn in ACTIVATIONS:
        # Rows of 5 (not a multiple of the SIMD width) plus the edge values as one row.
        rows = [rand(4, 5, scale=4.0)]
        edge = torch.tensor(EDGES)
        if spec["type"] == "softmax":
            # Softmax normalises each row: edge values in rows of their own, and a row with
            # one huge logit among small ones.
            rows.append(torch.tensor([[1000.0, 0.0, -1000.0, 1.0, 2.0],
                                      [-100.0, -100.0, -100.0, -100.0, -99.0],
                                      [20.0, 20.0, 20.0, 20.0, 20.0]]))
            x = torch.cat(rows).requires_grad_()
        else:
            x = torch.cat([rows[0].reshape(-1), edge]).reshape(1, -1).requires_grad_()
        y = fn(x)
        dy = rand(*y.shape, scale=2.0)
        y.backward(dy)
        cases.append({"name": json.dumps(spec), "spec": spec, "rows": x.shape[0],
                      "cols": x.shape[1], "x": floats(x), "y": floats(y), "dy": floats(dy),
                      "dx": floats(x.grad)})
    return cases


# ---------------------------------------------------------------- losses

def loss_case(name, pred, target, fn, note):
    pred = pred.clone().requires_grad_()
    value = fn(pred, target)
    value.backward()
    return {"name": f"{name}: {note}", "loss": name, "shape": list(pred.shape),
            "pred": floats(pred), "target": floats(target), "value": float(value),
            "grad": floats(pred.grad)}


def loss_cases():
    cases = []
    mse = nn.MSELoss()
    cases.append(loss_case("mse", rand(6, 3, scale=3), rand(6, 3, scale=3), mse, "random"))
    cases.append(loss_case("mse", torch.tensor([[1e4], [-1e4], [0.0]]),
                           torch.tensor([[-1e4], [1e4], [0.0]]), mse, "large errors"))

    bce = nn.BCELoss()
    cases.append(loss_case("bce", torch.rand(5, 2) * 0.98 + 0.01,
                           (torch.rand(5, 2) > 0.5).float(), bce, "random"))
    # p exactly 0 and 1, right and wrong (torch clamps each log at -100), and soft targets.
    cases.append(loss_case("bce", torch.tensor([[0.0], [1.0], [0.0], [1.0], [1e-7], [0.5]]),
                           torch.tensor([[0.0], [1.0], [1.0], [0.0], [1.0], [0.25]]), bce,
                           "p = 0 and 1"))

    bcel = nn.BCEWithLogitsLoss()
    cases.append(loss_case("bce_with_logits", rand(5, 2, scale=4),
                           (torch.rand(5, 2) > 0.5).float(), bcel, "random"))
    cases.append(loss_case("bce_with_logits",
                           torch.tensor([[100.0], [-100.0], [100.0], [-100.0], [30.0], [0.0],
                                         [1000.0], [-1000.0]]),
                           torch.tensor([[1.0], [0.0], [0.0], [1.0], [0.3], [0.5], [0.0],
                                         [1.0]]), bcel, "large logits"))

    ce = nn.CrossEntropyLoss()
    cases.append(loss_case("cross_entropy", rand(6, 4, scale=3),
                           torch.tensor([0.0, 3, 1, 2, 2, 0]),
                           lambda p, t: ce(p, t.long()), "random"))
    cases.append(loss_case("cross_entropy",
                           torch.tensor([[1000.0, 0.0, -1000.0], [-1000.0, 1000.0, 0.0],
                                         [100.0, 100.0, 100.0], [0.0, 0.0, 80.0]]),
                           torch.tensor([0.0, 2, 1, 0]),
                           lambda p, t: ce(p, t.long()), "large logits"))
    return cases


# ---------------------------------------------------------------- optimizers

OPTIMIZERS = [
    ("sgd", {"lr": 0.1}),
    ("sgd", {"lr": 0.05, "momentum": 0.9}),
    ("sgd", {"lr": 0.05, "momentum": 0.9, "dampening": 0.5}),
    ("sgd", {"lr": 0.05, "momentum": 0.9, "nesterov": True}),
    ("sgd", {"lr": 0.1, "weight_decay": 0.01}),
    ("sgd", {"lr": 0.05, "momentum": 0.8, "nesterov": True, "weight_decay": 0.1}),
    ("adam", {"lr": 0.01}),
    ("adam", {"lr": 0.01, "betas": [0.8, 0.9], "eps": 1e-6}),
    ("adam", {"lr": 0.01, "amsgrad": True}),
    ("adam", {"lr": 0.01, "weight_decay": 0.1}),
    ("adamw", {"lr": 0.01}),
    ("adamw", {"lr": 0.01, "weight_decay": 0.1, "amsgrad": True}),
    ("rmsprop", {"lr": 0.01}),
    ("rmsprop", {"lr": 0.01, "alpha": 0.9, "eps": 1e-6}),
    ("rmsprop", {"lr": 0.01, "centered": True}),
    ("rmsprop", {"lr": 0.01, "momentum": 0.9}),
    ("rmsprop", {"lr": 0.01, "momentum": 0.9, "centered": True, "weight_decay": 0.05}),
]
TORCH_OPT = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW,
             "rmsprop": torch.optim.RMSprop}


def optimizer_cases():
    cases = []
    shapes = [(3, 4), (3,)]
    steps = 5
    for name, options in OPTIMIZERS:
        params = [nn.Parameter(rand(*s, scale=2)) for s in shapes]
        start = [floats(p) for p in params]
        kwargs = dict(options)
        if "betas" in kwargs:
            kwargs["betas"] = tuple(kwargs["betas"])
        opt = TORCH_OPT[name](params, **kwargs)
        grads, after = [], []
        for t in range(steps):
            g = [rand(*s, scale=1.5) for s in shapes]
            if t == 0:
                g[0][0, 0] = 0.0  # a gradient that starts at zero
            if t == 2:
                g = [-3 * x for x in g]  # signs flip, sizes jump
            for p, gi in zip(params, g):
                p.grad = gi.clone()
            opt.step()
            grads.append([floats(x) for x in g])
            after.append([floats(p) for p in params])
        cases.append({"name": f"{name} {json.dumps(options)}", "optimizer": name,
                      "options": options, "shapes": [list(s) for s in shapes], "start": start,
                      "grads": grads, "after": after})
    return cases


# ---------------------------------------------------------------- whole models

class Net(nn.Module):
    """A network from an engine spec, built of the torch modules each layer type names."""

    def __init__(self, spec):
        super().__init__()
        shape = list(spec["input"])
        self.layers = nn.ModuleList()
        for layer in spec["layers"]:
            kind = layer["type"]
            if kind == "linear":
                m = nn.Linear(shape[0], layer["out"])
                shape = [layer["out"]]
            elif kind == "conv2d":
                m = nn.Conv2d(shape[0], layer["out"], layer["kernel"],
                              stride=layer.get("stride", 1), padding=layer.get("padding", 0))
                k, s, p = m.kernel_size, m.stride, m.padding
                shape = [layer["out"], (shape[1] + 2 * p[0] - k[0]) // s[0] + 1,
                         (shape[2] + 2 * p[1] - k[1]) // s[1] + 1]
            elif kind in ("maxpool2d", "avgpool2d"):
                k, s, p = layer["kernel"], layer.get("stride", layer["kernel"]), layer.get("padding", 0)
                m = (nn.MaxPool2d if kind == "maxpool2d" else nn.AvgPool2d)(k, stride=s, padding=p)
                shape = [shape[0], (shape[1] + 2 * p - k) // s + 1, (shape[2] + 2 * p - k) // s + 1]
            elif kind == "flatten":
                m = nn.Flatten()
                shape = [math.prod(shape)]
            elif kind == "dropout":
                m = nn.Dropout(layer.get("p", 0.5))
            else:
                m = {"relu": nn.ReLU(), "tanh": nn.Tanh(), "sigmoid": nn.Sigmoid(),
                     "identity": nn.Identity(), "softmax": nn.Softmax(dim=-1),
                     "leaky_relu": nn.LeakyReLU(layer.get("slope", 0.01))}[kind]
            self.layers.append(m)

    def forward(self, x):
        outs = []
        for m in self.layers:
            x = m(x)
            if x.requires_grad:
                x.retain_grad()
            outs.append(x)
        return x, outs


MODELS = [
    ("an MLP with every activation", {
        "input": [5], "layers": [
            {"type": "linear", "out": 7}, {"type": "relu"},
            {"type": "linear", "out": 6}, {"type": "tanh"},
            {"type": "linear", "out": 9}, {"type": "leaky_relu", "slope": 0.1},
            {"type": "dropout", "p": 0.3},
            {"type": "linear", "out": 5}, {"type": "sigmoid"},
            {"type": "linear", "out": 3}]},
     "cross_entropy"),
    ("softmax then mse", {
        "input": [4], "layers": [{"type": "linear", "out": 6}, {"type": "tanh"},
                                 {"type": "linear", "out": 3}, {"type": "softmax"}]},
     "mse"),
    ("a sigmoid output under bce", {
        "input": [3], "layers": [{"type": "linear", "out": 8}, {"type": "relu"},
                                 {"type": "linear", "out": 1}, {"type": "sigmoid"}]},
     "bce"),
    ("logits under bce_with_logits", {
        "input": [2], "layers": [{"type": "linear", "out": 8}, {"type": "tanh"},
                                 {"type": "linear", "out": 8}, {"type": "tanh"},
                                 {"type": "linear", "out": 1}]},
     "bce_with_logits"),
    ("a CNN: conv, max pool, padded conv, average pool", {
        "input": [2, 9, 8], "layers": [
            {"type": "conv2d", "out": 3, "kernel": 3}, {"type": "relu"},
            {"type": "maxpool2d", "kernel": 2},
            {"type": "conv2d", "out": 4, "kernel": 2, "padding": 1}, {"type": "tanh"},
            {"type": "avgpool2d", "kernel": 2, "stride": 1},
            {"type": "flatten"}, {"type": "linear", "out": 3}]},
     "cross_entropy"),
    ("strided and padded convolution and pooling", {
        "input": [1, 11, 10], "layers": [
            {"type": "conv2d", "out": 4, "kernel": 3, "stride": 2, "padding": 1},
            {"type": "leaky_relu"},
            {"type": "maxpool2d", "kernel": 3, "stride": 2, "padding": 1},
            {"type": "conv2d", "out": 2, "kernel": 1},
            {"type": "avgpool2d", "kernel": 2, "padding": 1},
            {"type": "flatten"}, {"type": "linear", "out": 2}, {"type": "sigmoid"}]},
     "bce"),
]


def target_for(loss, out_shape, batch):
    if loss == "cross_entropy":
        return torch.randint(0, out_shape[-1], (batch,)).float()
    if loss in ("bce", "bce_with_logits"):
        return (torch.rand(batch, *out_shape[1:]) > 0.5).float()
    return torch.rand(batch, *out_shape[1:])


LOSS_FN = {"mse": nn.MSELoss(), "bce": nn.BCELoss(), "bce_with_logits": nn.BCEWithLogitsLoss(),
           "cross_entropy": lambda p, t: F.cross_entropy(p, t.long())}


def model_cases():
    cases = []
    for name, spec, loss in MODELS:
        net = Net(spec).eval()  # dropout off, as the engine's forward and trace_step run
        with torch.no_grad():
            for p in net.parameters():
                p.copy_(rand(*p.shape, scale=0.8))
        batch = 4
        x = rand(batch, *spec["input"], scale=1.5)
        with torch.no_grad():
            y, _ = net(x)
        # One example's step, as Model::trace_step records it.
        x1 = x[:1].clone()
        out, outs = net(x1)
        t1 = target_for(loss, list(out.shape), 1)
        value = LOSS_FN[loss](out, t1)
        net.zero_grad()
        value.backward()
        lr = 0.5
        names = [n.replace("layers.", "") for n, _ in net.named_parameters()]
        cases.append({
            "name": name, "spec": spec, "loss": loss, "batch": batch, "x": floats(x),
            "params": [{"name": n, "shape": list(p.shape), "data": floats(p)}
                       for n, p in zip(names, net.parameters())],
            "forward": floats(y),
            "step": {"x": floats(x1), "target": floats(t1), "loss": float(value),
                     "optimizer": "sgd", "options": {"lr": lr},
                     "outputs": [floats(o) for o in outs],
                     "grad_outputs": [floats(o.grad) for o in outs],
                     "grads": {n: floats(p.grad) for n, p in zip(names, net.parameters())},
                     "updated": {n: floats(p - lr * p.grad)
                                 for n, p in zip(names, net.parameters())}}})
    return cases


# ---------------------------------------------------------------- training runs

RUN_SPEC = {"input": [3], "layers": [{"type": "linear", "out": 6}, {"type": "tanh"},
                                     {"type": "linear", "out": 5}, {"type": "relu"},
                                     {"type": "linear", "out": 3}]}


def run_cases():
    """Six batches of five through a small network with every optimiser configuration: each
    step's loss (before its update, as trainStep returns it) and the parameters at the end."""
    cases = []
    steps, batch = 6, 5
    xs = [rand(batch, 3, scale=2) for _ in range(steps)]
    ys = [torch.randint(0, 3, (batch,)) for _ in range(steps)]
    start = Net(RUN_SPEC)
    with torch.no_grad():
        for p in start.parameters():
            p.copy_(rand(*p.shape, scale=0.7))
    names = [n.replace("layers.", "") for n, _ in start.named_parameters()]
    for name, options in OPTIMIZERS:
        net = Net(RUN_SPEC)
        net.load_state_dict(start.state_dict())
        kwargs = dict(options)
        if "betas" in kwargs:
            kwargs["betas"] = tuple(kwargs["betas"])
        opt = TORCH_OPT[name](net.parameters(), **kwargs)
        losses = []
        for x, y in zip(xs, ys):
            opt.zero_grad()
            out, _ = net(x)
            loss = F.cross_entropy(out, y)
            loss.backward()
            opt.step()
            losses.append(float(loss))
        cases.append({
            "name": f"{name} {json.dumps(options)}", "spec": RUN_SPEC, "loss": "cross_entropy",
            "optimizer": name, "options": options, "batch": batch,
            "x": [floats(x) for x in xs], "y": [floats(y.float()) for y in ys],
            "start": [{"name": n, "data": floats(p)} for n, p in zip(names, start.parameters())],
            "losses": losses,
            "end": [{"name": n, "data": floats(p)} for n, p in zip(names, net.parameters())]})
    return cases


# ---------------------------------------------------------------- initialisers

# Where each initialiser is drawn: a linear weight [160, 250] (fan_in 250, fan_out 160), a
# conv2d weight [64, 32, 3, 3] (fan_in 32·3·3 = 288, fan_out 64·3·3 = 576) and a linear bias of
# 20,000 (fan_in 9). Each case: (the engine's init entry, where, torch's call on that tensor).
LINEAR = {"input": [250], "layer": {"type": "linear", "out": 160}, "param": "0.weight",
          "shape": [160, 250]}
CONV = {"input": [32, 5, 5], "layer": {"type": "conv2d", "out": 64, "kernel": 3},
        "param": "0.weight", "shape": [64, 32, 3, 3]}
BIAS = {"input": [9], "layer": {"type": "linear", "out": 20000}, "param": "0.bias",
        "shape": [20000]}
INITS = [
    ("default", LINEAR, lambda w: nn.init.kaiming_uniform_(w, a=math.sqrt(5))),  # nn.Linear's
    ("default", CONV, lambda w: nn.init.kaiming_uniform_(w, a=math.sqrt(5))),  # nn.Conv2d's
    ("default", BIAS, lambda b: nn.init.uniform_(b, -1 / math.sqrt(9), 1 / math.sqrt(9))),
    ({"type": "xavier_uniform"}, LINEAR, lambda w: nn.init.xavier_uniform_(w)),
    ({"type": "xavier_uniform", "gain": "tanh"}, LINEAR,
     lambda w: nn.init.xavier_uniform_(w, gain=nn.init.calculate_gain("tanh"))),
    ({"type": "xavier_normal", "gain": 2.0}, LINEAR, lambda w: nn.init.xavier_normal_(w, gain=2.0)),
    ({"type": "xavier_normal"}, CONV, lambda w: nn.init.xavier_normal_(w)),
    ({"type": "kaiming_uniform", "nonlinearity": "relu"}, LINEAR,
     lambda w: nn.init.kaiming_uniform_(w, nonlinearity="relu")),
    ({"type": "kaiming_normal", "mode": "fan_out", "nonlinearity": "relu"}, LINEAR,
     lambda w: nn.init.kaiming_normal_(w, mode="fan_out", nonlinearity="relu")),
    ({"type": "kaiming_normal", "mode": "fan_out", "nonlinearity": "relu"}, CONV,
     lambda w: nn.init.kaiming_normal_(w, mode="fan_out", nonlinearity="relu")),
    ({"type": "kaiming_uniform", "a": 0.2}, LINEAR, lambda w: nn.init.kaiming_uniform_(w, a=0.2)),
    ({"type": "kaiming_normal", "nonlinearity": "tanh"}, LINEAR,
     lambda w: nn.init.kaiming_normal_(w, nonlinearity="tanh")),
    ({"type": "normal", "mean": 0.5, "std": 0.02}, LINEAR, lambda w: nn.init.normal_(w, 0.5, 0.02)),
    ({"type": "normal", "std": 0.1}, BIAS, lambda b: nn.init.normal_(b, 0.0, 0.1)),
    ({"type": "uniform", "a": -0.3, "b": 0.7}, LINEAR, lambda w: nn.init.uniform_(w, -0.3, 0.7)),
    ({"type": "constant", "value": 0.25}, LINEAR, lambda w: nn.init.constant_(w, 0.25)),
    ("zeros", BIAS, lambda b: nn.init.zeros_(b)),
]
QUANTILES = [i / 20 for i in range(1, 20)]


def init_cases():
    cases = []
    for init, where, fn in INITS:
        w = torch.empty(*where["shape"])
        fn(w)
        v = w.reshape(-1).double()
        q = torch.quantile(v, torch.tensor(QUANTILES, dtype=torch.float64))
        role = "bias" if where["param"].endswith("bias") else "weight"
        layer = dict(where["layer"], init={role: init})
        cases.append({"name": f"{json.dumps(init)} on {where['param']} {where['shape']}",
                      "init": init, "spec": {"input": where["input"], "layers": [layer]},
                      "param": where["param"], "size": v.numel(),
                      "mean": float(v.mean()), "std": float(v.std()),
                      "max_abs": float(v.abs().max()), "min": float(v.min()),
                      "max": float(v.max()), "quantiles": [float(x) for x in q],
                      "quantile_levels": QUANTILES})
    return cases


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else "build/torch"
    os.makedirs(out_dir, exist_ok=True)
    fixtures = {
        "format": "layerwise-torch-fixtures", "version": 1, "torch": torch.__version__,
        "activations": activation_cases(), "losses": loss_cases(),
        "optimizers": optimizer_cases(), "models": model_cases(), "runs": run_cases(),
        "inits": init_cases(),
    }
    path = os.path.join(out_dir, "fixtures.json")
    with open(path + ".tmp", "w") as f:
        json.dump(fixtures, f)
    os.replace(path + ".tmp", path)
    counts = ", ".join(f"{len(fixtures[k])} {k}" for k in
                       ("activations", "losses", "optimizers", "models", "runs", "inits"))
    print(f"torch fixtures: {path} from torch {torch.__version__} ({counts})")


if __name__ == "__main__":
    main()
