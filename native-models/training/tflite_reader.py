"""The project's own reader for quantised TensorFlow Lite models.

Turns a .tflite flatbuffer into a list of operators with dequantised float32 weights, using Python
readers that `flatc` generates from TensorFlow Lite's schema (`tflite-schema.fbs`, kept beside the
pretrained files in ../shared/pretrained; nothing generated is committed). `tflite_torch.py` builds
PyTorch modules from the result.

    real = scale * (q - zero_point)     (per output channel where a tensor has several scales)
"""
from __future__ import annotations

import hashlib
import importlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[2]
PRETRAINED_DIR = Path(os.environ.get("VSS_PRETRAINED_DIR", REPO_ROOT.parent / "shared" / "pretrained"))
GEN_ROOT = Path(os.environ.get("VSS_TFLITE_GEN", Path.home() / ".cache" / "vss-studio" / "tflite-py"))

PRETRAINED = {
    "imagenet": "mobilenet_v2_1.0_224_quant.tflite",
    "cityscapes": "deeplab_mobilenet_edgetpu_slim_cityscapes_quant.tflite",
    "voc": "deeplabv3_mnv2_pascal_quant.tflite",
}


class PretrainedMissing(SystemExit):
    pass


def pretrained_path(key: str) -> Path:
    """Path of one of the pretrained files, or exit with what to do when it is absent."""
    p = PRETRAINED_DIR / PRETRAINED[key]
    if not p.is_file():
        raise PretrainedMissing(
            f"pretrained weights not found: {p}\n"
            f"  The training tools read the quantised TFLite models described in ../shared/pretrained/README.md.\n"
            f"  Put {PRETRAINED[key]} (and tflite-schema.fbs) in {PRETRAINED_DIR}, or set VSS_PRETRAINED_DIR "
            f"to the folder that holds them.")
    return p


def _schema_module():
    """Imports the flatc-generated `tflite` package, generating it first if needed."""
    schema = PRETRAINED_DIR / "tflite-schema.fbs"
    if not schema.is_file():
        raise PretrainedMissing(f"TFLite schema not found: {schema} (see ../shared/pretrained/README.md)")
    digest = hashlib.sha256(schema.read_bytes()).hexdigest()[:12]
    out = GEN_ROOT / digest
    if not (out / "tflite" / "Model.py").is_file():
        flatc = shutil.which("flatc")
        if not flatc:
            raise PretrainedMissing("flatc not found: apt-get install -y flatbuffers-compiler python3-flatbuffers")
        out.mkdir(parents=True, exist_ok=True)
        subprocess.run([flatc, "--python", "-o", str(out), str(schema)], check=True)
        (out / "tflite" / "__init__.py").touch()
    if str(out) not in sys.path:
        sys.path.insert(0, str(out))
    return importlib.import_module("tflite.Model"), importlib.import_module("tflite.BuiltinOperator")


@dataclass
class Tensor:
    name: str
    shape: tuple[int, ...]
    data: np.ndarray | None  # dequantised float32 constant, or None for activations
    scale: np.ndarray | None = None
    zero_point: np.ndarray | None = None


@dataclass
class Op:
    kind: str                 # e.g. CONV_2D, DEPTHWISE_CONV_2D, ADD, ...
    inputs: list[int]
    outputs: list[int]
    options: dict = field(default_factory=dict)


@dataclass
class Graph:
    tensors: list[Tensor]
    ops: list[Op]
    inputs: list[int]
    outputs: list[int]


_ACT = {0: None, 1: "relu", 2: "relu_n1_to_1", 3: "relu6", 4: "tanh", 5: "sign_bit", 6: "sigmoid"}
_PAD = {0: "same", 1: "valid"}


def _dequantise(raw: np.ndarray, q) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None]:
    if q is None or q.ScaleLength() == 0:
        return raw.astype(np.float32), None, None
    scale = q.ScaleAsNumpy().astype(np.float64)
    zp = q.ZeroPointAsNumpy().astype(np.float64)
    if scale.size == 1:
        return (scale[0] * (raw.astype(np.float64) - zp[0])).astype(np.float32), scale, zp
    axis = q.QuantizedDimension()
    shape = [1] * raw.ndim
    shape[axis] = scale.size
    return (scale.reshape(shape) * (raw.astype(np.float64) - zp.reshape(shape))).astype(np.float32), scale, zp


