/**
 * The offline pipeline: frames in, each frame's labels and confidence plus the summary out into a
 * FrameSink (sink.ts): a folder of PNGs (normally the temporary sibling of the final output
 * folder, see job.ts) or the worker's channel to the backend. The worker and the benchmarks call
 * it directly.
 *
 * Per frame on the critical path: grey image at the flow size, model input, the mode, labels and
 * confidence at frame size (model/labels.ts). Off it: reading the next frames (prefetch.ts), the
 * sink's storing (a folder: PNG deflate + write on libuv's thread pool, bounded), and the TC
 * analysis, which runs at points where no inference is in flight and is subtracted from the
 * processing time. `fps` = frames / processing time; `wallSec` also counts waiting for the sink.
 */
import { VssError } from '../../core/errors.ts';
import { disFlow } from '../flow/dis.ts';
import type { ModelBundle } from '../model/bundle.ts';
import { createLabeler, type Labeler } from '../model/labels.ts';
import { createMode } from '../modes/create.ts';
import { flowDisOptions } from '../modes/propagate.ts';
import type { ModeOutput } from '../modes/types.ts';
import type { FlowField, GrayImage, LabelMap } from '../../core/types.ts';
import { flowGray, flowSizeFor, type FlowGrayScratch } from './flow-gray.ts';
import { ModelInputs } from './model-input.ts';
import { prefetch } from './prefetch.ts';
import type { FrameSink } from './sink.ts';
import { buildSummary } from './summary.ts';
import { resizeLabelsNearest, temporalConsistency } from './tc.ts';
import type { FrameRecord, ProgressFrame, SegmentProgress, SegmentSettings, SegmentSummary, SourceFrame } from './types.ts';

const TEST_FRAME_MS = Number(process.env.VSS_TEST_ENGINE_FRAME_MS ?? 0) || 0;

export interface RunHooks {
  signal?: AbortSignal;
  onProgress?(p: SegmentProgress): void;
  /** Called after each frame's outputs are queued for writing (the worker acks frames with it). */
  onFrameDone?(index: number): void;
  /** Test hook: throw while processing this frame index. */
  failAtFrame?: number;
}

export interface RunInput {
  bundle: ModelBundle;
  settings: SegmentSettings;
  frames: AsyncIterable<SourceFrame>;
  total: number;
  source: string;
  loadMs: number;
  /** Warm-up before the first frame (warmup.ts), reported apart; 0 when none ran. */
  warmupMs?: number;
  sink: FrameSink;
}

interface Pending {
  frame: SourceFrame;
  start: number;
  gray: GrayImage;
  /** Grey image + model input (made only if the mode asks for it). */
  prepare: { ms: number };
}

/** A labelled frame waiting for its TC analysis. */
interface Labelled {
  record: FrameRecord;
  gray: GrayImage;
  labels: LabelMap;
  flowToPrev: FlowField | undefined;
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new VssError('CANCELLED', 'cancelled');
}

