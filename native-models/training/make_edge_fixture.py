"""Writes the ONNX-vs-PyTorch parity fixture of the camvid-edge bundle.

    /usr/bin/python3 native-models/training/make_edge_fixture.py --ckpt PATH [--size 640x480] \
        [--out native-models/camvid-edge/parity]

The graphs have a fixed input size, so the fixture runs at it. To stay small, the input is not
stored: it is an integer pattern that the test recomputes (`pattern_pixel`, mirrored in
camvid-edge.test.ts), normalised as model.json says; and each output is stored as every STRIDE-th
value (little-endian float32, NCHW order), with its full shape in meta.json.
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
from common import REPO_ROOT  # noqa: E402
from edgenet import MEAN, STD  # noqa: E402
from export_edge import load, split_stages  # noqa: E402

STRIDE = 7


def pattern_image(w: int, h: int) -> np.ndarray:
    """uint8 RGB, HWC: ((x*7 + y*13 + c*41 + ((x*y) >> 5)) & 255), a deterministic textured pattern."""
    y, x = np.mgrid[0:h, 0:w].astype(np.int64)
    return np.stack([(x * 7 + y * 13 + c * 41 + ((x * y) >> 5)) & 255 for c in range(3)], -1).astype(np.uint8)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", required=True)
    ap.add_argument("--size", default="640x480")
    ap.add_argument("--out", default="native-models/camvid-edge/parity")
    ap.add_argument("--warp-stride", type=int, default=4, help="as given to export_edge.py")
    args = ap.parse_args()
    torch.set_num_threads(2)
    w, h = (int(v) for v in args.size.split("x"))
    model, _, _ = load(args.ckpt)
    img = pattern_image(w, h).astype(np.float32) / np.float32(255.0)
    x = (img - np.asarray(MEAN, np.float32)) / np.asarray(STD, np.float32)
    x = torch.from_numpy(np.ascontiguousarray(x.transpose(2, 0, 1)[None].astype(np.float32)))
    high_m, head_m = split_stages(model, x, args.warp_stride)
    with torch.no_grad():
        low, high = model.low(x), high_m(x)
        tensors = {"low": low, "high": high, "logits": head_m(high, low), "single_logits": model(x)}
    out = REPO_ROOT / args.out
    out.mkdir(parents=True, exist_ok=True)
    meta = {"checkpoint_sha256": hashlib.sha256(Path(args.ckpt).read_bytes()).hexdigest(), "input": [w, h],
            "pattern": "((x*7 + y*13 + c*41 + ((x*y) >> 5)) & 255), RGB, then (p/255 - mean)/std", "stride": STRIDE,
            "dtype": "float32", "endianness": "little", "layout": "NCHW", "tensors": {}}
    for name, t in tensors.items():
        a = t.numpy().astype("<f4")
        a.ravel()[::STRIDE].tofile(out / f"{name}.bin")
        meta["tensors"][name] = {"file": f"{name}.bin", "shape": list(a.shape)}
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
