/**
 * The per-frame warp of a key frame's features (what dff and adaptive do on every non-key frame):
 * KeyWarper (WebAssembly SIMD over an HWC copy of the key, laid out once per key) against
 * warpTensor (TypeScript, CHW) in the same run, on the feature shapes the engine meets. Rounds
 * alternate ours and the peer after a warm-up; each timed warp uses a new flow, as frames do.
 */
import { cpus, loadavg } from 'node:os';
import { summarize, type BenchSection, runIfMain } from './types.ts';
import { KeyWarper } from '../../electron/engine/warp/key-warper.ts';
import { warpTensor } from '../../electron/engine/warp/warp-tensor.ts';
import type { FlowField, Tensor3 } from '../../electron/core/types.ts';

const ROUNDS = 5;
const PER_ROUND = 20;
/** The flow DIS gives the modes: 120x88 (a quarter of the 480x352 model input). */
const FW = 120;
const FH = 88;

const SHAPES: Array<{ what: string; C: number; w: number; h: number }> = [
  { what: 'DFF-profile bundle high features (stride 8)', C: 256, w: 60, h: 44 },
  { what: 'camvid-lite high features (stride 16)', C: 128, w: 30, h: 22 },
  { what: 'camvid-lite low features (stride 4; adaptive deviation)', C: 32, w: 120, h: 88 },
  { what: 'single-graph probabilities (11 classes, stride 4)', C: 11, w: 120, h: 88 },
];

function tensor(C: number, w: number, h: number): Tensor3 {
  const data = new Float32Array(C * w * h);
  for (let i = 0; i < data.length; i++) data[i] = Math.sin(i * 0.37) * 3;
  return { channels: C, width: w, height: h, data };
}

function flow(k: number): FlowField {
  const data = new Float32Array(2 * FW * FH);
  for (let y = 0; y < FH; y++) {
    for (let x = 0; x < FW; x++) {
      data[2 * (y * FW + x)] = 4 * Math.sin(x / 9 + k) + 0.3 * k;
      data[2 * (y * FW + x) + 1] = 2 * Math.cos(y / 7 - k);
    }
  }
  return { width: FW, height: FH, data };
}

export async function bench(): Promise<BenchSection> {
  const rows: string[][] = [];
  const flows = Array.from({ length: PER_ROUND }, (_, k) => flow(k));
  const notes: string[] = [];
  for (const s of SHAPES) {
    const src = tensor(s.C, s.w, s.h);
    const out = new Float32Array(s.C * s.w * s.h);
    const warper = new KeyWarper();
    if (!warper.usesWasm) notes.push(`${s.what}: WebAssembly unavailable, KeyWarper fell back to warpTensor`);
    const ours: number[] = [];
    const peer: number[] = [];
    const layout: number[] = [];
    let worst = 0;
    for (const f of flows.slice(0, 5)) {
      warper.warp(src, f, out);
      warpTensor(src, f, { out });
    }
    for (let r = 0; r < ROUNDS; r++) {
      // A new key each round: the first warp lays it out (timed apart), the others reuse it.
      const key = { ...src, data: src.data.slice() };
      let t = performance.now();
      warper.warp(key, flows[0]!, out);
      layout.push(performance.now() - t);
      for (const f of flows) {
        t = performance.now();
        warper.warp(key, f, out);
        ours.push(performance.now() - t);
      }
      const mine = out.slice();
      for (const f of flows) {
        t = performance.now();
        warpTensor(key, f, { out });
        peer.push(performance.now() - t);
      }
      for (let i = 0; i < out.length; i++) worst = Math.max(worst, Math.abs(out[i]! - mine[i]!));
    }
    const a = summarize(ours);
    const b = summarize(peer);
    rows.push([
      `${s.what}: ${s.C}x${s.h}x${s.w}`,
      `${a.p50.toFixed(2)} / ${a.p95.toFixed(2)}`,
      `${b.p50.toFixed(2)} / ${b.p95.toFixed(2)}`,
      `${(b.p50 / a.p50).toFixed(1)}x`,
      summarize(layout).p50.toFixed(2),
      worst.toExponential(1),
    ]);
  }
  notes.push(
    `Flow ${FW}x${FH} (the modes' DIS grid at the default flow scale), resampled to each tensor grid; ${ROUNDS} rounds x ${PER_ROUND} warps each for ours then the peer, after a warm-up; ms = p50 / p95 of all warps.`,
    'The key layout (copy into WebAssembly memory and HWC transpose) happens on the first warp after a key changes: once per key frame, not per frame; the first warp of each round is timed apart as "layout".',
    `Machine: ${cpus().length} cores shared with other work, load average ${loadavg().map((x) => x.toFixed(2)).join(' / ')} at the end.`,
  );
  return {
    title: 'Feature warp per non-key frame: KeyWarper (WebAssembly SIMD) vs warpTensor (TypeScript)',
    columns: ['features', 'ours p50 / p95 ms', 'warpTensor p50 / p95 ms', 'speed-up (p50)', 'key layout ms (once per key, incl. first warp)', 'max |ours − peer|'],
    rows,
    notes,
  };
}

await runIfMain(import.meta.url, bench);
