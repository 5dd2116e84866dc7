"""Fine-tunes camvid-edge (edgenet.py) on CamVid `train/`, by sequence.

    /usr/bin/python3 native-models/training/train_edge.py --config native-models/training/configs/edge.json \
        --fold 0016E5          # train on the other two sequences, validate on 0016E5 (cross-sequence)
    ... --fold all            # the final model: every frame of train/, no validation, no selection

Every run is resumable: the full state (weights, optimiser, step) is written atomically every
`save_every` steps to $VSS_RUNS_DIR/<name>-<fold>/latest.pt (default ~/.cache/vss-studio/runs); a
run started again with the same arguments continues from it. Batches and augmentation depend only on
(seed, step), so a resumed run sees what an uninterrupted one would. The log (log.csv, history.json)
goes to native-models/training/runs/<name>-<fold>/ in the repository. `val_a` is never read here.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import os
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DEFAULT_DATA, IGNORE_INDEX, NUM_CLASSES, REPO_ROOT, TrainAug, class_weights, load_split  # noqa: E402
from edge_eval import evaluate  # noqa: E402
from edgenet import MEAN, STD, EdgeNet  # noqa: E402

SEQUENCES = ("0001TP", "0006R0", "0016E5")
RUNS_DIR = Path(os.environ.get("VSS_RUNS_DIR", Path.home() / ".cache" / "vss-studio" / "runs"))


def split_by_sequence(names, imgs, labels, fold: str):
    tr, va = [], []
    for n, im, lb in zip(names, imgs, labels):
        (va if n.startswith(fold + "_") else tr).append((n, im, lb))
    return tr, va


def batch_for_step(train, cfg, step: int):
    """The batch of one step: indices and augmentation drawn from (seed, step) only."""
    rng = np.random.default_rng([cfg["seed"], step])
    idx = rng.choice(len(train), size=cfg["batch_size"], replace=False)
    aug = TrainAug(tuple(cfg["crop"]), tuple(cfg["scale"]), cfg["jitter"], seed=int(rng.integers(1 << 31)))
    xs, ys = [], []
    mean, std = np.asarray(MEAN, np.float32), np.asarray(STD, np.float32)
    for i in idx:
        im, lb = aug(train[i][1], train[i][2])
        xs.append(((im - mean) / std).transpose(2, 0, 1))
        ys.append(lb.astype(np.int64))
    return torch.from_numpy(np.stack(xs)), torch.from_numpy(np.stack(ys))


def lr_factor(step: int, cfg) -> float:
    if step < cfg["warmup_steps"]:
        return (step + 1) / cfg["warmup_steps"]
    return (1 - step / cfg["steps"]) ** cfg["poly_power"]


def save_atomic(obj, path: Path):
    tmp = path.with_suffix(".tmp")
    torch.save(obj, tmp)
    with open(tmp, "rb+") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", required=True)
    ap.add_argument("--fold", required=True, choices=SEQUENCES + ("all",))
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    cfg = json.loads(Path(args.config).read_text())
    torch.set_num_threads(args.threads)
    torch.manual_seed(cfg["seed"])
    name = f"{cfg['name']}-{args.fold}"
    state_dir, log_dir = RUNS_DIR / name, REPO_ROOT / "native-models" / "training" / "runs" / name
    state_dir.mkdir(parents=True, exist_ok=True)
    log_dir.mkdir(parents=True, exist_ok=True)
    (log_dir / "config.json").write_text(json.dumps({**cfg, "fold": args.fold}, indent=1) + "\n")

    names, imgs, labels = load_split(Path(args.data), "all_train")
    train, val = split_by_sequence(names, imgs, labels, args.fold)
    weights = torch.tensor(class_weights([t[2] for t in train], cfg["class_weighting"], cfg["enet_c"]), dtype=torch.float32)
    print(f"{name}: train {len(train)} frames, validation {len(val)} frames", flush=True)

    model = EdgeNet(cfg["init"], cfg.get("low_ch", 32), cfg.get("head_ch", 48))
    opt = torch.optim.AdamW(model.param_groups(cfg["lr"], cfg["backbone_lr_mult"]), lr=cfg["lr"],
                            weight_decay=cfg["weight_decay"])
    step, history = 0, []
    latest = state_dir / "latest.pt"
    if latest.is_file():
        ck = torch.load(latest, map_location="cpu")
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["opt"])
        step, history = ck["step"], ck["history"]
        print(f"resumed at step {step}", flush=True)

    model.train()
    t0, losses = time.time(), []
    while step < cfg["steps"]:
        f = lr_factor(step, cfg)
        for g in opt.param_groups:
            g["lr"] = cfg["lr"] * g["base_mult"] * f
        x, y = batch_for_step(train, cfg, step)
        out = F.interpolate(model(x), size=y.shape[-2:], mode="bilinear", align_corners=False)
        loss = F.cross_entropy(out, y, weight=weights, ignore_index=IGNORE_INDEX)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        losses.append(loss.item())
        step += 1
        if step % cfg["log_every"] == 0:
            print(f"step {step}/{cfg['steps']} loss {np.mean(losses[-cfg['log_every']:]):.4f} "
                  f"lr {cfg['lr'] * f:.2e} {(time.time() - t0) / len(losses):.2f}s/step", flush=True)
        done = step == cfg["steps"]
        if val and (step % cfg["val_every"] == 0 or done):
            sizes = [tuple(s) for s in cfg["eval_sizes"]] if done else [tuple(cfg["input_size"])]
            res = {f"{w}x{h}": evaluate(model, [v[1] for v in val], [v[2] for v in val], (w, h)) for w, h in sizes}
            model.train()
            history.append({"step": step, "loss": float(np.mean(losses[-cfg["val_every"]:])), "val": res})
            print(f"step {step} val " + " ".join(f"{k}: mIoU {r['miou'] * 100:.1f}" for k, r in res.items()), flush=True)
        if step % cfg["save_every"] == 0 or done:
            save_atomic({"model": model.state_dict(), "opt": opt.state_dict(), "step": step, "history": history,
                         "config": cfg, "fold": args.fold}, latest)
            write_logs(log_dir, history, step, losses)
    save_atomic({"model": model.state_dict(), "config": cfg, "fold": args.fold, "step": step},
                state_dir / "final.pt")
    print(f"done: {state_dir / 'final.pt'}", flush=True)


def write_logs(log_dir: Path, history, step: int, losses):
    (log_dir / "history.json").write_text(json.dumps(history, indent=1) + "\n")
    with open(log_dir / "progress.csv", "a", newline="") as f:
        csv.writer(f).writerow([step, f"{np.mean(losses[-50:]):.4f}", time.strftime("%Y-%m-%dT%H:%M:%S")])


if __name__ == "__main__":
    main()
