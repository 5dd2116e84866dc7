/**
 * A whole segmentation job: load the bundle, run the pipeline. With an output folder (`out`), into
 * a temporary sibling folder renamed to `out` at the end; any failure or cancellation deletes the
 * temporary folder, so no complete-looking output is left behind. With `out: null`, each frame's
 * outputs go to hooks.onResult (the engine worker posts them to the backend).
 */
import { loadBundle, type ModelBundle } from '../model/bundle.ts';
import { defaultThreads } from '../model/session.ts';
import { openOutputDir, type OutputDir } from './output-dir.ts';
import { runSegment, type RunHooks } from './run.ts';
import { channelSink, folderSink, type FrameResult, type FrameSink } from './sink.ts';
import { warmUp } from './warmup.ts';
import type { SegmentSettings, SegmentSummary, SourceFrame } from './types.ts';

/**
 * ORT threads per session when not set: all cores (at most 4), except for the low-latency adaptive
 * mode, whose two slots (the key frame's high stage alongside the next frames' low + head) each get
 * half of them, so that they really run side by side instead of fighting over the same cores.
 */
function threadsFor(s: SegmentSettings): number {
  const all = defaultThreads();
  return s.mode === 'adaptive' && s.lowLatency ? Math.max(1, Math.floor(all / 2)) : all;
}

export interface SegmentJob {
  settings: SegmentSettings;
  /** Output folder; null: results go to JobHooks.onResult. */
  out: string | null;
  force: boolean;
  source: string;
  total: number;
}

export interface JobHooks extends RunHooks {
  /** Called once the bundle is loaded (execution provider and notes known). */
  onLoaded?(bundle: ModelBundle): void;
  /** Wraps the loaded bundle (tests use it to inject noise into the probabilities). */
  wrapBundle?(bundle: ModelBundle): ModelBundle;
  /** Receives each frame's outputs when the job has no output folder. */
  onResult?(r: FrameResult): void;
}

export async function segmentJob(job: SegmentJob, frames: AsyncIterable<SourceFrame>, hooks: JobHooks = {}): Promise<SegmentSummary> {
  const dir: OutputDir | null = job.out === null ? null : await openOutputDir(job.out, job.force);
  const onResult = hooks.onResult ?? (() => undefined);
  let bundle: ModelBundle | undefined;
  try {
    const sink: FrameSink = dir ? await folderSink(dir.tmp) : channelSink(onResult);
    const t0 = performance.now();
    const s = job.settings;
    bundle = await loadBundle(s.model, { executionProvider: s.executionProvider, threads: s.threads ?? threadsFor(s), highThread: s.mode === 'adaptive' && s.lowLatency });
    const loadMs = performance.now() - t0;
    hooks.onLoaded?.(bundle);
    const used = hooks.wrapBundle ? hooks.wrapBundle(bundle) : bundle;
    const warmupMs = await warmUp(used, s);
    const summary = await runSegment({ bundle: used, settings: s, frames, total: job.total, source: job.source, loadMs, warmupMs, sink }, hooks);
    await dir?.commit();
    return summary;
  } catch (e) {
    // The run's own error (or CANCELLED) is what the user sees, never a clean-up failure.
    await dir?.abort().catch(() => undefined);
    throw e;
  } finally {
    await bundle?.release();
  }
}
