"""Exports a camvid-edge checkpoint to ONNX: a split bundle (low/high/head) and a single graph.

    /usr/bin/python3 native-models/training/export_edge.py --ckpt PATH [--size 640x480] \
        [--out native-models/camvid-edge] [--out-single native-models/camvid-edge-single]

Graphs are exported at a fixed input size (TensorFlow SAME padding of the pretrained layers is
reproduced exactly, and it depends on the size); the engine always feeds model.json's size.
`high` reads the image (the pretrained backbone keeps its own stem), `low` the image too, and
`head` the high and low features. Writes model.json for both and EXPORTED.json beside the split.
"""
from __future__ import annotations

import argparse
import datetime
import json
import sys
import warnings
from pathlib import Path

import onnx
import torch
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CLASSES, IGNORE_INDEX, NUM_CLASSES, REPO_ROOT  # noqa: E402
from edgenet import MEAN, STD, EdgeNet  # noqa: E402
from tflite_torch import count_macs  # noqa: E402
from export import HeadWrap, sha256  # noqa: E402  (shared with the camvid-lite export)

OPSET = 13
LICENSE = ("Weights by the VSS Studio project: initialised from Google's Cityscapes DeepLab "
           "(MobileNet-EdgeTPU, google-coral/test_data, Apache-2.0; trained on Cityscapes, whose terms are "
           "non-commercial; ImageNet pre-training) and fine-tuned on CamVid (Brostow et al., CC BY-NC 4.0). "
           "Research and personal, non-commercial use only.")


def export_graph(module, args, path: Path, input_names, output_names):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(module, args, str(path), opset_version=OPSET, input_names=input_names,
                          output_names=output_names, do_constant_folding=True)
    m = onnx.load(str(path))
    onnx.checker.check_model(m)
    m.producer_name = "vss-studio export_edge.py"
    onnx.save(m, str(path))


class HighAtLowStride(nn.Module):
    """`high` followed by the head's 1x1 projection and its bilinear upsampling to the `low` grid.

    The per-frame output is identical to the stride-16 split (the projection is pointwise and the
    upsampling linear); what changes is where Deep Feature Flow warps: on the stride-4 grid, where
    the flow can follow object boundaries, instead of stride 16.
    """

    def __init__(self, model: EdgeNet, low_hw: tuple[int, int]):
        super().__init__()
        self.high, self.hproj, self.low_hw = model.high, model.head.hproj, low_hw

    def forward(self, image):
        return F.interpolate(self.hproj(self.high(image)), size=self.low_hw, mode="bilinear", align_corners=False)


class HeadAfterProjection(nn.Module):
    """The head's fusion and classifier on the upsampled projection and the `low` features."""

    def __init__(self, model: EdgeNet):
        super().__init__()
        self.fuse, self.cls = model.head.fuse, model.head.cls

    def forward(self, high, low):
        return self.cls(self.fuse(torch.cat([high, low], dim=1)))


def split_stages(model: EdgeNet, x: torch.Tensor, warp_stride: int) -> tuple[nn.Module, nn.Module]:
    """The (high, head) modules to export: warped at stride 16 (raw `high`) or 4 (projected, upsampled)."""
    if warp_stride == 16:
        return model.high, HeadWrap(model.head)
    if warp_stride != 4:
        sys.exit(f"export_edge: --warp-stride must be 4 or 16, not {warp_stride}")
    low = model.low(x)
    return HighAtLowStride(model, (low.shape[-2], low.shape[-1])), HeadAfterProjection(model)


def load(ckpt: str) -> tuple[EdgeNet, dict, dict]:
    ck = torch.load(ckpt, map_location="cpu")
    cfg = ck["config"]
    model = EdgeNet(cfg["init"], cfg.get("low_ch", 32), cfg.get("head_ch", 48))
    model.load_state_dict(ck["model"])
    return model.eval(), cfg, ck


