#!/usr/bin/env bash
# Runs a command (a benchmark) with the background model training paused (SIGSTOP), and always
# resumes it afterwards (SIGCONT), so measured figures are not distorted by the training load.
# Usage: scripts/with-training-paused.sh <command...>
set -u
pidfile="$(dirname "$0")/../native-models/training/runs/camvid_lite/train.pid"
pid=""
if [ -f "$pidfile" ]; then pid=$(cat "$pidfile"); fi
if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
  pids="$pid $(pgrep -P "$pid" | tr '\n' ' ')"
  trap 'kill -CONT $pids 2>/dev/null' EXIT INT TERM
  kill -STOP $pids 2>/dev/null && echo "with-training-paused: paused training ($pids)" >&2
fi
"$@"
