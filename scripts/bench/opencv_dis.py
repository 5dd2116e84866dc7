#!/usr/bin/python3
"""Peer for scripts/bench/flow.ts: OpenCV's DIS optical flow on the same image pairs.

usage: opencv_dis.py manifest.json
manifest: {"pairs": [{"a": png, "b": png, "gt": flo}], "presets": ["ultrafast", ...],
           "repeats": N, "out": optional folder where <preset>_<pair index>.flo receives OpenCV's flow}
prints one JSON object: {"version": cv2 version, "results": {preset: [{"epe": mean end-point
error vs the .flo ground truth, "ms": [timings]}]}}. Single-threaded (cv2.setNumThreads(1)),
one warm-up call per pair and preset, then `repeats` timed calls of calc() alone.
"""
import json
import sys
import time

import cv2
import numpy as np

PRESETS = {
    "ultrafast": cv2.DISOPTICAL_FLOW_PRESET_ULTRAFAST,
    "fast": cv2.DISOPTICAL_FLOW_PRESET_FAST,
    "medium": cv2.DISOPTICAL_FLOW_PRESET_MEDIUM,
}


def read_flo(path):
    with open(path, "rb") as f:
        magic = np.frombuffer(f.read(4), "<f4")[0]
        if magic != 202021.25:
            raise ValueError("bad .flo magic in " + path)
        w, h = np.frombuffer(f.read(8), "<i4")
        return np.frombuffer(f.read(), "<f4", count=int(w) * int(h) * 2).reshape(int(h), int(w), 2)


def write_flo(path, flow):
    h, w = flow.shape[:2]
    with open(path, "wb") as f:
        f.write(np.float32(202021.25).astype("<f4").tobytes())
        f.write(np.array([w, h], "<i4").tobytes())
        f.write(flow.astype("<f4").tobytes())


def main():
    cv2.setNumThreads(1)
    cv2.ocl.setUseOpenCL(False)
    manifest = json.load(open(sys.argv[1]))
    repeats = int(manifest.get("repeats", 5))
    results = {}
    for name in manifest["presets"]:
        dis = cv2.DISOpticalFlow_create(PRESETS[name])
        rows = []
        for index, pair in enumerate(manifest["pairs"]):
            a = cv2.imread(pair["a"], cv2.IMREAD_GRAYSCALE)
            b = cv2.imread(pair["b"], cv2.IMREAD_GRAYSCALE)
            gt = read_flo(pair["gt"])
            flow = dis.calc(a, b, None)
            times = []
            for _ in range(repeats):
                t0 = time.perf_counter()
                flow = dis.calc(a, b, None)
                times.append((time.perf_counter() - t0) * 1000.0)
            epe = float(np.mean(np.linalg.norm(flow - gt, axis=2)))
            if manifest.get("out"):
                write_flo(f'{manifest["out"]}/{name}_{index}.flo', flow)
            rows.append({"epe": epe, "ms": times})
        results[name] = rows
    print(json.dumps({"version": cv2.__version__, "results": results}))


if __name__ == "__main__":
    main()
