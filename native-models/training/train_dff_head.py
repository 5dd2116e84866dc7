"""Teaches camvid-edge's `low` and head to work from flow-warped key features (Deep Feature Flow).

    /usr/bin/python3 native-models/training/train_dff_head.py --ckpt RUNS/edge-0016E5/final.pt --fold 0016E5
    ... --ckpt RUNS/edge-all/final.pt --fold all        # the shipped model

The network is trained per frame (train_edge.py): its head has only ever seen `high` features of the
frame itself. In Deep Feature Flow the head gets a key frame's features warped along DIS flow, and
where the flow is wrong (objects that move on their own, disocclusions) it has to rely on the current
frame's `low` features. This stage fine-tunes `low` and the head's fusion and classifier (the `high`
stage and the projection stay frozen, so key frames keep their features) on synthetic key/current
pairs (dff_pairs.py) from the training sequences, with a share of identity pairs (key = current) so
that per-frame accuracy is kept. Resumable like train_edge.py (state every `save_every` steps, batches
from (seed, step) only). Validation (fold runs): per-frame mIoU and mIoU of the DFF path on synthetic
pairs of the held-out sequence, before and after. `val_a` is never read.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DEFAULT_DATA, IGNORE_INDEX, REPO_ROOT, class_weights, load_split  # noqa: E402
from dff_pairs import engine_flow, make_pair, warp_features  # noqa: E402
from edge_eval import evaluate, to_input  # noqa: E402
from export_edge import HeadAfterProjection, HighAtLowStride, load  # noqa: E402
from metrics import confusion, miou_from_confusion  # noqa: E402
from train_edge import RUNS_DIR, SEQUENCES, save_atomic, split_by_sequence  # noqa: E402

CFG = {"steps": 300, "batch_size": 4, "lr": 3e-4, "weight_decay": 1e-4, "identity_share": 0.3,
       "seed": 11, "save_every": 25, "log_every": 25, "input_size": [640, 480]}


class Parts:
    """The exported stages of the network: frozen high (with projection), trainable low and head."""

    def __init__(self, model, size):
        w, h = size
        self.model = model
        self.high = HighAtLowStride(model, (h // 4, w // 4)).eval()
        self.head = HeadAfterProjection(model)
        for p in self.high.parameters():
            p.requires_grad_(False)

    def trainable(self):
        return list(self.model.low.parameters()) + list(self.head.parameters())

    def dff_logits(self, key: torch.Tensor, cur: torch.Tensor, flows: torch.Tensor) -> torch.Tensor:
        with torch.no_grad():
            feat = self.high(key)
        return self.head(warp_features(feat, flows), self.model.low(cur))


def pair_batch(frames, size, rng, n: int, identity_share: float):
    keys, curs, flows, labels = [], [], [], []
    grid = (size[0] // 4, size[1] // 4)
    for _ in range(n):
        _, im, lb = frames[int(rng.integers(len(frames)))]
        if rng.random() < 0.5:
            im, lb = np.ascontiguousarray(im[:, ::-1]), np.ascontiguousarray(lb[:, ::-1])
        if rng.random() < identity_share:
            key, cur, cur_lb = im, im, lb
            flow = np.zeros((grid[1], grid[0], 2), np.float32)
        else:
            key, cur, cur_lb = make_pair(im, lb, rng)
            flow = engine_flow(cur, key, grid)
        keys.append(to_input(key, size)); curs.append(to_input(cur, size))
        flows.append(torch.from_numpy(flow)); labels.append(torch.from_numpy(cur_lb.astype(np.int64)))
    return torch.cat(keys), torch.cat(curs), torch.stack(flows), torch.stack(labels)


@torch.no_grad()
def dff_miou(parts: Parts, frames, size, seed: int) -> float:
    """mIoU of the DFF path on one synthetic pair per held-out frame (fixed seed: comparable runs)."""
    rng = np.random.default_rng(seed)
    cm = None
    for _, im, lb in frames:
        key, cur, cur_lb = make_pair(im, lb, rng)
        flow = torch.from_numpy(engine_flow(cur, key, (size[0] // 4, size[1] // 4)))[None]
        lg = parts.dff_logits(to_input(key, size), to_input(cur, size), flow)
        pred = F.interpolate(lg, size=lb.shape, mode="bilinear", align_corners=False).argmax(1)[0].numpy()
        c = confusion(pred, cur_lb)
        cm = c if cm is None else cm + c
    return float(miou_from_confusion(cm)[0])


def validate(parts: Parts, val, size) -> dict:
    parts.model.eval()
    per_frame = evaluate(parts.model, [v[1] for v in val], [v[2] for v in val], tuple(size))["miou"]
    return {"per_frame": round(100 * per_frame, 2), "dff_synthetic": round(100 * dff_miou(parts, val, size, 1234), 2)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", required=True)
    ap.add_argument("--fold", required=True, choices=SEQUENCES + ("all",))
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--steps", type=int, default=CFG["steps"])
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    cfg = {**CFG, "steps": args.steps}
    size = tuple(cfg["input_size"])
    model, base_cfg, ck = load(args.ckpt)
    parts = Parts(model, size)
    names, imgs, labels = load_split(Path(args.data), "all_train")
    train, val = split_by_sequence(names, imgs, labels, args.fold) if args.fold != "all" else (list(zip(names, imgs, labels)), [])
    weights = torch.tensor(class_weights([t[2] for t in train], base_cfg["class_weighting"], base_cfg["enet_c"]), dtype=torch.float32)
    opt = torch.optim.AdamW(parts.trainable(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    run_dir = RUNS_DIR / f"dffhead-{args.fold}"
    run_dir.mkdir(parents=True, exist_ok=True)
    log_dir = REPO_ROOT / "native-models" / "training" / "runs" / f"dffhead-{args.fold}"
    log_dir.mkdir(parents=True, exist_ok=True)
    history, step = [], 0
    if (run_dir / "latest.pt").is_file():
        st = torch.load(run_dir / "latest.pt", map_location="cpu")
        model.load_state_dict(st["model"]); opt.load_state_dict(st["opt"]); step, history = st["step"], st["history"]
        print(f"resumed at step {step}", flush=True)
    elif val:
        history.append({"step": 0, **validate(parts, val, size)})
        print("before", history[-1], flush=True)
    t0 = time.time()
    while step < cfg["steps"]:
        model.train(); parts.high.eval()
        rng = np.random.default_rng([cfg["seed"], step])
        key, cur, flow, lb = pair_batch(train, size, rng, cfg["batch_size"], cfg["identity_share"])
        for g in opt.param_groups:
            g["lr"] = cfg["lr"] * (1 - step / cfg["steps"]) ** 0.9
        lg = F.interpolate(parts.dff_logits(key, cur, flow), size=lb.shape[-2:], mode="bilinear", align_corners=False)
        loss = F.cross_entropy(lg, lb, weight=weights, ignore_index=IGNORE_INDEX)
        opt.zero_grad(); loss.backward(); opt.step()
        step += 1
        if step % cfg["log_every"] == 0:
            print(f"step {step}/{cfg['steps']} loss {loss.item():.4f} {(time.time() - t0) / step:.2f}s/step", flush=True)
        if step % cfg["save_every"] == 0 or step == cfg["steps"]:
            save_atomic({"model": model.state_dict(), "opt": opt.state_dict(), "step": step, "history": history}, run_dir / "latest.pt")
    if val:
        history.append({"step": step, **validate(parts, val, size)})
        print("after", history[-1], flush=True)
    final = {**ck, "model": model.state_dict(), "dff_head": {"from": Path(args.ckpt).name, "config": cfg, "history": history}}
    save_atomic(final, run_dir / "final.pt")
    (log_dir / "history.json").write_text(json.dumps({"config": cfg, "from": str(Path(args.ckpt).name), "history": history}, indent=1) + "\n")
    print(f"done: {run_dir / 'final.pt'}", flush=True)


if __name__ == "__main__":
    main()
