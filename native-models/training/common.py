"""Shared definitions for the camvid-lite model: classes, data split, dataset, network."""
from __future__ import annotations

import os
import random
from pathlib import Path

import cv2
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

cv2.setNumThreads(1)

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = Path(os.environ.get("VSS_DATA_DIR", REPO_ROOT.parent / "shared" / "data"))

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
NUM_CLASSES = 11
IGNORE_INDEX = 11

# Model input geometry (the engine resizes frames to this before inference).
INPUT_W, INPUT_H = 480, 352

# Held-out validation split (never trained on): contiguous chunks at the end of each
# training sequence. The 0016E5 chunk (frames >= 07620) brackets the val_a range
# (07959..08057), so val_a is also temporally disjoint from every training frame
# (nearest training frame: 0016E5_07590, ~12 s earlier).
HOLDOUT_RULES = {
    "0001TP": 8190,   # 0001TP_008190 .. 0001TP_008520 (12 frames)
    "0006R0": 3510,   # 0006R0_f03510 .. 0006R0_f03930 (15 frames)
    "0016E5": 7620,   # 0016E5_07620 .. 0016E5_08640 (27 frames)
}


def frame_number(name: str) -> int:
    stem = Path(name).stem.split("_", 1)[1]
    return int("".join(ch for ch in stem if ch.isdigit()))


def is_holdout(name: str) -> bool:
    seq = Path(name).stem.split("_", 1)[0]
    return frame_number(name) >= HOLDOUT_RULES[seq]


def list_split(data_dir: Path, split: str) -> list[str]:
    """split: 'train' (training part), 'holdout' (held-out part of train/), 'all_train' (all of train/), 'val_a'."""
    cam = Path(data_dir) / "camvid"
    if split == "val_a":
        return sorted(os.listdir(cam / "val_a"))
    names = sorted(os.listdir(cam / "train"))
    if split == "all_train":
        return names
    if split == "train":
        return [n for n in names if not is_holdout(n)]
    if split == "holdout":
        return [n for n in names if is_holdout(n)]
    raise ValueError(split)


def load_split(data_dir: Path, split: str):
    cam = Path(data_dir) / "camvid"
    img_dir, ann_dir = ("val_a", "val_aannot") if split == "val_a" else ("train", "trainannot")
    names = list_split(data_dir, split)
    imgs, labels = [], []
    for n in names:
        im = cv2.imread(str(cam / img_dir / n), cv2.IMREAD_COLOR)[:, :, ::-1]  # RGB
        lb = cv2.imread(str(cam / ann_dir / n), cv2.IMREAD_UNCHANGED)
        imgs.append(np.ascontiguousarray(im))
        labels.append(lb)
    return names, imgs, labels


def class_frequencies(labels) -> np.ndarray:
    counts = np.zeros(NUM_CLASSES, np.float64)
    for lb in labels:
        counts += np.bincount(lb.ravel(), minlength=256)[:NUM_CLASSES]
    return counts / counts.sum()


def class_weights(labels, kind: str = "enet", c: float = 1.10) -> np.ndarray:
    p = class_frequencies(labels)
    if kind == "enet":
        w = 1.0 / np.log(c + p)
    elif kind == "median":
        w = np.median(p) / p
    else:
        w = np.ones(NUM_CLASSES)
    return w / w.mean()


class TrainAug:
    """Random scale, random crop (padded with void), horizontal flip, colour jitter."""

    def __init__(self, crop=(256, 256), scale=(0.6, 1.5), jitter=0.3, seed=0):
        self.crop_h, self.crop_w = crop
        self.scale = scale
        self.jitter = jitter
        self.rng = np.random.default_rng(seed)

    def __call__(self, img, lb):
        r = self.rng
        s = r.uniform(*self.scale)
        h, w = lb.shape
        nh, nw = max(int(round(h * s)), 8), max(int(round(w * s)), 8)
        img = cv2.resize(img, (nw, nh), interpolation=cv2.INTER_LINEAR)
        lb = cv2.resize(lb, (nw, nh), interpolation=cv2.INTER_NEAREST)
        ph, pw = max(self.crop_h - nh, 0), max(self.crop_w - nw, 0)
        if ph or pw:
            img = cv2.copyMakeBorder(img, 0, ph, 0, pw, cv2.BORDER_CONSTANT, value=(0, 0, 0))
            lb = cv2.copyMakeBorder(lb, 0, ph, 0, pw, cv2.BORDER_CONSTANT, value=IGNORE_INDEX)
        h, w = lb.shape
        y = r.integers(0, h - self.crop_h + 1)
        x = r.integers(0, w - self.crop_w + 1)
        img = img[y:y + self.crop_h, x:x + self.crop_w]
        lb = lb[y:y + self.crop_h, x:x + self.crop_w]
        if r.random() < 0.5:
            img = img[:, ::-1]
            lb = lb[:, ::-1]
        img = img.astype(np.float32) / 255.0
        j = self.jitter
        if j > 0:
            b = r.uniform(-j, j) * 0.5
            c = r.uniform(1 - j, 1 + j)
            sat = r.uniform(1 - j, 1 + j)
            grey = img.mean(axis=2, keepdims=True)
            img = grey + (img - grey) * sat
            m = img.mean()
            img = (img - m) * c + m + b * 0.5
            img = np.clip(img, 0.0, 1.0)
        return np.ascontiguousarray(img), np.ascontiguousarray(lb)


