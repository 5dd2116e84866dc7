"""Key-frame reuse on val_a (PyTorch): mIoU when the head gets the `high` features of an earlier
key frame, without any flow warping (a lower bound for the engine's warped propagation).

val_a frames are 2 camera frames apart (15 Hz). For key interval K (in val_a frames), frame i uses
high(frame K*floor(i/K)) and low(frame i). K=1 is ordinary per-frame inference.

    /usr/bin/python3 native-models/training/eval_temporal.py --ckpt native-models/training/checkpoints/best.pt
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DEFAULT_DATA, IGNORE_INDEX, NUM_CLASSES, load_split, load_checkpoint  # noqa: E402
from evaluate import preprocess  # noqa: E402


@torch.no_grad()
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", default="native-models/training/checkpoints/best.pt")
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--intervals", default="1,2,3,4,6")
    ap.add_argument("--out", default="")
    args = ap.parse_args()
    torch.set_num_threads(2)
    model, cfg, _ = load_checkpoint(args.ckpt)
    _, imgs, labels = load_split(Path(args.data), "val_a")
    lows, highs = [], []
    for im in imgs:
        x = preprocess(im, cfg["mean"], cfg["std"], (480, 352))[None]
        lo = model.low(x)
        lows.append(lo)
        highs.append(model.high(lo))
    res = {}
    for K in [int(k) for k in args.intervals.split(",")]:
        inter = np.zeros(NUM_CLASSES, np.int64)
        union = np.zeros(NUM_CLASSES, np.int64)
        for i, lb in enumerate(labels):
            key = K * (i // K)
            logits = model.head(highs[key], lows[i])
            pred = F.interpolate(logits, size=lb.shape, mode="bilinear", align_corners=False).argmax(1)[0].numpy()
            v = lb != IGNORE_INDEX
            t, p = lb[v].astype(np.int64), pred[v]
            cm = np.bincount(t * NUM_CLASSES + p, minlength=NUM_CLASSES ** 2).reshape(NUM_CLASSES, NUM_CLASSES)
            tp = np.diag(cm)
            inter += tp
            union += cm.sum(0) + cm.sum(1) - tp
        miou = float((inter / np.maximum(union, 1)).mean())
        res[K] = miou
        print(f"key every {K} val_a frames ({2 * K} camera frames, max age {2 * (K - 1)}): mIoU {miou * 100:.2f}")
    if args.out:
        Path(args.out).write_text(json.dumps({"checkpoint": args.ckpt, "miou_by_key_interval": res}, indent=1) + "\n")


if __name__ == "__main__":
    main()
