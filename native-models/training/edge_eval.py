"""Engine-like evaluation of camvid-edge: frame -> bilinear resize to the model input -> (p-128)/128
-> logits at stride 4 -> bilinear upsample to the frame size -> argmax; mIoU as in metrics.py."""
from __future__ import annotations

import cv2
import numpy as np
import torch
import torch.nn.functional as F

from edgenet import MEAN, STD
from metrics import confusion, miou_from_confusion, pixel_accuracy


def to_input(rgb: np.ndarray, size: tuple[int, int]) -> torch.Tensor:
    x = cv2.resize(rgb, size, interpolation=cv2.INTER_LINEAR).astype(np.float32) / 255.0
    x = (x - np.asarray(MEAN, np.float32)) / np.asarray(STD, np.float32)
    return torch.from_numpy(np.ascontiguousarray(x.transpose(2, 0, 1)))[None]


@torch.no_grad()
def predict(model, rgb: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    logits = model(to_input(rgb, size))
    return F.interpolate(logits, size=rgb.shape[:2], mode="bilinear", align_corners=False).argmax(1)[0].numpy()


def evaluate(model, imgs, labels, size: tuple[int, int]) -> dict:
    model.eval()
    cm = None
    for im, lb in zip(imgs, labels):
        c = confusion(predict(model, im, size), lb)
        cm = c if cm is None else cm + c
    miou, iou = miou_from_confusion(cm)
    return {"miou": miou, "iou": iou.tolist(), "pixel_acc": pixel_accuracy(cm), "frames": len(imgs),
            "confusion": cm.tolist()}
