#!/usr/bin/env bash
# Export + fixture + eval + bench + model card + parity test for a checkpoint, in one go.
# Usage (repo root): bash native-models/training/release.sh [checkpoint] [training-pid-to-pause]
# If a training PID is given, that process is paused (SIGSTOP) between epochs for the duration,
# so the checkpoint cannot change underneath and the benchmark is not disturbed; it is resumed
# (SIGCONT) on exit.
set -euo pipefail
CKPT=${1:-native-models/training/checkpoints/best.pt}
PID=${2:-}
PY=${PYTHON:-/usr/bin/python3}
LOG=${TRAIN_LOG:-native-models/training/runs/camvid_lite/train.log}
if [[ -n "$PID" ]]; then
  trap 'kill -CONT "$PID" 2>/dev/null || true' EXIT
  # pause only in the middle of an epoch (checkpoints are written at epoch ends)
  for _ in $(seq 1 120); do
    if tail -n 1 "$LOG" | grep -qE 'it (10|20)/'; then break; fi
    sleep 1
  done
  kill -STOP "$PID"
  echo "paused training pid $PID"
fi
$PY native-models/training/export.py --ckpt "$CKPT"
$PY native-models/training/make_parity_fixture.py --ckpt "$CKPT"
$PY native-models/training/evaluate.py --ckpt "$CKPT" --out native-models/camvid-lite/eval.json
$PY native-models/training/eval_temporal.py --ckpt "$CKPT" --out native-models/camvid-lite/temporal.json
node native-models/training/bench_ort.mjs --runs 50 --warmup 10 --json native-models/camvid-lite/bench.json
$PY native-models/training/make_model_card.py
node --import tsx --test native-models/parity.test.ts 2>&1 | grep -E '^# (pass|fail|skipped)|^not ok|val_a \(10' || true