_DTYPES = {0: np.float32, 1: np.float16, 2: np.int32, 3: np.uint8, 4: np.int64, 9: np.int8}


def _options(kind: str, op, mod) -> dict:
    """Decodes the builtin options that the supported operators need."""
    tab = op.BuiltinOptions()
    if tab is None:
        return {}
    if kind in ("CONV_2D", "DEPTHWISE_CONV_2D"):
        name = "Conv2DOptions" if kind == "CONV_2D" else "DepthwiseConv2DOptions"
        o = getattr(importlib.import_module(f"tflite.{name}"), name)()
        o.Init(tab.Bytes, tab.Pos)
        return {"stride": (o.StrideH(), o.StrideW()), "dilation": (o.DilationHFactor(), o.DilationWFactor()),
                "padding": _PAD[o.Padding()], "act": _ACT[o.FusedActivationFunction()]}
    if kind in ("AVERAGE_POOL_2D", "MAX_POOL_2D"):
        o = importlib.import_module("tflite.Pool2DOptions").Pool2DOptions()
        o.Init(tab.Bytes, tab.Pos)
        return {"stride": (o.StrideH(), o.StrideW()), "filter": (o.FilterHeight(), o.FilterWidth()),
                "padding": _PAD[o.Padding()], "act": _ACT[o.FusedActivationFunction()]}
    if kind == "ADD":
        o = importlib.import_module("tflite.AddOptions").AddOptions()
        o.Init(tab.Bytes, tab.Pos)
        return {"act": _ACT[o.FusedActivationFunction()]}
    if kind == "CONCATENATION":
        o = importlib.import_module("tflite.ConcatenationOptions").ConcatenationOptions()
        o.Init(tab.Bytes, tab.Pos)
        return {"axis": o.Axis(), "act": _ACT[o.FusedActivationFunction()]}
    if kind == "RESIZE_BILINEAR":
        o = importlib.import_module("tflite.ResizeBilinearOptions").ResizeBilinearOptions()
        o.Init(tab.Bytes, tab.Pos)
        return {"align_corners": bool(o.AlignCorners()), "half_pixel_centers": bool(o.HalfPixelCenters())}
    return {}


def read_tflite(path: Path) -> Graph:
    model_mod, op_mod = _schema_module()
    names = {v: k for k, v in vars(op_mod.BuiltinOperator).items() if not k.startswith("_")}
    buf = Path(path).read_bytes()
    m = model_mod.Model.GetRootAsModel(buf, 0)
    if m.SubgraphsLength() != 1:
        raise ValueError(f"{path}: expected one subgraph, found {m.SubgraphsLength()}")
    g = m.Subgraphs(0)
    tensors = []
    for i in range(g.TensorsLength()):
        t = g.Tensors(i)
        shape = tuple(int(s) for s in t.ShapeAsNumpy()) if t.ShapeLength() else ()
        b = m.Buffers(t.Buffer())
        data = scale = zp = None
        if b is not None and b.DataLength() > 0:
            raw = np.frombuffer(b.DataAsNumpy().tobytes(), dtype=_DTYPES[t.Type()]).reshape(shape)
            data, scale, zp = _dequantise(raw, t.Quantization())
        elif t.Quantization() is not None and t.Quantization().ScaleLength():
            q = t.Quantization()
            scale, zp = q.ScaleAsNumpy().astype(np.float64), q.ZeroPointAsNumpy().astype(np.float64)
        tensors.append(Tensor(t.Name().decode(), shape, data, scale, zp))
    ops = []
    for i in range(g.OperatorsLength()):
        op = g.Operators(i)
        code = m.OperatorCodes(op.OpcodeIndex())
        kind = names[max(code.BuiltinCode(), code.DeprecatedBuiltinCode())]
        ops.append(Op(kind, [int(x) for x in op.InputsAsNumpy()], [int(x) for x in op.OutputsAsNumpy()],
                      _options(kind, op, model_mod)))
    return Graph(tensors, ops, [int(x) for x in g.InputsAsNumpy()], [int(x) for x in g.OutputsAsNumpy()])
