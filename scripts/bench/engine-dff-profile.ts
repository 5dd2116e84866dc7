/**
 * The dff speed-up with a split bundle built like Deep Feature Flow's models, for the engine
 * bench: native-models/tools/make_heavy_profile_bundle.py writes one (random weights, speed only)
 * into a temporary folder, and per-frame and dff K=5 run on it in interleaved rounds. camvid-lite's
 * deep stage is ~40% of a frame, so dff cannot give it much; this measures what the same engine
 * gives a model whose deep stage dominates, as ResNet-101 features do in the paper.
 * Needs /usr/bin/python3 with numpy and onnx (Debian: python3-onnx); skips with a note without them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SegmentSummary, SourceFrame } from '../../electron/engine/segment/types.ts';
import { perFrameVsDff } from './interleaved.ts';
import { summarize } from './types.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PYTHON = '/usr/bin/python3';
/**
 * 3x3 256-channel blocks in the deep stage, ~0.6 GMAC each at 480x352: 16 make ~10 GMAC, less than
 * ResNet-101 at this input (~26 GMAC), the feature network behind DFF's figures.
 */
const BLOCKS = Number(process.env.VSS_BENCH_HEAVY_BLOCKS ?? 16);

export interface ProfileResult {
  rows: string[][];
  notes: string[];
}

const median = (xs: number[]): number => summarize(xs).p50;

export async function dffWithHeavyProfile(frames: SourceFrame[], tmp: string, rounds: number): Promise<ProfileResult> {
  const dir = join(tmp, 'heavy-profile');
  const script = join(root, 'native-models', 'tools', 'make_heavy_profile_bundle.py');
  const made = existsSync(PYTHON) ? spawnSync(PYTHON, [script, dir, '--blocks', String(BLOCKS)], { encoding: 'utf8' }) : null;
  if (!made || made.status !== 0) {
    const why = made ? (made.stderr.trim().split('\n').pop() ?? `exit ${made.status}`) : `${PYTHON} not found`;
    return { rows: [], notes: [`dff with a DFF-profile bundle: skipped (${why}; needs ${PYTHON} with numpy and onnx)`] };
  }
  const { pf, dff } = await perFrameVsDff(dir, frames, rounds, tmp, 'heavy');
  const fps = (xs: SegmentSummary[]): number => median(xs.map((s) => s.fps));
  const stage = (xs: SegmentSummary[], key: boolean, f: (t: SegmentSummary['records'][number]['timings']) => number): number =>
    median(xs.flatMap((s) => s.records.filter((r) => r.index > 0 && r.key === key).map((r) => f(r.timings))));
  const high = stage(pf, true, (t) => t.high);
  const pfTotal = stage(pf, true, (t) => t.total);
  const nonKey = stage(dff, false, (t) => t.total);
  const ratio = fps(dff) / fps(pf);
  const list = (xs: SegmentSummary[]): string => xs.map((s) => s.fps.toFixed(1)).join(', ');
  return {
    rows: [
      [
        `dff K=5 vs per-frame fps, DFF-profile split bundle (random weights, speed only; median of ${rounds})`,
        `${fps(dff).toFixed(1)} vs ${fps(pf).toFixed(1)}`,
        `${ratio.toFixed(2)}x per-frame; per-round ratios ${dff.map((s, i) => (s.fps / pf[i]!.fps).toFixed(2)).join(', ')} (${dff.filter((s, i) => s.fps / pf[i]!.fps >= 3.5).length} of ${rounds} ≥ 3.5); dff ${list(dff)}; per-frame ${list(pf)}`,
        '≥ 3.5x',
      ],
      [
        '  its cost profile (medians, ms)',
        `high ${high.toFixed(1)} of a ${pfTotal.toFixed(1)} per-frame latency (${((100 * high) / pfTotal).toFixed(0)}%)`,
        `dff non-key frame ${nonKey.toFixed(1)} (prepare, low, flow + warp of 256 channels at stride 8, head, labels)`,
        '',
      ],
    ],
    notes: [
      `DFF-profile bundle: native-models/tools/make_heavy_profile_bundle.py --blocks ${BLOCKS} (480x352 input; low 3x3/4 to 32 channels; high a stride-2 conv to 256 channels and ${BLOCKS} 3x3 256-channel blocks at stride 8; head 1x1 classifiers on high and low, high upsampled x2), seeded random weights: its labels mean nothing, its costs are those of a network whose deep stage dominates, like DFF's ResNet-101 features. Generated into a temporary folder, never shipped.`,
    ],
  };
}
