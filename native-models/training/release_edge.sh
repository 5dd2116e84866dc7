#!/usr/bin/env bash
# Releases a camvid-edge checkpoint: export (split + single graph), parity fixture, val_a report,
# ORT stage bench, cross-sequence report, model card, and the bundle's tests. From the repo root:
#   bash native-models/training/release_edge.sh ~/.cache/vss-studio/runs/edge-all/final.pt [640x480]
set -euo pipefail
ckpt=${1:?checkpoint}; size=${2:-640x480}
py=/usr/bin/python3; t=native-models/training
$py $t/export_edge.py --ckpt "$ckpt" --size "$size"
$py $t/make_edge_fixture.py --ckpt "$ckpt" --size "$size"
$py $t/eval_edge.py --ckpt "$ckpt" --size "$size" --out native-models/camvid-edge/eval.json
node $t/bench_bundle.mjs --bundle native-models/camvid-edge --single native-models/camvid-edge-single \
  --runs 30 --warmup 5 --json native-models/camvid-edge/bench.json
names=(--name edge)
compgen -G "$t/runs/edge-imagenet-*/history.json" >/dev/null && names+=(--name edge-imagenet)
$py $t/xseq_report.py "${names[@]}" --camvid-lite --out native-models/camvid-edge/xseq.json
$py $t/make_edge_card.py
node --import tsx --test native-models/camvid-edge.test.ts
