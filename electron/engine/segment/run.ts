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
import type { Mode, ModeOutput } from '../modes/types.ts';
import type { FlowField, GrayImage, LabelMap } from '../../core/types.ts';
import { flowGray, flowSizeFor, type FlowGrayScratch } from './flow-gray.ts';
import { ModelInputs } from './model-input.ts';
import { countClasses } from './output-kernels.ts';
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
  return new SegmentRun(input, hooks).run();
}

/** One run's state: the frames in flight, their records, the storing order and the TC analysis. */
class SegmentRun {
  private readonly mode: Mode;
  private readonly classes: number;
  private readonly fsize: { width: number; height: number };
  private readonly dis: ReturnType<typeof flowDisOptions>;
  private readonly grayScratch: FlowGrayScratch = {};
  /** Model inputs share one buffer, rewritten every frame (ModeFrame.input is valid only during push). */
  private readonly inputs: ModelInputs;
  /** Per processed frame (in order): stored yet? The first `written` frames are. */
  private readonly stored: boolean[] = [];
  private readonly positionOf = new Map<number, number>();
  private written = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly records: FrameRecord[] = [];
  private toAnalyse: Labelled[] = [];
  /** Frames for the next progress event: new ones, and earlier ones whose TC became known. */
  private fresh: ProgressFrame[] = [];
  private prev: { gray: GrayImage; small: LabelMap } | undefined;
  private labeler: { key: string; run: Labeler } | undefined;
  private analysisMs = 0;
  private width = 0;
  private height = 0;
  private readonly t0 = performance.now();

  constructor(private readonly input: RunInput, private readonly hooks: RunHooks) {
    const { bundle, settings } = input;
    this.mode = createMode(bundle, settings);
    this.classes = bundle.manifest.classes.length;
    this.fsize = flowSizeFor(bundle.manifest.input.width, bundle.manifest.input.height, settings.flowScale);
    this.dis = flowDisOptions(settings.preset, settings.flowScale);
    this.inputs = new ModelInputs(bundle);
  }

  async run(): Promise<SegmentSummary> {
    const { input, hooks, mode } = this;
    let elapsedSec = 0;
    try {
      for await (const frame of prefetch(input.frames, 2)) await this.process(frame);
      checkCancelled(hooks.signal);
      for (const o of await mode.flush()) await this.finish(o);
      // Modes that hold frames (dff's and adaptive's batch schedules, fusion windows) answer the last ones here.
      checkCancelled(hooks.signal);
      this.analyse();
      elapsedSec = (performance.now() - this.t0 - this.analysisMs) / 1000;
      await input.sink.drain();
    } catch (e) {
      // A failed or cancelled run: let the queued files land before the caller deletes the folder.
      await input.sink.settle();
      throw e;
    }
    const { records } = this;
    if (this.fresh.length > 0 || this.written < records.length) {
      // Every file is on disk; the TC of the last frames became known after their own events.
      this.written = records.length;
      hooks.onProgress?.({ done: this.written, total: input.total, fps: records.length / Math.max(elapsedSec, 1e-6), etaSec: 0, frames: this.fresh });
      this.fresh = [];
    }
    const wallSec = (performance.now() - this.t0) / 1000;
    const { bundle, settings } = input;
    const summary = buildSummary({ bundle, settings, records, source: input.source, loadMs: input.loadMs, warmupMs: input.warmupMs ?? 0, elapsedSec, wallSec, width: this.width, height: this.height, modeInfo: mode.info() });
    await input.sink.finish(summary);
    return summary;
  }