def normalise(img01: np.ndarray, mean, std) -> torch.Tensor:
    """HWC float [0,1] RGB -> CHW normalised tensor."""
    x = (img01 - np.asarray(mean, np.float32)) / np.asarray(std, np.float32)
    return torch.from_numpy(np.ascontiguousarray(x.transpose(2, 0, 1)))


# --------------------------------------------------------------------------- network

def conv_bn(cin, cout, k=1, s=1, d=1, groups=1, act=True):
    layers = [nn.Conv2d(cin, cout, k, s, padding=d * (k // 2), dilation=d, groups=groups, bias=False),
              nn.BatchNorm2d(cout)]
    if act:
        layers.append(nn.ReLU(inplace=True))
    return nn.Sequential(*layers)


class IR(nn.Module):
    """MobileNetV2 inverted residual (expand 1x1 -> depthwise 3x3 -> project 1x1)."""

    def __init__(self, cin, cout, s=1, d=1, e=4):
        super().__init__()
        hid = cin * e
        layers = []
        if e != 1:
            layers.append(conv_bn(cin, hid, 1))
        layers.append(conv_bn(hid, hid, 3, s, d, groups=hid))
        layers.append(conv_bn(hid, cout, 1, act=False))
        self.body = nn.Sequential(*layers)
        self.res = s == 1 and cin == cout

    def forward(self, x):
        y = self.body(x)
        return x + y if self.res else y


class Low(nn.Module):
    """Stride-4 low-level features from the normalised image."""

    def __init__(self, c1=32):
        super().__init__()
        self.stem = conv_bn(3, 16, 3, 2)                  # s2
        self.down = nn.Sequential(conv_bn(16, 16, 3, 2, groups=16), conv_bn(16, c1, 1))  # s4
        self.block = IR(c1, c1, 1, 1, e=2)
        self.out_channels = c1

    def forward(self, image):
        return self.block(self.down(self.stem(image)))


class High(nn.Module):
    """Deep stage: stride 4 -> stride 16 with dilated inverted residuals and global context."""

    def __init__(self, c1=32, c2=128, w8=48, w16=96, n8=2, dil=(2, 4, 8, 2, 4, 8), e=4):
        super().__init__()
        layers = [IR(c1, w8, 2, e=e)]
        layers += [IR(w8, w8, 1, e=e) for _ in range(n8)]
        layers += [IR(w8, w16, 2, e=e)]
        layers += [IR(w16, w16, 1, d, e=e) for d in dil]
        self.body = nn.Sequential(*layers)
        self.proj = conv_bn(w16, c2, 1)
        self.ctx = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Conv2d(w16, c2, 1, bias=True), nn.ReLU(inplace=True))
        self.out_channels = c2

    def forward(self, low):
        x = self.body(low)
        return self.proj(x) + self.ctx(x)


class Head(nn.Module):
    """Light decoder: high (possibly flow-warped) + current low -> stride-4 logits."""

    def __init__(self, c1=32, c2=128, ch=64, num_classes=NUM_CLASSES):
        super().__init__()
        self.hproj = conv_bn(c2, ch, 1)
        self.lproj = conv_bn(c1, 32, 1)
        self.fuse = nn.Sequential(conv_bn(ch + 32, ch + 32, 3, groups=ch + 32), conv_bn(ch + 32, ch, 1))
        self.cls = nn.Conv2d(ch, num_classes, 1)

    def forward(self, high, low):
        h = self.hproj(high)
        h = F.interpolate(h, size=low.shape[-2:], mode="bilinear", align_corners=False)
        x = torch.cat([h, self.lproj(low)], dim=1)
        return self.cls(self.fuse(x))


class CamVidLite(nn.Module):
    def __init__(self, c1=32, c2=128, **high_kw):
        super().__init__()
        self.low = Low(c1)
        self.high = High(c1, c2, **high_kw)
        self.head = Head(c1, c2)

    def forward(self, image):
        low = self.low(image)
        return self.head(self.high(low), low)


def build_model(cfg: dict) -> CamVidLite:
    return CamVidLite(**cfg.get("model", {}))


def load_checkpoint(path) -> tuple[CamVidLite, dict, dict]:
    """Loads a training checkpoint: the model in eval mode, its config and the raw checkpoint."""
    ck = torch.load(path, map_location="cpu")
    cfg = ck["config"]
    model = build_model(cfg)
    model.load_state_dict(ck["model"])
    model.eval()
    return model, cfg, ck


def count_macs(module: nn.Module, *inputs) -> int:
    """Multiply-accumulates of Conv2d layers (the dominant cost) for one forward pass."""
    total = [0]

    def hook(m, inp, out):
        k = m.kernel_size[0] * m.kernel_size[1] * (m.in_channels // m.groups)
        total[0] += out.numel() // out.shape[0] * k

    hs = [m.register_forward_hook(hook) for m in module.modules() if isinstance(m, nn.Conv2d)]
    with torch.no_grad():
        module(*inputs)
    for h in hs:
        h.remove()
    return total[0]


def seed_everything(seed: int):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
