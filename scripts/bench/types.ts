import { pathToFileURL } from 'node:url';
import type { FrameTimings } from '../../electron/engine/segment/types.ts';

/** A section of `npm run bench`: a titled table of measured figures. */
export interface BenchSection {
  title: string;
  /** Column headers, then rows of cells (already formatted). */
  columns: string[];
  rows: string[][];
  /** Free-text notes printed under the table (targets, pass/fail, machine facts). */
  notes: string[];
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(samples: number[]): { p50: number; p95: number; min: number; max: number; mean: number } {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return { p50: percentile(s, 50), p95: percentile(s, 95), min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN, mean };
}

/** Runs a section on its own (`node --import tsx scripts/bench/<name>.ts`) and prints it. */
export async function runIfMain(moduleUrl: string, bench: () => Promise<BenchSection>): Promise<void> {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  const s = await bench();
  console.log(s.title);
  console.log(s.columns.join(' | '));
  for (const r of s.rows) console.log(r.join(' | '));
  for (const n of s.notes) console.log('- ' + n);
}

/**
 * A frame's own time: its latency less the time it waited for its key (the batch schedules hold
 * frames until their run's key is ready; other modes never wait).
 */
export function ownMs(t: FrameTimings): number {
  return t.total - t.wait;
}
