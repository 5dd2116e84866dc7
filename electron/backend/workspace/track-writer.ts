/**
 * Writes an engine run's results into its project track as they arrive over the worker channel:
 * each frame's labels and confidence PNG once, straight into tracks/<id>/ (deflated on libuv's
 * thread pool, `<file>.part` + rename, a bounded number in flight: the engine's OutputWriter),
 * and keeps the latest frames in memory, so they are served from there while the run goes on.
 *
 * A frame the user locked (corrected) meanwhile keeps its correction: the engine's labels are
 * still written as the frame's raw labels; with overwriteLocked the correction is dropped.
 */
import type { FrameResult } from '../../engine/segment/sink.ts';
import { OutputWriter } from '../../engine/segment/output-writer.ts';
import type { SegmentSummary } from '../../engine/segment/types.ts';
import type { LabelMap } from '../../core/types.ts';
import { Lru } from '../../core/lru.ts';
import { writeJsonAtomic } from '../project/atomic.ts';
import type { Project } from '../project/index.ts';

export interface LiveFrame {
  labels: LabelMap;
  confidence: LabelMap;
}

export interface TrackWriterOptions {
  project: Project;
  trackId: string;
  overwriteLocked: boolean;
  /** Latest frames kept in memory besides those not on disk yet (default 64). */
  recent?: number;
  /** Sees every file once it is written (tests count writes). */
  onFileWritten?(path: string): void;
}

export class TrackWriter {
  /** Frames received so far (each readable from then on: memory first, disk later). */
  received = 0;
  /** Locked frames whose correction was kept. */
  keptCorrections = 0;
  /** Files written (each frame's labels and confidence, once). */
  filesWritten = 0;
  private readonly writer = new OutputWriter(16);
  private readonly recent: Lru<string, LiveFrame>;
  private readonly unwritten = new Map<string, LiveFrame>();
  /** Writes queue here in arrival order (OutputWriter.write waits for room). */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly o: TrackWriterOptions) {
    this.recent = new Lru(o.recent ?? 64);
  }

  put(r: FrameResult): void {
    this.received++;
    const { project, trackId } = this.o;
    const frame: LiveFrame = {
      labels: { width: r.width, height: r.height, data: r.labels },
      confidence: { width: r.width, height: r.height, data: r.confidence },
    };
    const locked = project.isLocked(trackId, r.stem);
    if (locked && !this.o.overwriteLocked) this.keptCorrections++;
    this.recent.set(r.stem, frame);
    this.unwritten.set(r.stem, frame);
    let left = 2;
    const written = (path: string): void => {
      this.filesWritten++;
      this.o.onFileWritten?.(path);
      if (--left === 0 && this.unwritten.get(r.stem) === frame) this.unwritten.delete(r.stem);
    };
    const labelsPath = project.paths.labels(trackId, r.stem);
    const confidencePath = project.paths.confidence(trackId, r.stem);
    this.queue = this.queue.then(async () => {
      if (locked && this.o.overwriteLocked) await project.removeCorrection(trackId, r.stem);
      await this.writer.write(labelsPath, r.width, r.height, r.labels, () => written(labelsPath));
      await this.writer.write(confidencePath, r.width, r.height, r.confidence, () => written(confidencePath));
    });
  }

  /** A frame of this run held in memory (not on disk yet, or among the latest), else undefined. */
  frame(stem: string): LiveFrame | undefined {
    return this.unwritten.get(stem) ?? this.recent.get(stem);
  }

  /** Waits until every frame is on disk; with a summary, writes summary.json and the track's key frames. */
  async finish(summary: SegmentSummary | null): Promise<void> {
    await this.queue;
    await this.writer.drain();
    if (!summary) return;
    const { project, trackId } = this.o;
    await writeJsonAtomic(`${project.paths.trackDir(trackId)}/summary.json`, summary);
    await project.updateTrack(trackId, { mode: summary.mode, keyFrames: summary.keyFrames, settings: { ...summary.settings } });
  }

  /** Waits for queued writes without throwing (a stopped run). */
  async settle(): Promise<void> {
    await this.queue.catch(() => undefined);
    await this.writer.settle();
  }
}
