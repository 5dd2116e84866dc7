#!/usr/bin/python3
"""Generates native-models/test-tiny/* : tiny deterministic ONNX bundles for tests (no torch).

    /usr/bin/python3 native-models/tools/make_tiny_bundles.py

Bundles (all take RGB scaled to 0..1, mean 0, std 1):
  test-tiny/split/   split bundle (low stride 4, high stride 16, head stride 4), 11 CamVid classes
  test-tiny/single/  single graph, output stride 2, 11 classes
  test-tiny/echo/    single graph that echoes its NHWC input (BGR, mean/std) - for preprocessing tests

The classifier is a nearest-colour rule that is linear in the pixel colour p (0..1):
    logit_c(p) = T * (2 mu_c . p - |mu_c|^2)      (argmax = nearest palette colour mu_c)
with mu_c the mean colour of class c in the synthetic driving scenes (electron/engine/synthetic),
so labels are meaningful on them. The split head adds the class scores of the (coarse, stride 16)
high features to those of the (fine, stride 4) low features, so its output genuinely depends on both.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

ROOT = Path(__file__).resolve().parents[1]

# CamVid classes and their display colours.
CLASSES = [
    ("Sky", (128, 128, 128)),
    ("Building", (128, 0, 0)),
    ("Pole", (192, 192, 128)),
    ("Road", (128, 64, 128)),
    ("Pavement", (60, 40, 222)),
    ("Tree", (128, 128, 0)),
    ("SignSymbol", (192, 128, 128)),
    ("Fence", (64, 64, 128)),
    ("Car", (64, 0, 128)),
    ("Pedestrian", (64, 64, 0)),
    ("Bicyclist", (0, 128, 192)),
]
N = len(CLASSES)

# Mean colour of each class in the synthetic driving scenes (electron/engine/synthetic), measured
# over seeds 1-3 at 160x96: the tiny models classify by nearest mean colour, so their labels are
# meaningful (if approximate: textures overlap, e.g. Pole vs Road) on synthetic sequences.
CENTROIDS = [
    (121, 169, 231),  # Sky
    (119, 90, 67),    # Building
    (113, 113, 120),  # Pole
    (94, 94, 99),     # Road
    (174, 164, 154),  # Pavement
    (46, 92, 36),     # Tree
    (154, 29, 29),    # SignSymbol
    (89, 74, 52),     # Fence
    (73, 101, 95),    # Car
    (82, 46, 122),    # Pedestrian
    (181, 158, 31),   # Bicyclist
]
W, H = 128, 96          # model input size of the split and single tiny bundles
C1 = 8                  # low feature channels
TEMP = 12.0             # logit temperature

OPSET = [helper.make_opsetid("", 13)]


def centroid_weights(temp: float) -> tuple[np.ndarray, np.ndarray]:
    """(N,3) weights and (N,) bias of the nearest-colour linear classifier."""
    mu = np.array(CENTROIDS, dtype=np.float32) / 255.0
    return (temp * 2.0 * mu).astype(np.float32), (-temp * (mu * mu).sum(1)).astype(np.float32)


def conv1x1(name: str, x: str, y: str, w: np.ndarray, b: np.ndarray, inits: list) -> onnx.NodeProto:
    inits.append(numpy_helper.from_array(w.reshape(w.shape[0], w.shape[1], 1, 1).astype(np.float32), f"{name}_w"))
    inits.append(numpy_helper.from_array(b.astype(np.float32), f"{name}_b"))
    return helper.make_node("Conv", [x, f"{name}_w", f"{name}_b"], [y], name=name)


def pool(name: str, x: str, y: str, k: int) -> onnx.NodeProto:
    return helper.make_node("AveragePool", [x], [y], name=name, kernel_shape=[k, k], strides=[k, k])


def save(graph: onnx.GraphProto, path: Path) -> None:
    model = helper.make_model(graph, opset_imports=OPSET, producer_name="vss-make-tiny-bundles")
    model.ir_version = 8
    onnx.checker.check_model(model)
    path.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(path))


def vi(name: str, shape: list[int]) -> onnx.ValueInfoProto:
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, shape)


def low_weights() -> tuple[np.ndarray, np.ndarray]:
    """C1 x 3: identity colour channels, then fixed colour contrasts."""
    w = np.zeros((C1, 3), dtype=np.float32)
    w[0:3] = np.eye(3)
    w[3] = [1 / 3, 1 / 3, 1 / 3]
    w[4] = [1, -1, 0]
    w[5] = [0, 1, -1]
    w[6] = [-1, 0, 1]
    w[7] = [0.5, 0.25, 0.25]
    return w, np.zeros(C1, dtype=np.float32)


def classes_json() -> list[dict]:
    return [{"id": i, "name": n, "color": list(c)} for i, (n, c) in enumerate(CLASSES)]


INPUT = {"name": "image", "layout": "NCHW", "colorOrder": "RGB", "scale": 1 / 255,
         "mean": [0, 0, 0], "std": [1, 1, 1], "width": W, "height": H}


def make_split() -> None:
    out = ROOT / "test-tiny" / "split"
    cw, cb = centroid_weights(TEMP)
    # low: image -> avgpool 4 -> 1x1 conv (C1)
    inits: list = []
    lw, lb = low_weights()
    nodes = [pool("pool4", "image", "p4", 4), conv1x1("low_conv", "p4", "low", lw, lb, inits)]
    save(helper.make_graph(nodes, "low", [vi("image", [1, 3, H, W])], [vi("low", [1, C1, H // 4, W // 4])], inits),
         out / "low.onnx")
    # high: low -> avgpool 4 -> 1x1 conv on the colour channels -> N class scores
    inits = []
    hw = np.zeros((N, C1), dtype=np.float32)
    hw[:, 0:3] = cw
    nodes = [pool("pool16", "low", "p16", 4), conv1x1("high_conv", "p16", "high", hw, cb, inits)]
    save(helper.make_graph(nodes, "high", [vi("low", [1, C1, H // 4, W // 4])], [vi("high", [1, N, H // 16, W // 16])], inits),
         out / "high.onnx")
    # head: upsample high x4 (bilinear) + concat low -> 1x1 conv -> logits (N)
    inits = [numpy_helper.from_array(np.array([], dtype=np.float32), "roi"),
             numpy_helper.from_array(np.array([1, 1, 4, 4], dtype=np.float32), "scales")]
    fw = np.zeros((N, N + C1), dtype=np.float32)
    fw[:, 0:N] = 0.5 * np.eye(N)
    fw[:, N:N + 3] = 0.5 * cw
    nodes = [helper.make_node("Resize", ["high", "roi", "scales"], ["high_up"], name="up", mode="linear"),
             helper.make_node("Concat", ["high_up", "low"], ["cat"], name="cat", axis=1),
             conv1x1("head_conv", "cat", "logits", fw, 0.5 * cb, inits)]
    save(helper.make_graph(nodes, "head", [vi("high", [1, N, H // 16, W // 16]), vi("low", [1, C1, H // 4, W // 4])],
                           [vi("logits", [1, N, H // 4, W // 4])], inits), out / "head.onnx")
    manifest = {
        "name": "test-tiny",
        "classes": classes_json(),
        "ignoreIndex": 11,
        "input": INPUT,
        "output": {"layout": "NCHW", "kind": "logits"},
        "stages": {
            "low": {"graph": "low.onnx", "inputs": {"image": "image"}, "output": "low", "stride": 4, "channels": C1},
            "high": {"graph": "high.onnx", "inputs": {"low": "low"}, "output": "high", "stride": 16, "channels": N},
            "head": {"graph": "head.onnx", "inputs": {"high": "high", "low": "low"}, "output": "logits",
                     "stride": 4, "channels": N},
        },
    }
    (out / "model.json").write_text(json.dumps(manifest, indent=2) + "\n")


def make_single() -> None:
    out = ROOT / "test-tiny" / "single"
    cw, cb = centroid_weights(TEMP)
    inits: list = []
    nodes = [pool("pool2", "image", "p2", 2), conv1x1("cls", "p2", "logits", cw, cb, inits)]
    save(helper.make_graph(nodes, "single", [vi("image", [1, 3, H, W])], [vi("logits", [1, N, H // 2, W // 2])], inits),
         out / "model.onnx")
    manifest = {
        "name": "test-tiny-single", "graph": "model.onnx", "classes": classes_json(), "ignoreIndex": 11,
        "input": INPUT, "output": {"name": "logits", "layout": "NCHW", "kind": "logits", "stride": 2},
    }
    (out / "model.json").write_text(json.dumps(manifest, indent=2) + "\n")


def make_echo() -> None:
    """Echoes its NHWC input as 'probabilities' of 3 classes: lets tests see the preprocessed pixels."""
    out = ROOT / "test-tiny" / "echo"
    eh, ew = 4, 6
    nodes = [helper.make_node("Identity", ["pixels"], ["echo"], name="echo")]
    save(helper.make_graph(nodes, "echo", [vi("pixels", [1, eh, ew, 3])], [vi("echo", [1, eh, ew, 3])]), out / "model.onnx")
    manifest = {
        "name": "test-tiny-echo", "graph": "model.onnx",
        "classes": [{"id": 0, "name": "first", "color": [255, 0, 0]}, {"id": 1, "name": "second", "color": [0, 255, 0]},
                    {"id": 2, "name": "third", "color": [0, 0, 255]}],
        "input": {"name": "pixels", "layout": "NHWC", "colorOrder": "BGR", "scale": 0.5,
                  "mean": [10, 20, 30], "std": [2, 4, 8], "width": ew, "height": eh},
        "output": {"name": "echo", "layout": "NHWC", "kind": "probabilities"},
    }
    (out / "model.json").write_text(json.dumps(manifest, indent=2) + "\n")


if __name__ == "__main__":
    make_split()
    make_single()
    make_echo()
    print("wrote", ", ".join(str(p.relative_to(ROOT)) for p in sorted(ROOT.glob("test-tiny/*/*"))))
