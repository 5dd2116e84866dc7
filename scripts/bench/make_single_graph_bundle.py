#!/usr/bin/python3
"""Writes a single-graph bundle with the cost of a third-party road model, for the engine bench only.

    /usr/bin/python3 scripts/bench/make_single_graph_bundle.py OUT_DIR [--blocks N] [--stride 4|1]

Users bring their own single-graph models (one ONNX file, image in, logits out), typically larger
than the shipped ones: the road model of issue 10 took 896x512 input and ~66 ms a frame on two
cores. This bundle has that shape, and with the default 4 blocks about that cost (58.5 ms on the
2 cores at load ~2.2, 2026-12-03; 2 blocks 37 ms, 3 blocks 48 ms), with random (seeded,
He-initialised) weights: its labels mean nothing; the bench generates it into a temporary folder,
it is never shipped or committed.

  input 896x512 RGB, NCHW
  stem  3x3 convs stride 2: 3 -> 32 -> 64 -> 128                 (stride 8, 112x64)
  body  N x [3x3 conv 128 -> 128 + ReLU]                          (~1.06 GMAC each)
  head  1x1 conv 128 -> 11, bilinear x2 (stride 4, 224x128), or x8 with --stride 1 (896x512)
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

# The conv builder and class names of the split DFF-profile generator (seeded, He-initialised).
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "native-models" / "tools"))
from make_heavy_profile_bundle import CLASSES, conv  # noqa: E402

W, H = 896, 512
C, N = 128, 11


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--blocks", type=int, default=4)
    ap.add_argument("--stride", type=int, choices=[1, 4], default=4)
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    inits: list = []
    nodes = conv("s1", "image", "x1", 3, 32, 3, 2, inits) + conv("s2", "x1", "x2", 32, 64, 3, 2, inits)
    nodes += conv("s3", "x2", "b0", 64, C, 3, 2, inits)
    for i in range(a.blocks):
        nodes += conv(f"block{i}", f"b{i}", f"b{i + 1}", C, C, 3, 1, inits)
    nodes += conv("cls", f"b{a.blocks}", "s", C, N, 1, 1, inits, relu=False)
    up = 8 // a.stride
    inits += [numpy_helper.from_array(np.array([], np.float32), "roi"),
              numpy_helper.from_array(np.array([1, 1, up, up], np.float32), "scales")]
    nodes.append(helper.make_node("Resize", ["s", "roi", "scales"], ["logits"], name="up", mode="linear"))
    graph = helper.make_graph(nodes, "single", [helper.make_tensor_value_info("image", TensorProto.FLOAT, [1, 3, H, W])],
                              [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, N, H // a.stride, W // a.stride])],
                              inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="vss-bench-single-graph")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, str(out / "model.onnx"))
    manifest = {
        "name": f"bench-single-{a.blocks}-stride{a.stride}",
        "classes": [{"id": i, "name": n, "color": [(37 * i) % 256, (91 * i) % 256, (151 * i) % 256]} for i, n in enumerate(CLASSES)],
        "input": {"name": "image", "layout": "NCHW", "colorOrder": "RGB", "scale": 1 / 255, "mean": [0.5, 0.5, 0.5],
                  "std": [0.25, 0.25, 0.25], "width": W, "height": H},
        "graph": "model.onnx",
        "output": {"name": "logits", "layout": "NCHW", "kind": "logits", "stride": a.stride},
    }
    (out / "model.json").write_text(json.dumps(manifest, indent=1) + "\n")


if __name__ == "__main__":
    main()