export async function runSegment(input: RunInput, hooks: RunHooks = {}): Promise<SegmentSummary> {
  const { bundle, settings, sink } = input;
  const mode = createMode(bundle, settings);
  const classes = bundle.manifest.classes.length;
  const fsize = flowSizeFor(bundle.manifest.input.width, bundle.manifest.input.height, settings.flowScale);
  const dis = flowDisOptions(settings.preset, settings.flowScale);
  const grayScratch: FlowGrayScratch = {};
  /** Model inputs share one buffer, rewritten every frame (ModeFrame.input is valid only during push). */
  const inputs = new ModelInputs(bundle);
  /** Per processed frame (in order): stored yet? The first `written` frames are. */
  const stored: boolean[] = [];
  const positionOf = new Map<number, number>();
  let written = 0;
  /** Progress: `done` counts frames whose labels and confidence are stored (readable now). */
  const report = (): void => {
    const elapsed = (performance.now() - t0 - analysisMs) / 1000;
    const fps = records.length / Math.max(elapsed, 1e-6);
    // Marks go out once their frame is readable; the rest wait for a later event.
    const frames = fresh.filter((f) => positionOf.get(f.index)! < written);
    fresh = fresh.filter((f) => positionOf.get(f.index)! >= written);
    hooks.onProgress?.({ done: written, total: input.total, fps, etaSec: Math.max(0, input.total - records.length) / Math.max(fps, 1e-6), frames });
  };
  const pending = new Map<number, Pending>();
  const records: FrameRecord[] = [];
  let toAnalyse: Labelled[] = [];
  /** Frames for the next progress event: new ones, and earlier ones whose TC became known. */
  let fresh: ProgressFrame[] = [];
  let prev: { gray: GrayImage; small: LabelMap } | undefined;
  let labeler: { key: string; run: Labeler } | undefined;
  let analysisMs = 0;
  let width = 0;
  let height = 0;
  const t0 = performance.now();

  /** TC of the labelled frames against their predecessors; called while no inference runs. */
  const analyse = (): void => {
    if (!settings.tc || toAnalyse.length === 0) return;
    const ta = performance.now();
    for (const l of toAnalyse) {
      const small = resizeLabelsNearest(l.labels, fsize.width, fsize.height);
      if (prev) {
        l.record.tcPrev = temporalConsistency(prev.small, small, l.flowToPrev ?? disFlow(l.gray, prev.gray, dis), classes);
        fresh.push({ index: l.record.index, key: l.record.key, tcPrev: l.record.tcPrev });
      }
      prev = { gray: l.gray, small };
    }
    toAnalyse = [];
    analysisMs += performance.now() - ta;
  };

  const finish = async (o: ModeOutput): Promise<void> => {
    const p = pending.get(o.index);
    if (!p) throw new Error(`mode returned unknown frame ${o.index}`);
    pending.delete(o.index);
    const { frame } = p;
    const key = `${o.probabilities.channels}x${o.probabilities.width}x${o.probabilities.height}>${frame.width}x${frame.height}`;
    if (labeler?.key !== key) labeler = { key, run: createLabeler(o.probabilities.width, o.probabilities.height, o.probabilities.channels, frame.width, frame.height) };
    const tl = performance.now();
    const { labels, confidence } = labeler.run(o.probabilities);
    const total = performance.now() - p.start;
    const labelsMs = performance.now() - tl;
    const position = records.length;
    stored[position] = false;
    positionOf.set(frame.index, position);
    const onStored = (): void => {
      stored[position] = true;
      const before = written;
      while (written < stored.length && stored[written]) written++;
      if (written > before) report();
    };
    await sink.put({ index: frame.index, stem: frame.stem, width: frame.width, height: frame.height, labels: labels.data, confidence }, onStored);
    const classPixels = new Array<number>(classes).fill(0);
    for (let i = 0; i < labels.data.length; i++) classPixels[labels.data[i]!]!++;
    const record: FrameRecord = { index: o.index, stem: frame.stem, key: o.key, tcPrev: null, classPixels, timings: { ...o.timings, decode: frame.decodeMs, prepare: p.prepare.ms, labels: labelsMs, total } };
    records.push(record);
    if (settings.tc) toAnalyse.push({ record, gray: p.gray, labels, flowToPrev: o.flowToPrev });
    hooks.onFrameDone?.(o.index);
    fresh.push({ index: record.index, key: record.key, tcPrev: record.tcPrev });
    report();
  };

  let elapsedSec = 0;
  try {
    for await (const frame of prefetch(input.frames, 2)) {
      // End-to-end tests pace runs so that a run is observably in progress (set by e2e/global-setup.ts).
      if (TEST_FRAME_MS > 0) await new Promise((r) => setTimeout(r, TEST_FRAME_MS));
      checkCancelled(hooks.signal);
      if (hooks.failAtFrame === frame.index) throw new Error(`test failure injected at frame ${frame.index}`);
      if (records.length === 0 && pending.size === 0) {
        width = frame.width;
        height = frame.height;
      }
      const start = performance.now();
      const gray = flowGray(frame.rgba, frame.width, frame.height, fsize, grayScratch);
      const prepare = { ms: performance.now() - start };
      pending.set(frame.index, { frame, start, gray, prepare });
      const input = inputs.lazy({ width: frame.width, height: frame.height, data: frame.rgba }, prepare);
      const outs = await mode.push({ index: frame.index, input, gray });
      for (const o of outs) await finish(o);
      mode.answered?.();
      // After finish(): the analysis is not part of any frame's latency (start to labels ready).
      analyse();
    }
    checkCancelled(hooks.signal);
    for (const o of await mode.flush()) await finish(o);
    analyse();
    elapsedSec = (performance.now() - t0 - analysisMs) / 1000;
    await sink.drain();
  } catch (e) {
    // A failed or cancelled run: let the queued files land before the caller deletes the folder.
    await sink.settle();
    throw e;
  }
  if (fresh.length > 0 || written < records.length) {
    // Every file is on disk; the TC of the last frames became known after their own events.
    written = records.length;
    hooks.onProgress?.({ done: written, total: input.total, fps: records.length / Math.max(elapsedSec, 1e-6), etaSec: 0, frames: fresh });
    fresh = [];
  }
  const wallSec = (performance.now() - t0) / 1000;
  const summary = buildSummary({ bundle, settings, records, source: input.source, loadMs: input.loadMs, warmupMs: input.warmupMs ?? 0, elapsedSec, wallSec, width, height, modeInfo: mode.info() });
  await sink.finish(summary);
  return summary;
}