def manifests(name: str, w: int, h: int, low, high, desc: str):
    inp = {"name": "image", "layout": "NCHW", "colorOrder": "RGB", "scale": 0.0039215686,
           "mean": [round(v, 6) for v in MEAN], "std": [round(v, 6) for v in STD], "width": w, "height": h}
    classes = [{"id": i, "name": n, "color": list(c)} for i, (n, c) in enumerate(CLASSES)]
    s_low, s_high = w // low.shape[-1], w // high.shape[-1]
    common = {"description": desc, "license": LICENSE, "classes": classes, "ignoreIndex": IGNORE_INDEX, "input": inp}
    split = {"name": name, **common, "stages": {
        "low": {"graph": "low.onnx", "inputs": {"image": "image"}, "output": "low", "stride": s_low,
                "channels": low.shape[1]},
        "high": {"graph": "high.onnx", "inputs": {"image": "image"}, "output": "high", "stride": s_high,
                 "channels": high.shape[1]},
        "head": {"graph": "head.onnx", "inputs": {"high": "high", "low": "low"}, "output": "logits",
                 "stride": s_low, "channels": NUM_CLASSES}},
        "output": {"layout": "NCHW", "kind": "logits"}}
    single = {"name": f"{name}-single", **common, "graph": "model.onnx",
              "output": {"name": "logits", "layout": "NCHW", "kind": "logits", "stride": s_low}}
    return split, single


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", required=True)
    ap.add_argument("--size", default="640x480")
    ap.add_argument("--name", default="camvid-edge")
    ap.add_argument("--out", default="native-models/camvid-edge")
    ap.add_argument("--out-single", default="native-models/camvid-edge-single")
    ap.add_argument("--warp-stride", type=int, default=4,
                    help="grid on which DFF warps the high features: 4 (projected, upsampled; default) or 16")
    args = ap.parse_args()
    torch.set_num_threads(2)
    w, h = (int(v) for v in args.size.split("x"))
    model, cfg, ck = load(args.ckpt)
    out, out_single = REPO_ROOT / args.out, REPO_ROOT / args.out_single
    out.mkdir(parents=True, exist_ok=True)
    out_single.mkdir(parents=True, exist_ok=True)

    x = torch.zeros(1, 3, h, w)
    high_m, head_m = split_stages(model, x, args.warp_stride)
    with torch.no_grad():
        low, high = model.low(x), high_m(x)
    export_graph(model.low, (x,), out / "low.onnx", ["image"], ["low"])
    export_graph(high_m, (x,), out / "high.onnx", ["image"], ["high"])
    export_graph(head_m, (high, low), out / "head.onnx", ["high", "low"], ["logits"])
    export_graph(model, (x,), out_single / "model.onnx", ["image"], ["logits"])

    macs = {"low": count_macs(model.low, x), "high": count_macs(high_m, x), "head": count_macs(head_m, high, low)}
    total = sum(macs.values())
    params = sum(p.numel() for p in model.parameters())
    desc = (f"{args.name}: {params / 1e6:.2f}M-parameter road-scene segmenter (11 CamVid classes), a Cityscapes DeepLab "
            f"(MobileNet-EdgeTPU) fine-tuned on CamVid by the VSS Studio project. Split for Deep Feature Flow: 'high' is "
            f"{100 * macs['high'] / total:.0f}% of per-frame compute ({total / 1e9:.2f} GMAC at {w}x{h}).")
    split, single = manifests(args.name, w, h, low, high, desc)
    (out / "model.json").write_text(json.dumps(split, indent=2) + "\n")
    (out_single / "model.json").write_text(json.dumps(single, indent=2) + "\n")
    paths = {f"{out.name}/{n}": out / n for n in ("low.onnx", "high.onnx", "head.onnx")}
    paths[f"{out_single.name}/model.onnx"] = out_single / "model.onnx"
    exported = {
        "checkpoint": str(Path(args.ckpt).name), "checkpoint_sha256": sha256(Path(args.ckpt)),
        "fold": ck.get("fold"), "steps": ck.get("step"), "config": cfg,
        "dff_head": ck.get("dff_head"), "params": params,
        "input": [w, h], "warp_stride": args.warp_stride, "macs": macs, "high_share_of_macs": macs["high"] / total, "opset": OPSET,
        "exported_at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "files_sha256": {k: sha256(p) for k, p in paths.items()},
        "file_bytes": {k: p.stat().st_size for k, p in paths.items()},
    }
    (out / "EXPORTED.json").write_text(json.dumps(exported, indent=1) + "\n")
    print(json.dumps({k: exported[k] for k in ("params", "input", "macs", "high_share_of_macs", "file_bytes")}, indent=1))


if __name__ == "__main__":
    main()