  /** One source frame through the mode; the outputs it makes ready are stored. */
  private async process(frame: SourceFrame): Promise<void> {
    // End-to-end tests pace runs so that a run is observably in progress (set by e2e/global-setup.ts).
    if (TEST_FRAME_MS > 0) await new Promise((r) => setTimeout(r, TEST_FRAME_MS));
    checkCancelled(this.hooks.signal);
    if (this.hooks.failAtFrame === frame.index) throw new Error(`test failure injected at frame ${frame.index}`);
    if (this.records.length === 0 && this.pending.size === 0) {
      this.width = frame.width;
      this.height = frame.height;
    }
    const start = performance.now();
    const gray = flowGray(frame.rgba, frame.width, frame.height, this.fsize, this.grayScratch);
    const prepare = { ms: performance.now() - start };
    this.pending.set(frame.index, { frame, start, gray, prepare });
    const input = this.inputs.lazy({ width: frame.width, height: frame.height, data: frame.rgba }, prepare);
    const outs = await this.mode.push({ index: frame.index, input, gray });
    for (const o of outs) await this.finish(o);
    this.mode.answered?.();
    // After finish(): the analysis is not part of any frame's latency (start to labels ready).
    this.analyse();
  }

  /** Progress: `done` counts frames whose labels and confidence are stored (readable now). */
  private report(): void {
    const { records, positionOf, written } = this;
    const elapsed = (performance.now() - this.t0 - this.analysisMs) / 1000;
    const fps = records.length / Math.max(elapsed, 1e-6);
    // Marks go out once their frame is readable; the rest wait for a later event.
    const frames = this.fresh.filter((f) => positionOf.get(f.index)! < written);
    this.fresh = this.fresh.filter((f) => positionOf.get(f.index)! >= written);
    const total = this.input.total;
    this.hooks.onProgress?.({ done: written, total, fps, etaSec: Math.max(0, total - records.length) / Math.max(fps, 1e-6), frames });
  }

  /** TC of the labelled frames against their predecessors; called while no inference runs. */
  private analyse(): void {
    if (!this.input.settings.tc || this.toAnalyse.length === 0) return;
    const ta = performance.now();
    for (const l of this.toAnalyse) {
      const small = resizeLabelsNearest(l.labels, this.fsize.width, this.fsize.height);
      const prev = this.prev;
      if (prev) {
        l.record.tcPrev = temporalConsistency(prev.small, small, l.flowToPrev ?? disFlow(l.gray, prev.gray, this.dis), this.classes);
        this.fresh.push({ index: l.record.index, key: l.record.key, tcPrev: l.record.tcPrev });
      }
      this.prev = { gray: l.gray, small };
    }
    this.toAnalyse = [];
    this.analysisMs += performance.now() - ta;
  }

  /** Labels and confidence of one output, handed to the sink; its record is kept for the summary. */
  private async finish(o: ModeOutput): Promise<void> {
    const p = this.pending.get(o.index);
    if (!p) throw new Error(`mode returned unknown frame ${o.index}`);
    this.pending.delete(o.index);
    const { frame } = p;
    const key = `${o.probabilities.channels}x${o.probabilities.width}x${o.probabilities.height}>${frame.width}x${frame.height}`;
    if (this.labeler?.key !== key) this.labeler = { key, run: createLabeler(o.probabilities.width, o.probabilities.height, o.probabilities.channels, frame.width, frame.height) };
    const tl = performance.now();
    const { labels, confidence } = this.labeler.run(o.probabilities);
    const total = performance.now() - p.start;
    const labelsMs = performance.now() - tl;
    const position = this.records.length;
    this.stored[position] = false;
    this.positionOf.set(frame.index, position);
    await this.input.sink.put({ index: frame.index, stem: frame.stem, width: frame.width, height: frame.height, labels: labels.data, confidence }, () => this.onStored(position));
    const classPixels = countClasses(labels.data, this.classes);
    const record: FrameRecord = { index: o.index, stem: frame.stem, key: o.key, tcPrev: null, classPixels, timings: { ...o.timings, decode: frame.decodeMs, prepare: p.prepare.ms, labels: labelsMs, total } };
    this.records.push(record);
    if (this.input.settings.tc) this.toAnalyse.push({ record, gray: p.gray, labels, flowToPrev: o.flowToPrev });
    this.hooks.onFrameDone?.(o.index);
    this.fresh.push({ index: record.index, key: record.key, tcPrev: record.tcPrev });
    this.report();
  }

  /** The sink stored the frame at this position: frames stored in order count as written. */
  private onStored(position: number): void {
    const { stored } = this;
    stored[position] = true;
    const before = this.written;
    while (this.written < stored.length && stored[this.written]) this.written++;
    if (this.written > before) this.report();
  }
}
