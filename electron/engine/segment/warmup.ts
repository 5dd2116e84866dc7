/**
 * Warm-up before the first real frame. A job runs in a fresh worker, where every JavaScript and
 * WebAssembly kernel (grey conversion, model input, DIS flow, warping, labels, TC) starts cold:
 * measured there, the first ~6 frames took 2–4× a steady frame (flow alone 35–50 ms on frame 1
 * instead of ~7). So, as latency-sensitive inference servers do, the job first pushes a few
 * synthetic frames at the model's input size through a throwaway instance of the same mode and
 * the same per-frame steps (at most WARMUP_FRAMES, no new one after WARMUP_BUDGET_MS), before it
 * reads the stream. That time is reported apart (summary.warmupMs) and counts neither in fps nor
 * in any frame's latency; the first real frame then costs what a steady one does.
 */
import { disFlow } from '../flow/dis.ts';
import type { ModelBundle } from '../model/bundle.ts';
import { createLabeler, type Labeler } from '../model/labels.ts';
import { createMode } from '../modes/create.ts';
import { flowDisOptions } from '../modes/propagate.ts';
import type { ModeOutput } from '../modes/types.ts';
import { generateSequence } from '../synthetic/generate.ts';
import type { GrayImage, LabelMap } from '../../core/types.ts';
import { flowGray, flowSizeFor } from './flow-gray.ts';
import { ModelInputs } from './model-input.ts';
import { resizeLabelsNearest, temporalConsistency } from './tc.ts';
import type { SegmentSettings } from './types.ts';

/** Synthetic frames pushed through the throwaway mode (enough for the kernels to tier up). */
export const WARMUP_FRAMES = 6;
/**
 * No new warm-up frame after this long (ms): a heavy model, whose frames take far longer than the
 * kernels' first-use cost, stops after one or two instead of delaying the job by six model runs.
 */
export const WARMUP_BUDGET_MS = 1000;

/** Runs the warm-up; returns its duration (ms). `frames` 0 does nothing. */
export async function warmUp(bundle: ModelBundle, settings: SegmentSettings, frames = WARMUP_FRAMES, budgetMs = WARMUP_BUDGET_MS): Promise<number> {
  if (frames <= 0) return 0;
  const t0 = performance.now();
  const { width, height } = bundle.manifest.input;
  const classes = bundle.manifest.classes.length;
  const fsize = flowSizeFor(width, height, settings.flowScale);
  const dis = flowDisOptions(settings.preset, settings.flowScale);
  const mode = createMode(bundle, settings);
  const grays = new Map<number, GrayImage>();
  let prev: { gray: GrayImage; small: LabelMap } | undefined;
  let labeler: { key: string; run: Labeler } | undefined;
  const inputs = new ModelInputs(bundle);
  const finish = (o: ModeOutput): void => {
    const p = o.probabilities;
    const key = `${p.channels}x${p.width}x${p.height}`;
    if (labeler?.key !== key) labeler = { key, run: createLabeler(p.width, p.height, p.channels, width, height) };
    const { labels } = labeler.run(p);
    const gray = grays.get(o.index)!;
    const small = resizeLabelsNearest(labels, fsize.width, fsize.height);
    if (settings.tc && prev) temporalConsistency(prev.small, small, o.flowToPrev ?? disFlow(gray, prev.gray, dis), classes);
    prev = { gray, small };
  };
  for (const f of generateSequence({ width, height, frames })) {
    const gray = flowGray(f.rgba, width, height, fsize);
    grays.set(f.index, gray);
    const input = inputs.lazy({ width, height, data: f.rgba }, { ms: 0 });
    for (const o of await mode.push({ index: f.index, input, gray })) finish(o);
    mode.answered?.();
    if (performance.now() - t0 > budgetMs) break;
  }
  for (const o of await mode.flush()) finish(o);
  return performance.now() - t0;
}
