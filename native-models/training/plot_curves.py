"""Plot training curves (loss, held-out mIoU) from a run's history.json to PNG."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def plot(history_json, out_png, parent_json=None):
    h = json.loads(Path(history_json).read_text())
    if parent_json and Path(parent_json).exists():
        # two-stage run: show the first stage, then the fine-tuning stage, on one epoch axis
        p = json.loads(Path(parent_json).read_text())
        off = p[-1]["epoch"] + 1
        h = p + [dict(r, epoch=r["epoch"] + off) for r in h]
    ep = [r["epoch"] + 1 for r in h]
    fig, ax = plt.subplots(1, 2, figsize=(10, 4))
    ax[0].plot(ep, [r["train_loss"] for r in h], label="train loss (weighted CE)")
    v = [(r["epoch"] + 1, r["val_loss"]) for r in h if r.get("val_loss") is not None]
    if v:
        ax[0].plot(*zip(*v), label="held-out loss")
    ax[0].set_xlabel("epoch"); ax[0].set_ylabel("loss"); ax[0].legend(loc="upper right"); ax[0].grid(alpha=0.3)
    m = [(r["epoch"] + 1, r["val_miou"] * 100) for r in h if r.get("val_miou") is not None]
    if m:
        ax[1].plot(*zip(*m), color="C2", label="held-out mIoU (%)")
        best = max(m, key=lambda t: t[1])
        ax[1].legend()
        ax[1].set_title(f"best {best[1]:.1f}% @ epoch {best[0]}")
    ax[1].set_xlabel("epoch"); ax[1].set_ylabel("mIoU %"); ax[1].grid(alpha=0.3)
    title = "camvid-lite training (CamVid train split, 313 frames; held-out 54 frames)"
    if parent_json:
        title += f"; fine-tuning from epoch {off}"
    fig.suptitle(title)
    fig.tight_layout()
    fig.savefig(out_png, dpi=90)
    plt.close(fig)


if __name__ == "__main__":
    plot(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
