"""Train camvid-lite on the CamVid training split (held-out chunk excluded).

Usage (from the repo root):
    /usr/bin/python3 native-models/training/train.py --config native-models/training/configs/camvid_lite.json
Resumes automatically from <run_dir>/latest.pt if it exists (same config).
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import shutil
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (DEFAULT_DATA, IGNORE_INDEX, INPUT_H, INPUT_W, NUM_CLASSES, REPO_ROOT, TrainAug,  # noqa: E402
                    build_model, class_frequencies, class_weights, load_split, normalise, seed_everything)
from evaluate import evaluate_arrays  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", required=True)
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--max-steps", type=int, default=0, help="debug: stop after N steps")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--resume-light", default="",
                    help="resume from a committed weights-only checkpoint (e.g. native-models/training/checkpoints/"
                         "latest.pt) when the run dir has no full latest.pt; optimizer state restarts fresh")
    args = ap.parse_args()

    cfg = json.loads(Path(args.config).read_text())
    torch.set_num_threads(args.threads)
    seed = cfg.get("seed", 1234)
    seed_everything(seed)

    run_dir = REPO_ROOT / cfg["run_dir"]
    run_dir.mkdir(parents=True, exist_ok=True)
    ckpt_dir = REPO_ROOT / cfg.get("checkpoint_dir", "native-models/training/checkpoints")
    ckpt_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy(args.config, run_dir / "config.json")

    _, tr_imgs, tr_labels = load_split(Path(args.data), "train")
    _, va_imgs, va_labels = load_split(Path(args.data), "holdout")
    freq = class_frequencies(tr_labels)
    weights = class_weights(tr_labels, cfg.get("class_weighting", "enet"), cfg.get("enet_c", 1.10))
    mean, std = cfg["mean"], cfg["std"]
    print(f"train {len(tr_imgs)} holdout {len(va_imgs)}")
    print("class freq", np.round(freq, 4).tolist())
    print("class weights", np.round(weights, 3).tolist())
    (run_dir / "class_weights.json").write_text(json.dumps({"freq": freq.tolist(), "weights": weights.tolist()}, indent=1))

    model = build_model(cfg)
    nparams = sum(p.numel() for p in model.parameters())
    print("params", nparams)
    epochs = cfg["epochs"]
    bs = cfg["batch_size"]
    steps_per_epoch = len(tr_imgs) // bs
    total_steps = epochs * steps_per_epoch
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg.get("weight_decay", 1e-2))
    warm = cfg.get("warmup_steps", 100)

    def lr_at(step):
        if step < warm:
            return cfg["lr"] * (step + 1) / warm
        p = (step - warm) / max(1, total_steps - warm)
        return cfg["lr"] * max(0.0, 1 - p) ** cfg.get("poly_power", 0.9) + cfg.get("min_lr", 1e-5)

    start_epoch, best = 0, -1.0
    history = []
    latest = run_dir / "latest.pt"
    if latest.exists():
        ck = torch.load(latest, map_location="cpu")
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["opt"])
        start_epoch, best, history = ck["epoch"] + 1, ck["best"], ck["history"]
        print(f"resumed from epoch {ck['epoch']} (best holdout mIoU {best:.4f})")
    elif args.resume_light:
        ck = torch.load(args.resume_light, map_location="cpu")
        model.load_state_dict(ck["model"])
        start_epoch = ck["epoch"] + 1
        hist_file = run_dir / "history.json"
        history = json.loads(hist_file.read_text()) if hist_file.exists() else []
        history = [r for r in history if r["epoch"] <= ck["epoch"]]
        best = max([r.get("val_miou") or -1.0 for r in history] + [-1.0])
        print(f"resumed weights from {args.resume_light} at epoch {ck['epoch']} (fresh optimizer state)")

    elif cfg.get("init_from"):
        # Second (fine-tuning) stage: start from another run's weights with a fresh optimizer and
        # schedule. best.pt in the checkpoint dir is only replaced if this stage beats it.
        ck = torch.load(REPO_ROOT / cfg["init_from"], map_location="cpu")
        model.load_state_dict(ck["model"])
        prev_best = ckpt_dir / "best.pt"
        if prev_best.exists():
            best = torch.load(prev_best, map_location="cpu").get("val_miou") or -1.0
        print(f"initialised from {cfg['init_from']} (epoch {ck.get('epoch')}); best to beat {best:.4f}")

    crit_w = torch.tensor(weights, dtype=torch.float32)
    log_csv = run_dir / "log.csv"
    for epoch in range(start_epoch, epochs):
        model.train()
        aug = TrainAug(tuple(cfg["crop"]), tuple(cfg["scale"]), cfg.get("jitter", 0.3), seed=seed * 1000 + epoch)
        order = np.random.default_rng(seed * 7 + epoch).permutation(len(tr_imgs))
        t0, losses = time.time(), []
        for it in range(steps_per_epoch):
            step = epoch * steps_per_epoch + it
            for g in opt.param_groups:
                g["lr"] = lr_at(step)
            xs, ys = [], []
            for idx in order[it * bs:(it + 1) * bs]:
                im, lb = aug(tr_imgs[idx], tr_labels[idx])
                xs.append(normalise(im, mean, std))
                ys.append(torch.from_numpy(lb.astype(np.int64)))
            x, y = torch.stack(xs), torch.stack(ys)
            logits = model(x)
            logits = F.interpolate(logits, size=y.shape[-2:], mode="bilinear", align_corners=False)
            loss = F.cross_entropy(logits, y, weight=crit_w, ignore_index=IGNORE_INDEX)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            losses.append(loss.item())
            if it % 10 == 0:
                print(f"ep {epoch} it {it}/{steps_per_epoch} loss {loss.item():.4f} lr {lr_at(step):.2e} "
                      f"{(time.time() - t0) / (it + 1):.2f}s/step", flush=True)
            if args.max_steps and it + 1 >= args.max_steps:
                print(f"debug stop: {(time.time() - t0) / (it + 1):.2f} s/step")
                return
        train_time = time.time() - t0
        rec = {"epoch": epoch, "step": (epoch + 1) * steps_per_epoch, "train_loss": float(np.mean(losses)),
               "lr": lr_at((epoch + 1) * steps_per_epoch - 1), "epoch_time_s": round(train_time, 1)}
        if (epoch + 1) % cfg.get("val_every", 1) == 0 or epoch + 1 == epochs:
            t1 = time.time()
            res = evaluate_arrays(model, va_imgs, va_labels, mean, std, (INPUT_W, INPUT_H), with_loss_weight=crit_w)
            rec.update({"val_loss": res["loss"], "val_miou": res["miou"], "val_pixel_acc": res["pixel_acc"],
                        "val_iou": res["iou"], "val_time_s": round(time.time() - t1, 1)})
            print(f"== epoch {epoch} loss {rec['train_loss']:.4f} val_loss {res['loss']:.4f} "
                  f"val mIoU {res['miou'] * 100:.2f} acc {res['pixel_acc'] * 100:.2f} "
                  f"IoU {[round(v * 100, 1) for v in res['iou']]}", flush=True)
        history.append(rec)
        improved = rec.get("val_miou", -1) > best
        if improved:
            best = rec["val_miou"]
        state = {"model": model.state_dict(), "opt": opt.state_dict(), "epoch": epoch, "best": best,
                 "history": history, "config": cfg, "params": nparams}
        torch.save(state, run_dir / "latest.tmp")
        (run_dir / "latest.tmp").replace(latest)
        # Lightweight (weights-only) checkpoints for committing.
        light = {"model": model.state_dict(), "epoch": epoch, "val_miou": rec.get("val_miou"), "config": cfg}
        torch.save(light, ckpt_dir / "latest.pt")
        if improved:
            torch.save(light, ckpt_dir / "best.pt")
        (run_dir / "history.json").write_text(json.dumps(history, indent=1))
        with open(log_csv, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["epoch", "step", "train_loss", "val_loss", "val_miou", "val_pixel_acc", "lr", "epoch_time_s"])
            for r in history:
                w.writerow([r["epoch"], r["step"], r["train_loss"], r.get("val_loss", ""), r.get("val_miou", ""),
                            r.get("val_pixel_acc", ""), r["lr"], r["epoch_time_s"]])
        try:
            from plot_curves import plot
            plot(run_dir / "history.json", run_dir / "training-curves.png")
        except Exception as e:  # plotting must never stop training
            print("plot failed:", e)
    print("done; best holdout mIoU", best)


if __name__ == "__main__":
    main()
