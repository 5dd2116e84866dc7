#!/usr/bin/python3
"""Writes a split bundle with the cost profile of Deep Feature Flow's models, for speed only.

    /usr/bin/python3 native-models/tools/make_heavy_profile_bundle.py OUT_DIR [--blocks N]

DFF (Zhu et al. 2017) gets its ~3.7x from a feature network (ResNet-101) that costs an order of
magnitude more than the flow network and the task head together. camvid-lite, the default model,
is the opposite: its deep stage is ~40% of a frame. This bundle has the paper's profile, with
random (seeded, He-initialised) weights, so the engine bench can measure what the dff schedule
gives a model built like the paper's, such as a user's own DeepLab-class network. Its labels mean
nothing; it is generated into a temporary folder by the bench and never shipped or committed.

  input 480x352 RGB
  low   3x3 conv stride 4 (3 -> 32) + ReLU                     (stride 4, 32 channels)
  high  3x3 conv stride 2 (32 -> 256) + ReLU, then N x [3x3 conv 256 -> 256 + ReLU]
                                                               (stride 8, 256 channels)
        N = 16 by default: ~10 GMAC, still less than ResNet-101 at this input (~26 GMAC:
        7.8 at 224x224, scaled by the pixel count), the feature network of DFF's results.
  head  1x1 conv on the high features (256 -> 11), bilinear x2, plus a 1x1 conv of the low
        features (32 -> 11)                                    (stride 4, 11 logits)
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

W, H = 480, 352
C_LOW, C_HIGH, N = 32, 256, 11
OPSET = [helper.make_opsetid("", 13)]
CLASSES = ["Sky", "Building", "Pole", "Road", "Pavement", "Tree", "SignSymbol", "Fence", "Car", "Pedestrian", "Bicyclist"]
rng = np.random.default_rng(7)


def conv(name: str, x: str, y: str, cin: int, cout: int, k: int, stride: int, inits: list, relu: bool = True) -> list:
    w = (rng.standard_normal((cout, cin, k, k)) * np.sqrt(2.0 / (cin * k * k))).astype(np.float32)
    inits.append(numpy_helper.from_array(w, f"{name}_w"))
    inits.append(numpy_helper.from_array(np.zeros(cout, np.float32), f"{name}_b"))
    out = f"{name}_pre" if relu else y
    nodes = [helper.make_node("Conv", [x, f"{name}_w", f"{name}_b"], [out], name=name, kernel_shape=[k, k],
                              strides=[stride, stride], pads=[k // 2] * 4)]
    if relu:
        nodes.append(helper.make_node("Relu", [out], [y], name=f"{name}_relu"))
    return nodes


def vi(name: str, shape: list[int]) -> onnx.ValueInfoProto:
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, shape)


def save(nodes: list, name: str, inputs: list, outputs: list, inits: list, path: Path) -> None:
    model = helper.make_model(helper.make_graph(nodes, name, inputs, outputs, inits), opset_imports=OPSET,
                              producer_name="vss-make-heavy-profile-bundle")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, str(path))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--blocks", type=int, default=16)
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    low_shape, high_shape = [1, C_LOW, H // 4, W // 4], [1, C_HIGH, H // 8, W // 8]

    inits: list = []
    save(conv("low", "image", "low", 3, C_LOW, 3, 4, inits), "low", [vi("image", [1, 3, H, W])], [vi("low", low_shape)],
         inits, out / "low.onnx")

    inits = []
    nodes = conv("down", "low", "h0", C_LOW, C_HIGH, 3, 2, inits)
    for i in range(a.blocks):
        nodes += conv(f"block{i}", f"h{i}", "high" if i == a.blocks - 1 else f"h{i + 1}", C_HIGH, C_HIGH, 3, 1, inits)
    save(nodes, "high", [vi("low", low_shape)], [vi("high", high_shape)], inits, out / "high.onnx")

    inits = [numpy_helper.from_array(np.array([], np.float32), "roi"),
             numpy_helper.from_array(np.array([1, 1, 2, 2], np.float32), "scales")]
    nodes = conv("cls_high", "high", "s_high", C_HIGH, N, 1, 1, inits, relu=False)
    nodes += conv("cls_low", "low", "s_low", C_LOW, N, 1, 1, inits, relu=False)
    nodes += [helper.make_node("Resize", ["s_high", "roi", "scales"], ["s_up"], name="up", mode="linear"),
              helper.make_node("Add", ["s_up", "s_low"], ["logits"], name="sum")]
    save(nodes, "head", [vi("high", high_shape), vi("low", low_shape)], [vi("logits", [1, N, H // 4, W // 4])], inits,
         out / "head.onnx")

    manifest = {
        "name": f"heavy-profile-{a.blocks}",
        "classes": [{"id": i, "name": n, "color": [(37 * i) % 256, (91 * i) % 256, (151 * i) % 256]} for i, n in enumerate(CLASSES)],
        "input": {"name": "image", "layout": "NCHW", "colorOrder": "RGB", "scale": 1 / 255, "mean": [0.5, 0.5, 0.5],
                  "std": [0.25, 0.25, 0.25], "width": W, "height": H},
        "output": {"layout": "NCHW", "kind": "logits"},
        "stages": {
            "low": {"graph": "low.onnx", "inputs": {"image": "image"}, "output": "low", "stride": 4, "channels": C_LOW},
            "high": {"graph": "high.onnx", "inputs": {"low": "low"}, "output": "high", "stride": 8, "channels": C_HIGH},
            "head": {"graph": "head.onnx", "inputs": {"high": "high", "low": "low"}, "output": "logits", "stride": 4,
                     "channels": N},
        },
    }
    (out / "model.json").write_text(json.dumps(manifest, indent=1) + "\n")


if __name__ == "__main__":
    main()
