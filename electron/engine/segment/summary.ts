/** summary.json of a run: latency percentiles, key frames, mean TC, settings and per-frame records. */
import type { ModelBundle } from '../model/bundle.ts';
import type { FrameRecord, LatencyStats, SegmentSettings, SegmentSummary } from './types.ts';

export function latencyStats(values: number[]): LatencyStats | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number): number => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
  const r = (v: number): number => Math.round(v * 100) / 100;
  return { p50: r(at(0.5)), p95: r(at(0.95)), max: r(s[s.length - 1]!) };
}

export interface SummaryInput {
  bundle: ModelBundle;
  settings: SegmentSettings;
  records: FrameRecord[];
  source: string;
  loadMs: number;
  warmupMs: number;
  elapsedSec: number;
  /** Whole run including TC analysis and waiting for the last PNG writes. */
  wallSec: number;
  width: number;
  height: number;
  modeInfo: Record<string, number | string | boolean>;
}

export function buildSummary(i: SummaryInput): SegmentSummary {
  const { records, bundle } = i;
  const keyFrames = records.filter((r) => r.key).map((r) => r.index);
  const tcs = records.map((r) => r.tcPrev).filter((v): v is number => v !== null);
  const { model: _model, ...settings } = i.settings;
  const intervals = keyFrames.slice(1).map((k, j) => k - keyFrames[j]!);
  return {
    mode: i.settings.mode,
    model: { name: bundle.manifest.name, dir: bundle.dir, split: bundle.split, classes: bundle.manifest.classes.map((c) => c.name) },
    source: i.source,
    frames: records.length,
    width: i.width,
    height: i.height,
    fps: Math.round((records.length / Math.max(i.elapsedSec, 1e-6)) * 100) / 100,
    elapsedSec: Math.round(i.elapsedSec * 1000) / 1000,
    wallSec: Math.round(i.wallSec * 1000) / 1000,
    loadMs: Math.round(i.loadMs),
    warmupMs: Math.round(i.warmupMs),
    latencyMs: latencyStats(records.map((r) => r.timings.total)) ?? { p50: 0, p95: 0, max: 0 },
    nonKeyLatencyMs: latencyStats(records.filter((r) => !r.key).map((r) => r.timings.total)),
    keyFrames,
    averageKeyInterval: keyFrames.length ? records.length / keyFrames.length : null,
    tc: tcs.length ? tcs.reduce((a, b) => a + b, 0) / tcs.length : null,
    settings,
    executionProvider: bundle.executionProvider,
    notes: [...bundle.notes],
    modeInfo: { ...i.modeInfo, meanIntervalBetweenKeys: intervals.length ? intervals.reduce((a, b) => a + b, 0) / intervals.length : 0 },
    records,
  };
}
