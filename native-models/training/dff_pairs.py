"""Synthetic key/current frame pairs for training and scoring the Deep Feature Flow path.

CamVid's `train/` is labelled at 1 Hz, too sparse for real key/current pairs, so a pair is made from
one labelled frame: the current frame is the key frame moved by a random ego-motion (zoom about a
point near the centre, translation, a small rotation) after the "thing" objects (Car, Pedestrian,
Bicyclist) were moved on their own. Where an object left, the key frame's pixels stay (a ghost, as
an occluded background would look to the flow) and the label is void. The flow the engine would use
is then measured, not given: OpenCV's DIS (ultrafast, the engine's preset) from current to key on
grey images at a quarter of the model input, the engine's flow grid.
"""
from __future__ import annotations

import cv2
import numpy as np
import torch
import torch.nn.functional as F

from common import IGNORE_INDEX

THINGS = (8, 9, 10)  # Car, Pedestrian, Bicyclist


def _move_things(img: np.ndarray, lb: np.ndarray, rng: np.random.Generator, max_shift: float):
    out_img, out_lb = img.copy(), lb.copy()
    mask = np.isin(lb, THINGS).astype(np.uint8)
    n, comp = cv2.connectedComponents(mask)
    for k in range(1, n):
        obj = comp == k
        if obj.sum() < 30 or rng.random() < 0.3:
            continue
        dx, dy = rng.uniform(-max_shift, max_shift), rng.uniform(-max_shift / 3, max_shift / 3)
        m = np.float32([[1, 0, dx], [0, 1, dy]])
        size = (lb.shape[1], lb.shape[0])
        moved = cv2.warpAffine(obj.astype(np.uint8), m, size, flags=cv2.INTER_NEAREST) > 0
        shifted_img = cv2.warpAffine(img, m, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
        out_lb[obj & ~moved] = IGNORE_INDEX
        out_img[moved] = shifted_img[moved]
        out_lb[moved] = cv2.warpAffine(lb, m, size, flags=cv2.INTER_NEAREST)[moved]
    return out_img, out_lb


def make_pair(img: np.ndarray, lb: np.ndarray, rng: np.random.Generator, strength: float = 1.0):
    """(key image, current image, current label): uint8 RGB frames of the same size."""
    h, w = lb.shape
    cur, cur_lb = _move_things(img, lb, rng, 24 * strength)
    zoom = 1 + rng.uniform(0, 0.12 * strength)
    cx, cy = w / 2 + rng.uniform(-0.1, 0.1) * w, h * rng.uniform(0.35, 0.55)
    rot = rng.uniform(-2, 2) * strength
    m = cv2.getRotationMatrix2D((cx, cy), rot, zoom)
    m[:, 2] += rng.uniform(-12, 12, size=2) * strength
    cur = cv2.warpAffine(cur, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
    cur_lb = cv2.warpAffine(cur_lb, m, (w, h), flags=cv2.INTER_NEAREST, borderMode=cv2.BORDER_CONSTANT,
                            borderValue=IGNORE_INDEX)
    return img, cur, cur_lb


_DIS = None


def engine_flow(cur_rgb: np.ndarray, key_rgb: np.ndarray, grid: tuple[int, int]) -> np.ndarray:
    """DIS flow current -> key on grey images of `grid` (w, h): cur(x) ≈ key(x + f(x)), (h, w, 2)."""
    global _DIS
    if _DIS is None:
        _DIS = cv2.DISOpticalFlow_create(cv2.DISOPTICAL_FLOW_PRESET_ULTRAFAST)
        _DIS.setFinestScale(1)  # the engine's ultrafast at flow scale 0.25 (propagate.ts flowDisOptions)
    g = [cv2.resize(cv2.cvtColor(x, cv2.COLOR_RGB2GRAY), grid, interpolation=cv2.INTER_AREA) for x in (cur_rgb, key_rgb)]
    return _DIS.calc(g[0], g[1], None)


def warp_features(feat: torch.Tensor, flow: torch.Tensor) -> torch.Tensor:
    """out(x) = feat(x + f(x)) on the feature grid (bilinear, border clamped), flow (B, h, w, 2) in grid pixels."""
    b, _, h, w = feat.shape
    ys, xs = torch.meshgrid(torch.arange(h, dtype=torch.float32), torch.arange(w, dtype=torch.float32), indexing="ij")
    px = (xs[None] + flow[..., 0]).clamp(0, w - 1)
    py = (ys[None] + flow[..., 1]).clamp(0, h - 1)
    grid = torch.stack([2 * px / (w - 1) - 1, 2 * py / (h - 1) - 1], dim=-1)
    return F.grid_sample(feat, grid, mode="bilinear", padding_mode="border", align_corners=True)
