"""Evaluate a camvid-lite checkpoint (PyTorch) on the held-out split and/or val_a.

The evaluation mimics the engine: frame (480x360) -> bilinear resize to the model input
(480x352) -> normalise -> logits at stride 4 -> bilinear upsample to the frame size -> argmax.
mIoU: 11 classes, void (11) ignored, intersection/union accumulated over all pixels of all
frames of the split, then averaged over classes.

    /usr/bin/python3 native-models/training/evaluate.py --ckpt native-models/training/checkpoints/best.pt
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import cv2
import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CLASSES, DEFAULT_DATA, IGNORE_INDEX, INPUT_H, INPUT_W, NUM_CLASSES, load_split, normalise, load_checkpoint  # noqa: E402


def preprocess(img_rgb_u8, mean, std, size):
    w, h = size
    im = cv2.resize(img_rgb_u8, (w, h), interpolation=cv2.INTER_LINEAR).astype(np.float32) / 255.0
    return normalise(im, mean, std)


@torch.no_grad()
def evaluate_arrays(model, imgs, labels, mean, std, size=(INPUT_W, INPUT_H), with_loss_weight=None):
    was_training = model.training
    model.eval()
    inter = np.zeros(NUM_CLASSES, np.int64)
    union = np.zeros(NUM_CLASSES, np.int64)
    correct = total = 0
    losses = []
    for im, lb in zip(imgs, labels):
        x = preprocess(im, mean, std, size)[None]
        logits = model(x)
        logits = F.interpolate(logits, size=lb.shape, mode="bilinear", align_corners=False)
        y = torch.from_numpy(lb.astype(np.int64))[None]
        if with_loss_weight is not None:
            losses.append(F.cross_entropy(logits, y, weight=with_loss_weight, ignore_index=IGNORE_INDEX).item())
        pred = logits.argmax(1)[0].numpy()
        valid = lb != IGNORE_INDEX
        p, t = pred[valid], lb[valid].astype(np.int64)
        correct += int((p == t).sum())
        total += int(valid.sum())
        cm = np.bincount(t * NUM_CLASSES + p, minlength=NUM_CLASSES ** 2).reshape(NUM_CLASSES, NUM_CLASSES)
        tp = np.diag(cm)
        inter += tp
        union += cm.sum(0) + cm.sum(1) - tp
    iou = inter / np.maximum(union, 1)
    present = union > 0
    if was_training:
        model.train()
    return {"miou": float(iou.mean()), "iou": iou.tolist(),
            "miou_present_classes": float(iou[present].mean()) if present.any() else 0.0, "pixel_acc": correct / max(total, 1),
            "loss": float(np.mean(losses)) if losses else None, "frames": len(imgs)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", default="native-models/training/checkpoints/best.pt")
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--splits", default="holdout,val_a")
    ap.add_argument("--out", default="", help="optional JSON output path")
    args = ap.parse_args()
    torch.set_num_threads(2)
    model, cfg, ck = load_checkpoint(args.ckpt)
    out = {"checkpoint": args.ckpt, "epoch": ck.get("epoch"), "results": {}}
    for split in args.splits.split(","):
        _, imgs, labels = load_split(Path(args.data), split)
        res = evaluate_arrays(model, imgs, labels, cfg["mean"], cfg["std"])
        out["results"][split] = res
        if split == "val_a":
            # The 10-frame subset used by native-models/parity.test.ts (every 5th frame); classes
            # absent from both labels and predictions are left out of that mean.
            sub = evaluate_arrays(model, imgs[::5][:10], labels[::5][:10], cfg["mean"], cfg["std"])
            out["results"]["val_a_10"] = sub
            print(f"val_a_10 (every 5th frame): mIoU over present classes {sub['miou_present_classes'] * 100:.2f}")
        print(f"{split}: {res['frames']} frames  mIoU {res['miou'] * 100:.2f}  pixel acc {res['pixel_acc'] * 100:.2f}")
        for (name, _), v in zip(CLASSES, res["iou"]):
            print(f"   {name:<11} {v * 100:6.2f}")
    if args.out:
        Path(args.out).write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
