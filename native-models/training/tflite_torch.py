"""PyTorch modules built from a TFLite graph read by `tflite_reader.py` (float, trainable).

`TFLiteNet(graph, outputs=[...])` runs the operators needed for the named output tensors in NCHW,
with TensorFlow's SAME padding reproduced exactly (asymmetric where TF pads asymmetrically), so
the dequantised network computes what the quantised one approximates.
"""
from __future__ import annotations

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

from tflite_reader import Graph

_PASSTHROUGH = {"QUANTIZE", "DEQUANTIZE"}


def _act(x: torch.Tensor, act: str | None) -> torch.Tensor:
    if act is None:
        return x
    if act == "relu":
        return F.relu(x)
    if act == "relu6":
        return F.relu6(x)
    if act == "relu_n1_to_1":
        return x.clamp(-1.0, 1.0)
    raise ValueError(f"unsupported fused activation {act}")


def same_pad(x: torch.Tensor, k: tuple[int, int], s: tuple[int, int], d: tuple[int, int]) -> torch.Tensor:
    """TensorFlow SAME padding (extra pixel after, as TF does)."""
    pads = []
    for dim, (kk, ss, dd) in zip((3, 2), ((k[1], s[1], d[1]), (k[0], s[0], d[0]))):
        n = x.shape[dim]
        out = math.ceil(n / ss)
        total = max((out - 1) * ss + (kk - 1) * dd + 1 - n, 0)
        pads += [total // 2, total - total // 2]
    if any(pads):
        x = F.pad(x, pads)
    return x


class ConvOp(nn.Module):
    def __init__(self, weight, bias, options: dict, depthwise: bool):
        super().__init__()
        w = torch.from_numpy(weight.copy())
        if depthwise:          # TFLite [1, kh, kw, C] -> torch [C, 1, kh, kw]
            w = w.permute(3, 0, 1, 2).contiguous()
        else:                  # TFLite [O, kh, kw, I] -> torch [O, I, kh, kw]
            w = w.permute(0, 3, 1, 2).contiguous()
        self.weight = nn.Parameter(w)
        self.bias = nn.Parameter(torch.from_numpy(bias.copy()))
        self.groups = w.shape[0] if depthwise else 1
        self.stride = options["stride"]
        self.dilation = options["dilation"]
        self.padding = options["padding"]
        self.act = options["act"]

    def forward(self, x):
        k = (self.weight.shape[2], self.weight.shape[3])
        if self.padding == "same":
            x = same_pad(x, k, self.stride, self.dilation)
        y = F.conv2d(x, self.weight, self.bias, self.stride, 0, self.dilation, self.groups)
        return _act(y, self.act)


def _needed_ops(graph: Graph, targets: list[int]) -> list[int]:
    producer = {o: i for i, op in enumerate(graph.ops) for o in op.outputs}
    need, stack = set(), list(targets)
    while stack:
        t = stack.pop()
        i = producer.get(t)
        if i is None or i in need:
            continue
        need.add(i)
        stack += [x for x in graph.ops[i].inputs if x >= 0]
    return sorted(need)


def tensor_index(graph: Graph, suffix: str) -> int:
    """Index of the one activation (non-constant) tensor whose name ends with `suffix`."""
    hits = [i for i, t in enumerate(graph.tensors) if t.data is None and t.name.endswith(suffix)]
    if len(hits) != 1:
        raise KeyError(f"tensor name ending '{suffix}': {len(hits)} matches")
    return hits[0]


class TFLiteNet(nn.Module):
    """Executes the part of a TFLite graph that computes `outputs` from `input_tensor` (NCHW)."""

    def __init__(self, graph: Graph, outputs: list[int], input_tensor: int | None = None):
        super().__init__()
        self.graph_ops = [graph.ops[i] for i in _needed_ops(graph, outputs)]
        for op in self.graph_ops:   # a pool over the whole feature map stays global at any input size
            if op.kind == "AVERAGE_POOL_2D":
                op.options["global"] = tuple(graph.tensors[op.inputs[0]].shape[1:3]) == tuple(op.options["filter"])
        self.input_tensor = graph.inputs[0] if input_tensor is None else input_tensor
        self.outputs = outputs
        self.convs = nn.ModuleDict()
        self.consts: dict[int, torch.Tensor] = {}
        for op in self.graph_ops:
            if op.kind in ("CONV_2D", "DEPTHWISE_CONV_2D"):
                w, b = graph.tensors[op.inputs[1]].data, graph.tensors[op.inputs[2]].data
                self.convs[str(op.outputs[0])] = ConvOp(w, b, op.options, op.kind == "DEPTHWISE_CONV_2D")
            for t in op.inputs:
                if t >= 0 and graph.tensors[t].data is not None and op.kind not in ("CONV_2D", "DEPTHWISE_CONV_2D"):
                    self.consts[t] = torch.from_numpy(graph.tensors[t].data.copy())
        self.unsupported = sorted({op.kind for op in self.graph_ops} - set(_RUNNERS) - {"CONV_2D", "DEPTHWISE_CONV_2D"})
        if self.unsupported:
            raise ValueError(f"unsupported TFLite operators: {self.unsupported}")

    def forward(self, x: torch.Tensor):
        env = {self.input_tensor: x}
        for op in self.graph_ops:
            if op.kind in ("CONV_2D", "DEPTHWISE_CONV_2D"):
                y = self.convs[str(op.outputs[0])](env[op.inputs[0]])
            else:
                args = [env[t] if t in env else self.consts.get(t) for t in op.inputs]
                y = _RUNNERS[op.kind](args, op.options)
            env[op.outputs[0]] = y
        outs = [env[t] for t in self.outputs]
        return outs[0] if len(outs) == 1 else outs


def _avg_pool(args, o):
    x = args[0]
    fh, fw = o["filter"]
    if o.get("global") or (fh >= x.shape[2] and fw >= x.shape[3]):
        return _act(x.mean(dim=(2, 3), keepdim=True), o["act"])
    if o["padding"] == "same":
        raise ValueError("AVERAGE_POOL_2D with SAME padding is not supported")
    return _act(F.avg_pool2d(x, (fh, fw), o["stride"]), o["act"])


def _resize(args, o):
    x, size = args[0], args[1]
    h, w = int(size[0]), int(size[1])
    if (h, w) == tuple(x.shape[2:]):
        return x
    return F.interpolate(x, size=(h, w), mode="bilinear", align_corners=o.get("align_corners", False))


_AXIS_NHWC_TO_NCHW = {0: 0, 1: 2, 2: 3, 3: 1, -1: 1}

_RUNNERS = {
    "ADD": lambda a, o: _act(a[0] + a[1], o.get("act")),
    "QUANTIZE": lambda a, o: a[0],
    "DEQUANTIZE": lambda a, o: a[0],
    "AVERAGE_POOL_2D": _avg_pool,
    "TILE": lambda a, o: a[0],   # broadcast happens in CONCATENATION below
    "CONCATENATION": lambda a, o: torch.cat(
        [t.expand(-1, -1, a[-1].shape[2], a[-1].shape[3]) for t in a], dim=_AXIS_NHWC_TO_NCHW[o["axis"]]),
    "RESIZE_BILINEAR": _resize,
    "RESHAPE": lambda a, o: a[0].flatten(1),
    "SOFTMAX": lambda a, o: torch.softmax(a[0], dim=1),
    "ARG_MAX": lambda a, o: a[0].argmax(dim=1),
}


def count_macs(module: nn.Module, *inputs) -> int:
    """Multiply-accumulates of the convolutions (nn.Conv2d and TFLite ConvOp) in one forward pass."""
    total = [0]

    def hook(m, inp, out):
        w = m.weight
        total[0] += out.numel() // out.shape[0] * w.shape[1] * w.shape[2] * w.shape[3]

    hs = [m.register_forward_hook(hook) for m in module.modules() if isinstance(m, (nn.Conv2d, ConvOp))]
    with torch.no_grad():
        module(*inputs)
    for h in hs:
        h.remove()
    return total[0]
