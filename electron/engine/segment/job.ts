/**
 * A whole segmentation job: load the bundle, run the pipeline into a temporary sibling folder,
 * rename it to the output folder at the end. Any failure or cancellation deletes the temporary
 * folder, so no complete-looking output is left behind.
 */
import { loadBundle, type ModelBundle } from '../model/bundle.ts';
import { openOutputDir } from './output-dir.ts';
import { runSegment, type RunHooks } from './run.ts';
import type { SegmentSettings, SegmentSummary, SourceFrame } from './types.ts';

export interface SegmentJob {
  settings: SegmentSettings;
  out: string;
  force: boolean;
  source: string;
  total: number;
}

export interface JobHooks extends RunHooks {
  /** Called once the bundle is loaded (execution provider and notes known). */
  onLoaded?(bundle: ModelBundle): void;
  /** Wraps the loaded bundle (tests use it to inject noise into the probabilities). */
  wrapBundle?(bundle: ModelBundle): ModelBundle;
}

export async function segmentJob(job: SegmentJob, frames: AsyncIterable<SourceFrame>, hooks: JobHooks = {}): Promise<SegmentSummary> {
  const dir = await openOutputDir(job.out, job.force);
  let bundle: ModelBundle | undefined;
  try {
    const t0 = performance.now();
    const s = job.settings;
    bundle = await loadBundle(s.model, s.threads === undefined ? { executionProvider: s.executionProvider } : { executionProvider: s.executionProvider, threads: s.threads });
    const loadMs = performance.now() - t0;
    hooks.onLoaded?.(bundle);
    const used = hooks.wrapBundle ? hooks.wrapBundle(bundle) : bundle;
    const summary = await runSegment({ bundle: used, settings: s, frames, total: job.total, source: job.source, loadMs, dir: dir.tmp }, hooks);
    await dir.commit();
    return summary;
  } catch (e) {
    await dir.abort();
    throw e;
  } finally {
    await bundle?.release();
  }
}
