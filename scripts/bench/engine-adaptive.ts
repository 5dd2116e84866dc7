/**
 * The adaptive mode's parts of the engine benchmark (scripts/bench/engine.ts):
 * 1. accuracy against dff at the same number of key frames: batch-schedule adaptive with a fixed
 *    threshold bisected to dff's key count (one threshold, as before), and the mean over the whole
 *    threshold range that gives that count: thresholds a little apart give the same count with keys
 *    shifted by a frame or two, and on 50 frames that alone moves mIoU by about a point, so one
 *    bisected threshold is a draw from that spread, not the rule's figure;
 * 2. low-latency worst per-frame latency / median non-key latency (frame 0 excluded: it always
 *    runs the whole model), over repeated runs, with the batch schedule as the peer and a
 *    no-key control (identical non-key frames only) in the same rounds.
 */
import os from 'node:os';
import type { SegmentSettings, SegmentSummary } from '../../electron/engine/segment/types.ts';
import { defaultThreads } from '../../electron/engine/model/session.ts';
import { ownMs, summarize } from './types.ts';

export interface Scored {
  s: SegmentSummary;
  miou: number;
}

/** Runs one job on the data the caller chose and scores its labels (miou NaN where not scored). */
export type Runner = (p: Partial<SegmentSettings>) => Promise<Scored>;

export interface EqualKeys {
  /** The first threshold the bisection found with exactly `keys` key frames. */
  bisected: Scored;
  /** Runs at thresholds spread evenly over the range that gives `keys` key frames, ends included. */
  spread: Scored[];
  /** That threshold range [lo, hi] (each end found to within 0.5%). */
  lo: number;
  hi: number;
}

const sync = (threshold: number): Partial<SegmentSettings> => ({ mode: 'adaptive', threshold, lowLatency: false, tc: false });

/**
 * Synchronous adaptive with fixed thresholds giving exactly `keys` key frames (keys fall as the
 * threshold rises): bisection to one such threshold, then to both ends of the range that gives
 * that count, then `inside` evenly spaced thresholds within it.
 */
export async function equalKeys(run: Runner, keys: number, start: number, inside = 6): Promise<EqualKeys> {
  const count = async (thr: number): Promise<{ r: Scored; n: number }> => {
    const r = await run(sync(thr));
    return { r, n: r.s.keyFrames.length };
  };
  let [lo, hi] = [0, 4 * start];
  let found: { thr: number; r: Scored } | undefined;
  for (let i = 0; i < 14 && !found; i++) {
    const thr = (lo + hi) / 2;
    const { r, n } = await count(thr);
    if (n === keys) found = { thr, r };
    else if (n > keys) lo = thr;
    else hi = thr;
  }
  if (!found) throw new Error(`no threshold gives ${keys} key frames`);
  // Lower end between lo (more keys) and found.thr; upper end between found.thr and hi (fewer keys).
  const edge = async (outside: number): Promise<{ thr: number; r: Scored }> => {
    let best = { thr: found!.thr, r: found!.r };
    let out = outside;
    while (Math.abs(best.thr - out) > 0.005 * best.thr) {
      const m = (best.thr + out) / 2;
      const c = await count(m);
      if (c.n === keys) best = { thr: m, r: c.r };
      else out = m;
    }
    return best;
  };
  const a = await edge(lo);
  const b = await edge(hi);
  const spread = [a.r];
  for (let i = 1; i <= inside; i++) {
    const c = await count(a.thr + ((b.thr - a.thr) * i) / (inside + 1));
    if (c.n === keys) spread.push(c.r);
  }
  spread.push(b.r);
  return { bisected: found.r, spread, lo: a.thr, hi: b.thr };
}

export interface LatencyRun {
  /** Worst latency / median non-key latency, frame 0 excluded. */
  worst: number;
  p95: number;
  /** Median latency of the frames that triggered a key, / median non-key. */
  triggered: number;
  worstFrame: string;
  /** 1-minute load average after the run. */
  load: number;
  /** Low latency: frames from a trigger until the new key was used (mean). */
  switchFrames?: number;
}

export function latencyOf(s: SegmentSummary): LatencyRun {
  const after = s.records.filter((r) => r.index > 0);
  const nonKey = summarize(after.filter((r) => !r.key).map((r) => ownMs(r.timings))).p50;
  const all = summarize(after.map((r) => ownMs(r.timings)));
  const worst = after.reduce((w, r) => (ownMs(r.timings) > ownMs(w.timings) ? r : w), after[0]!);
  const t = worst.timings;
  const worstFrame = `#${worst.index}${worst.key ? ' (key)' : ''} ${ownMs(t).toFixed(1)} ms: low ${t.low.toFixed(1)}, high ${t.high.toFixed(1)}, flow ${t.flow.toFixed(1)}, head ${t.head.toFixed(1)}, labels ${t.labels.toFixed(1)}, other ${(ownMs(t) - t.prepare - t.low - t.high - t.flow - t.head - t.labels).toFixed(1)}`;
  const switchFrames = Number(s.modeInfo.keySwitchFramesMean);
  return {
    worst: all.max / nonKey,
    p95: all.p95 / nonKey,
    triggered: summarize(after.filter((r) => r.key).map((r) => ownMs(r.timings))).p50 / nonKey,
    worstFrame,
    load: os.loadavg()[0]!,
    ...(Number.isFinite(switchFrames) ? { switchFrames } : {}),
  };
}

/**
 * The control for the latency ratio: the same per-frame work as low-latency's non-key frames
 * (low, flow + warp, head, labels; the same ORT threads: half the cores) and never a key after
 * frame 0 (dff with the largest key interval, key first). Its worst / median is what this machine's own
 * jitter gives on identical frames, with no key-frame work at all.
 */
const noKeyControl = (): Partial<SegmentSettings> => ({ mode: 'dff', keyInterval: 1000, lowLatency: true, threads: Math.max(1, Math.floor(defaultThreads() / 2)) });

/**
 * `rounds` × (low-latency run, batch-schedule run, no-key control) after one unmeasured warm-up run
 * of each. `run` should not score the labels: decoding them between runs leaves garbage that the
 * next run's first frames would collect (a bench artefact: a job in the app runs in a fresh worker).
 */
export async function latencyRounds(run: Runner, rounds: number): Promise<{ low: LatencyRun[]; sync: LatencyRun[]; control: LatencyRun[]; priority: string }> {
  const low: LatencyRun[] = [];
  const syn: LatencyRun[] = [];
  const control: LatencyRun[] = [];
  let priority = '';
  await run({ mode: 'adaptive', targetInterval: 5, lowLatency: true });
  await run({ mode: 'adaptive', targetInterval: 5, lowLatency: false });
  await run(noKeyControl());
  for (let i = 0; i < rounds; i++) {
    const l = await run({ mode: 'adaptive', targetInterval: 5, lowLatency: true });
    priority = String(l.s.modeInfo.highThreadPriority ?? 'no high-stage thread');
    low.push(latencyOf(l.s));
    syn.push(latencyOf((await run({ mode: 'adaptive', targetInterval: 5, lowLatency: false })).s));
    control.push(latencyOf((await run(noKeyControl())).s));
  }
  return { low, sync: syn, control, priority };
}

export function median(xs: number[]): number {
  return summarize(xs).p50;
}
