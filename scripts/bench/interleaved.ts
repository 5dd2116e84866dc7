/**
 * Per-frame and dff K=5 over the same frames in interleaved rounds, after one unmeasured run of
 * each (warm caches and JIT), TC analysis off: the runs the dff speed-up sections compare.
 * Not a bench section itself (no bench() export).
 */
import os from 'node:os';
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { segmentJob } from '../../electron/engine/segment/job.ts';
import { segmentSettings } from '../../electron/engine/segment/settings.ts';
import { streamFrames } from '../../electron/engine/segment/sources.ts';
import type { SegmentSettings, SegmentSummary, SourceFrame } from '../../electron/engine/segment/types.ts';

export interface Interleaved {
  pf: SegmentSummary[];
  dff: SegmentSummary[];
  /** 1-minute load average after each round. */
  loads: string[];
}

export async function perFrameVsDff(model: string, frames: SourceFrame[], rounds: number, tmp: string, prefix: string): Promise<Interleaved> {
  let n = 0;
  const run = async (p: Partial<SegmentSettings>): Promise<SegmentSummary> => {
    const out = join(tmp, `${prefix}-${n++}`);
    const s = await segmentJob({ settings: segmentSettings({ model, tc: false, ...p }), out, force: true, source: 'bench', total: frames.length }, streamFrames(frames));
    await rm(out, { recursive: true, force: true });
    return s;
  };
  const pfSet = { mode: 'per-frame' } as const;
  const dffSet = { mode: 'dff', keyInterval: 5 } as const;
  await run(pfSet);
  await run(dffSet);
  const r: Interleaved = { pf: [], dff: [], loads: [] };
  for (let i = 0; i < rounds; i++) {
    r.pf.push(await run(pfSet));
    r.dff.push(await run(dffSet));
    r.loads.push(os.loadavg()[0]!.toFixed(1));
  }
  return r;
}
