"""mIoU as the project measures it: 11 CamVid classes, void ignored, intersection and union
accumulated over all pixels of all frames of a split, then averaged over classes."""
from __future__ import annotations

import numpy as np

from common import IGNORE_INDEX, NUM_CLASSES


def confusion(pred: np.ndarray, gt: np.ndarray, n: int = NUM_CLASSES, ignore: int = IGNORE_INDEX) -> np.ndarray:
    """Confusion matrix [true, predicted] over the pixels whose ground truth is not `ignore`."""
    valid = gt != ignore
    t = gt[valid].astype(np.int64)
    p = pred[valid].astype(np.int64)
    return np.bincount(t * n + p, minlength=n * n).reshape(n, n)


def miou_from_confusion(cm: np.ndarray) -> tuple[float, np.ndarray]:
    tp = np.diag(cm).astype(np.float64)
    union = cm.sum(0) + cm.sum(1) - tp
    iou = tp / np.maximum(union, 1)
    return float(iou.mean()), iou


def pixel_accuracy(cm: np.ndarray) -> float:
    return float(np.trace(cm) / max(cm.sum(), 1))
