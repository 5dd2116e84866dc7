#!/usr/bin/env bash
# Runs training jobs one after another (each resumes where it stopped), e.g. the cross-sequence folds
# and the final run of a recipe:
#   bash native-models/training/queue.sh configs/edge.json:0016E5 configs/edge.json:0006R0 configs/edge.json:all
# Paths are relative to native-models/training. Each job's output goes to $VSS_RUNS_DIR/<job>.log.
set -u
here=$(cd "$(dirname "$0")" && pwd)
runs=${VSS_RUNS_DIR:-$HOME/.cache/vss-studio/runs}
mkdir -p "$runs"
for job in "$@"; do
  cfg=${job%%:*}; fold=${job##*:}
  name=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['name'])" "$here/$cfg")
  if [ -f "$runs/$name-$fold/final.pt" ]; then echo "skip $name-$fold (done)"; continue; fi
  echo "$(date -u +%FT%TZ) start $name-$fold"
  /usr/bin/python3 "$here/train_edge.py" --config "$here/$cfg" --fold "$fold" --threads "${THREADS:-2}" >>"$runs/$name-$fold.log" 2>&1 \
    || { echo "$(date -u +%FT%TZ) FAILED $name-$fold (see $runs/$name-$fold.log)"; exit 1; }
  echo "$(date -u +%FT%TZ) done $name-$fold"
done
