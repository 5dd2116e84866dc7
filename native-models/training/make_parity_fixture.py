"""Write the ONNX-vs-PyTorch parity fixture for the exported bundle.

    /usr/bin/python3 native-models/training/make_parity_fixture.py --ckpt <the exported checkpoint>

The input is a synthetic road-like image (no dataset pixels are stored), normalised with the
model's mean/std, at a reduced size of 224x160 (W x H) to keep the fixture small. Writes
native-models/camvid-lite/parity/: input.bin, low.bin, high.bin, logits.bin (split chain in
PyTorch), single_logits.bin (single graph in PyTorch), all little-endian float32 NCHW, plus
meta.json with shapes and the checkpoint used.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO_ROOT, load_checkpoint  # noqa: E402

W, H = 224, 160


def synthetic_image(w=W, h=H, seed=7) -> np.ndarray:
    """HWC float32 in [0,1]: sky gradient, buildings, road, a car-like box, lane marks, noise."""
    rng = np.random.default_rng(seed)
    y = np.linspace(0, 1, h, dtype=np.float32)[:, None]
    img = np.zeros((h, w, 3), np.float32)
    img[:] = np.stack([0.55 + 0.3 * (1 - y), 0.6 + 0.3 * (1 - y), 0.7 + 0.25 * (1 - y)], -1)  # sky
    hz = int(h * 0.45)
    for i in range(6):  # buildings
        x0 = int(rng.integers(0, w - 20)); bw = int(rng.integers(15, 50)); top = int(rng.integers(int(h * 0.1), hz))
        img[top:hz, x0:x0 + bw] = rng.uniform(0.2, 0.6, 3)
    img[hz:] = np.array([0.35, 0.33, 0.36], np.float32)  # road
    img[hz:, : w // 6] = np.array([0.55, 0.5, 0.5], np.float32)  # pavement
    for x in range(w // 2 - 2, w // 2 + 2):
        img[hz + 10::12, x] = 0.9  # dashed lane mark
    img[hz - 10:hz + 15, int(w * 0.6):int(w * 0.8)] = np.array([0.1, 0.1, 0.5], np.float32)  # car
    img[int(h * 0.15):hz + 20, int(w * 0.3):int(w * 0.3) + 3] = 0.25  # pole
    img += rng.normal(0, 0.03, img.shape).astype(np.float32)
    return np.clip(img, 0, 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", default="native-models/training/checkpoints/best.pt")
    ap.add_argument("--out", default="native-models/camvid-lite/parity")
    args = ap.parse_args()
    torch.set_num_threads(2)
    model, cfg, ck = load_checkpoint(args.ckpt)

    img = synthetic_image()
    x = (img - np.asarray(cfg["mean"], np.float32)) / np.asarray(cfg["std"], np.float32)
    x = torch.from_numpy(np.ascontiguousarray(x.transpose(2, 0, 1)[None].astype(np.float32)))
    with torch.no_grad():
        low = model.low(x)
        high = model.high(low)
        logits = model.head(high, low)
        single = model(x)
    out = REPO_ROOT / args.out
    out.mkdir(parents=True, exist_ok=True)
    tensors = {"input": x, "low": low, "high": high, "logits": logits, "single_logits": single}
    meta = {"checkpoint": args.ckpt, "checkpoint_sha256": hashlib.sha256(Path(args.ckpt).read_bytes()).hexdigest(),
            "epoch": ck.get("epoch"), "dtype": "float32", "endianness": "little", "layout": "NCHW",
            "input_note": "synthetic road-like image, already normalised ((x/255 - mean)/std)", "tensors": {}}
    for name, t in tensors.items():
        a = t.numpy().astype("<f4")
        a.tofile(out / f"{name}.bin")
        meta["tensors"][name] = {"file": f"{name}.bin", "shape": list(a.shape)}
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n")
    total = sum((out / f"{n}.bin").stat().st_size for n in tensors)
    print(f"wrote {out} ({total / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
