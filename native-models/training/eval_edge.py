"""Reports a finished camvid-edge model on val_a (never used for training or selection).

    /usr/bin/python3 native-models/training/eval_edge.py --ckpt PATH [--size 640x480] \
        --out native-models/camvid-edge/eval.json

Writes per-class IoU, mIoU and pixel accuracy on the 50 val_a frames, and the mIoU over every 5th
frame (the 10 frames of the bundle test, classes present in labels or prediction).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CLASSES, DEFAULT_DATA, load_split  # noqa: E402
from edge_eval import evaluate  # noqa: E402
from export_edge import load  # noqa: E402
from metrics import pixel_accuracy  # noqa: E402


def present_miou(cm: np.ndarray) -> float:
    tp = np.diag(cm).astype(np.float64)
    union = cm.sum(0) + cm.sum(1) - tp
    keep = union > 0
    return float((tp[keep] / union[keep]).mean())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", required=True)
    ap.add_argument("--size", default="640x480")
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    torch.set_num_threads(2)
    size = tuple(int(v) for v in args.size.split("x"))
    model, cfg, ck = load(args.ckpt)
    _, imgs, labels = load_split(Path(args.data), "val_a")
    full = evaluate(model, imgs, labels, size)
    ten = evaluate(model, imgs[::5][:10], labels[::5][:10], size)
    cm10 = np.asarray(ten["confusion"])
    rep = {"input": list(size), "fold": ck.get("fold"), "steps": ck.get("step"),
           "val_a": {"frames": full["frames"], "miou": round(100 * full["miou"], 2),
                     "pixel_acc": round(100 * full["pixel_acc"], 2),
                     "iou": {CLASSES[i][0]: round(100 * v, 2) for i, v in enumerate(full["iou"])}},
           "val_a_10": {"frames": 10, "miou_present": round(100 * present_miou(cm10), 2),
                        "pixel_acc": round(100 * pixel_accuracy(cm10), 2)}}
    Path(args.out).write_text(json.dumps(rep, indent=1) + "\n")
    print(json.dumps({k: rep[k] for k in ("val_a", "val_a_10")}, indent=1))


if __name__ == "__main__":
    main()
