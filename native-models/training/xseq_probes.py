"""Two probes of why the cross-sequence estimate is below the target, run on the finished fold models
(runs/edge-<fold>, train_edge.py) without training anything:

    /usr/bin/python3 native-models/training/xseq_probes.py wise 1.0,0.7,0.5
    /usr/bin/python3 native-models/training/xseq_probes.py ensemble 0,0.15,0.3,0.5

- wise: the pretrained layers' weights interpolated between the Cityscapes initialisation (0) and the
  fine-tuned fold model (1), the new layers kept (weight-space ensembling, Wortsman et al. 2022).
- ensemble: the fold model's probabilities mixed with the zero-shot Cityscapes model's, its 19 classes
  mapped onto CamVid's (pretrained_maps.py): (1 - w) p_fold + w p_zero-shot.
Each held-out sequence is scored by its own fold model at 640x480; pooled mIoU over the three.
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CLASSES, DEFAULT_DATA, load_split  # noqa: E402
from edge_eval import to_input  # noqa: E402
from edgenet import EdgeNet  # noqa: E402
from metrics import confusion, miou_from_confusion  # noqa: E402
from pretrained_maps import CITYSCAPES_TO_CAMVID  # noqa: E402
from tflite_reader import pretrained_path, read_tflite  # noqa: E402
from tflite_torch import TFLiteNet  # noqa: E402
from train_edge import RUNS_DIR, SEQUENCES, split_by_sequence  # noqa: E402

SIZE = (640, 480)


def fold_state(seq: str) -> dict:
    path = RUNS_DIR / f"edge-{seq}" / "final.pt"
    if not path.is_file():
        raise SystemExit(f"{path} not found: run train_edge.py --config configs/edge.json --fold {seq} first")
    return torch.load(path, map_location="cpu")["model"]


def wise_model(pre: dict, ft: dict, a: float) -> EdgeNet:
    pretrained = ("high.0.", "low.stem.")
    sd = {k: (1 - a) * pre[k] + a * v if k.startswith(pretrained) and v.is_floating_point() else v for k, v in ft.items()}
    m = EdgeNet("cityscapes")
    m.load_state_dict(sd)
    return m.eval()


def zero_shot():
    g = read_tflite(pretrained_path("cityscapes"))
    net = TFLiteNet(g, [[op.inputs[0] for op in g.ops if op.kind == "RESIZE_BILINEAR"][0]]).eval()
    m = torch.zeros(19, len(CLASSES))
    m[torch.arange(19), torch.tensor(CITYSCAPES_TO_CAMVID)] = 1
    return lambda x: torch.einsum("nchw,ck->nkhw", torch.softmax(net(x), 1), m)


@torch.no_grad()
def main():
    kind, values = sys.argv[1], [float(v) for v in sys.argv[2].split(",")]
    torch.set_num_threads(2)
    names, imgs, labels = load_split(Path(DEFAULT_DATA), "all_train")
    pre = EdgeNet("cityscapes").state_dict() if kind == "wise" else {}
    teacher = zero_shot() if kind == "ensemble" else None
    pooled = {v: 0 for v in values}
    for seq in SEQUENCES:
        ft = fold_state(seq)
        _, val = split_by_sequence(names, imgs, labels, seq)
        models = {v: wise_model(pre, ft, v) for v in values} if kind == "wise" else {}
        fold = EdgeNet("cityscapes") if kind == "ensemble" else None
        if fold is not None:
            fold.load_state_dict(ft)
            fold.eval()
        per = {v: 0 for v in values}
        for _, im, lb in val:
            x = to_input(im, SIZE)
            up = lambda p: F.interpolate(p, size=lb.shape, mode="bilinear", align_corners=False)  # noqa: E731
            if kind == "wise":
                probs = {v: up(torch.softmax(m(x), 1)) for v, m in models.items()}
            else:
                pf, pz = up(torch.softmax(fold(x), 1)), up(teacher(x))
                probs = {w: (1 - w) * pf + w * pz for w in values}
            for v, p in probs.items():
                per[v] = per[v] + confusion(p.argmax(1)[0].numpy(), lb)
        for v in values:
            pooled[v] = pooled[v] + per[v]
        print(seq, {v: round(100 * miou_from_confusion(per[v])[0], 1) for v in values}, flush=True)
    for v in values:
        print("pooled", kind, v, round(100 * miou_from_confusion(np.asarray(pooled[v]))[0], 2), flush=True)


if __name__ == "__main__":
    main()
