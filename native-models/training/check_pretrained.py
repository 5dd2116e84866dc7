"""Checks that the TFLite reader decodes the pretrained models correctly (documented check script).

    /usr/bin/python3 native-models/training/check_pretrained.py [--out report.json]

- ImageNet MobileNetV2: top-5 classes on a few road photos (CamVid frames and the dashcam clip's
  first frame) must be sensible (cars, vans, traffic lights, street signs ...).
- Cityscapes DeepLab (MobileNet-EdgeTPU): on a CamVid street frame its labels must contain road,
  car, building and sky; and, with its classes mapped onto CamVid's, zero-shot mIoU on a few
  CamVid frames must be well above chance.
Exits 1 with a one-line reason when a check fails, and with instructions when files are absent.
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
from common import DEFAULT_DATA, NUM_CLASSES  # noqa: E402
from tflite_reader import pretrained_path, read_tflite  # noqa: E402
from tflite_torch import TFLiteNet  # noqa: E402
from pretrained_maps import CITYSCAPES_CLASSES, CITYSCAPES_TO_CAMVID  # noqa: E402
from metrics import confusion, miou_from_confusion  # noqa: E402

ROAD_WORDS = ("car", "cab", "van", "truck", "jeep", "limousine", "traffic", "street", "sign", "bus", "trolley",
              "minivan", "wagon", "convertible", "pickup", "racer", "sports", "tram", "streetcar", "parking",
              "police", "moving", "amphibian", "grille", "motor")


def to_input(rgb: np.ndarray, w: int, h: int) -> torch.Tensor:
    """uint8 RGB -> the float input the quantised graph approximates: (p - 128) / 128, NCHW."""
    x = cv2.resize(rgb, (w, h), interpolation=cv2.INTER_AREA).astype(np.float32)
    return torch.from_numpy(((x - 128.0) / 128.0).transpose(2, 0, 1).copy())[None]


def imagenet_names() -> list[str]:
    from torchvision.models import MobileNet_V2_Weights  # class names ship inside torchvision
    return list(MobileNet_V2_Weights.IMAGENET1K_V1.meta["categories"])


def photos(data: Path) -> list[tuple[str, np.ndarray]]:
    out = []
    cam = data / "camvid" / "train"
    for n in ("0001TP_006690.png", "0006R0_f01800.png", "0016E5_05400.png"):
        p = cam / n
        if p.is_file():
            out.append((n, cv2.imread(str(p))[:, :, ::-1].copy()))
    clip = data / "videos" / "solidWhiteRight.mp4"
    if clip.is_file():
        cap = cv2.VideoCapture(str(clip))
        ok, fr = cap.read()
        if ok:
            out.append(("solidWhiteRight.mp4#0", fr[:, :, ::-1].copy()))
    if not out:
        raise SystemExit(f"no photos found under {data} (set VSS_DATA_DIR)")
    return out


def check_imagenet(data: Path) -> dict:
    g = read_tflite(pretrained_path("imagenet"))
    logits_t = [op.inputs[0] for op in g.ops if op.kind == "SOFTMAX"][0]
    net = TFLiteNet(g, [logits_t]).eval()
    names = imagenet_names()
    report, road_hits = {}, 0
    for name, rgb in photos(data):
        h, w = rgb.shape[:2]
        s = min(h, w)
        crop = rgb[(h - s) // 2:(h - s) // 2 + s, (w - s) // 2:(w - s) // 2 + s]
        with torch.no_grad():
            p = torch.softmax(net(to_input(crop, 224, 224)), dim=1)[0]
        top = torch.topk(p, 5)
        labels = [("background" if i == 0 else names[i - 1], round(float(v), 3)) for v, i in zip(top.values, top.indices)]
        report[name] = labels
        if any(any(wd in lb.lower() for wd in ROAD_WORDS) for lb, _ in labels):
            road_hits += 1
        print(f"imagenet  {name:28s} " + ", ".join(f"{lb} {v:.2f}" for lb, v in labels))
    if road_hits < max(1, len(report) - 1):
        raise SystemExit(f"check failed: ImageNet top-5 names a road object on only {road_hits} of {len(report)} photos")
    return report


def check_cityscapes(data: Path) -> dict:
    g = read_tflite(pretrained_path("cityscapes"))
    logits_t = [op.inputs[0] for op in g.ops if op.kind == "RESIZE_BILINEAR"][0]
    net = TFLiteNet(g, [logits_t]).eval()
    cam = data / "camvid"
    frame = cv2.imread(str(cam / "train" / "0001TP_006690.png"))[:, :, ::-1].copy()
    with torch.no_grad():
        lg = net(to_input(frame, 513, 513))
        lab = F.interpolate(lg, size=frame.shape[:2], mode="bilinear", align_corners=True).argmax(1)[0].numpy()
    share = {CITYSCAPES_CLASSES[c]: round(float((lab == c).mean()), 3) for c in np.unique(lab)}
    print("cityscapes label shares on 0001TP_006690:", share)
    missing = [c for c in ("road", "car", "building", "sky") if share.get(c, 0) < 0.01]
    if missing:
        raise SystemExit(f"check failed: the Cityscapes model finds no {', '.join(missing)} on a street frame")
    lut = np.array(CITYSCAPES_TO_CAMVID, np.int64)
    conf = np.zeros((NUM_CLASSES, NUM_CLASSES), np.int64)
    names = sorted((cam / "trainannot").iterdir())[::40]
    for p in names:
        rgb = cv2.imread(str(cam / "train" / p.name))[:, :, ::-1].copy()
        gt = cv2.imread(str(p), cv2.IMREAD_UNCHANGED)
        with torch.no_grad():
            lg = net(to_input(rgb, 481, 361))
            pred = F.interpolate(lg, size=gt.shape, mode="bilinear", align_corners=True).argmax(1)[0].numpy()
        conf += confusion(lut[pred], gt)
    miou, _ = miou_from_confusion(conf)
    print(f"cityscapes zero-shot on {len(names)} CamVid frames (481x361 input, classes mapped): mIoU {miou * 100:.1f}")
    if miou < 0.35:
        raise SystemExit(f"check failed: zero-shot mIoU {miou * 100:.1f} is too low for a correct decoding")
    return {"shares": share, "zero_shot_miou": round(miou * 100, 1), "frames": len(names)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--out", default="")
    args = ap.parse_args()
    torch.set_num_threads(2)
    data = Path(args.data)
    if not (data / "camvid").is_dir():
        raise SystemExit(f"CamVid not found under {data}: set VSS_DATA_DIR to the folder that holds camvid/")
    rep = {"imagenet": check_imagenet(data), "cityscapes": check_cityscapes(data)}
    if args.out:
        Path(args.out).write_text(json.dumps(rep, indent=1) + "\n")
    print("decoding checks passed")


if __name__ == "__main__":
    main()
