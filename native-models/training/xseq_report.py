"""Cross-sequence estimate: each CamVid train sequence scored by the model trained on the other two.

    /usr/bin/python3 native-models/training/xseq_report.py --name edge [--name edge-imagenet] \
        [--camvid-lite] --out native-models/camvid-edge/xseq.json

Reads the final evaluation of each fold run (runs/<name>-<fold>/history.json: confusion matrices at
every evaluated input size), pools the confusion matrices of the three folds (every frame of train/
scored once, by a model that never saw its sequence) and reports pooled mIoU, per-class IoU and
per-fold mIoU per input size. `--camvid-lite` adds the previous default scored on the same frames
(it trained on all three sequences, so its figure is optimistic; stated in the output).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CLASSES, DEFAULT_DATA, REPO_ROOT, load_checkpoint, load_split  # noqa: E402
from metrics import confusion, miou_from_confusion, pixel_accuracy  # noqa: E402
from train_edge import SEQUENCES  # noqa: E402

RUNS = REPO_ROOT / "native-models" / "training" / "runs"


def summarise(cm: np.ndarray) -> dict:
    miou, iou = miou_from_confusion(cm)
    return {"miou": round(100 * miou, 2), "pixel_acc": round(100 * pixel_accuracy(cm), 2),
            "iou": {CLASSES[i][0]: round(100 * float(v), 2) for i, v in enumerate(iou)}}


def recipe(name: str) -> dict:
    pooled: dict[str, np.ndarray] = {}
    folds: dict[str, dict] = {}
    for seq in SEQUENCES:
        hist = RUNS / f"{name}-{seq}" / "history.json"
        if not hist.is_file():
            continue
        last = json.loads(hist.read_text())[-1]
        folds[seq] = {"step": last["step"], "detail": {}}
        for size, r in last["val"].items():
            if "confusion" not in r:
                continue
            cm = np.asarray(r["confusion"], np.int64)
            pooled[size] = pooled.get(size, 0) + cm
            folds[seq][size] = round(100 * r["miou"], 2)
            folds[seq]["detail"][size] = summarise(cm)
    if not folds:
        raise SystemExit(f"no finished fold of {name}: run train_edge.py --fold SEQ for it first")
    missing = [s for s in SEQUENCES if s not in folds]
    return {"pooled": {size: summarise(cm) for size, cm in pooled.items()}, "folds": folds,
            "missing_folds": missing}


def camvid_lite(data: Path, sequences: list[str]) -> dict:
    import torch
    from evaluate import preprocess
    import torch.nn.functional as F
    model, cfg, _ = load_checkpoint(REPO_ROOT / "native-models/training/checkpoints/best.pt")
    names, imgs, labels = load_split(data, "all_train")
    per_seq = {seq: np.zeros((len(CLASSES), len(CLASSES)), np.int64) for seq in sequences}
    with torch.no_grad():
        for name, im, lb in zip(names, imgs, labels):
            seq = name.split("_")[0]
            if seq not in per_seq:
                continue
            lg = model(preprocess(im, cfg["mean"], cfg["std"], (480, 352))[None])
            per_seq[seq] += confusion(F.interpolate(lg, size=lb.shape, mode="bilinear", align_corners=False).argmax(1)[0].numpy(), lb)
    return {"480x352": summarise(sum(per_seq.values())), "sequences": sequences,
            "per_sequence": {seq: summarise(cm) for seq, cm in per_seq.items()},
            "note": "camvid-lite trained on frames of all three sequences (all but their "
            "last chunks), so this is not an unseen-sequence figure: it is optimistic."}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--name", action="append", required=True)
    ap.add_argument("--camvid-lite", action="store_true")
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rep = {"method": "leave-one-sequence-out over CamVid train/ (0001TP, 0006R0, 0016E5); confusion matrices "
                     "pooled over the three held-out sequences (367 frames); 11 classes, void ignored",
           "recipes": {n: recipe(n) for n in args.name}}
    if args.camvid_lite:
        first = next(iter(rep["recipes"].values()))
        rep["camvid-lite"] = camvid_lite(Path(args.data), sorted(first["folds"]))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(rep, indent=1) + "\n")
    for n, r in rep["recipes"].items():
        print(n, {s: v["miou"] for s, v in r["pooled"].items()}, r["folds"])


if __name__ == "__main__":
    main()
