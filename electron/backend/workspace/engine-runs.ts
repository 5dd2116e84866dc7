/**
 * Engine runs started from the UI: one EngineClient job per run, reading the video with the
 * engine's own sequential decoder (engine-source.ts). The job has no output folder: the worker
 * posts each frame's labels and confidence over its channel and a TrackWriter writes them once,
 * straight into the run's new track, serving the latest from memory meanwhile. Emits
 * engine.progress (done = frames whose labels can be fetched; frames = key flags and TC reported
 * since the previous event, so markers and the sparkline grow live) and engine.done (with the
 * track's final TrackInfo). A run stopped before any frame leaves no track.
 */
import { randomBytes } from 'node:crypto';
import type { Req, Res, VideoInfo } from '../../shared/contract.ts';
import { RunFrameLog } from '../../shared/run-frames.ts';
import type { SegmentProgress, SegmentSummary } from '../../engine/segment/types.ts';
import { EngineClient, type EngineRun, type FrameSource } from '../../engine/worker/client.ts';
import { segmentSettings } from '../../engine/segment/settings.ts';
import { toWireError } from '../../core/errors.ts';
import { defaultClassMap } from '../../core/class-list.ts';
import { modelsRoot, pickModel } from './engine-models.ts';
import { defaultTrackName, uniqueName } from '../../core/engine-settings.ts';
import { engineFrameSource } from './engine-source.ts';
import { trackInfo } from './track-info.ts';
import { TrackWriter, type LiveFrame } from './track-writer.ts';
import type { Workspace } from './workspace.ts';

export interface EngineRunsOptions {
  client?: Pick<EngineClient, 'start'>;
  /** Frames of a run (default: the engine's own sequential decoder of the video). */
  source?: (info: VideoInfo) => FrameSource;
  /** Sees every file a run writes into its track (tests count writes). */
  onFileWritten?(path: string): void;
}

interface ActiveRun {
  runId: string;
  projectId: string;
  trackId: string;
  name: string;
  handle: EngineRun;
  writer: TrackWriter;
  ended: Promise<void>;
}

type RunEnd = { status: 'done' | 'failed' | 'cancelled'; message: string; summary: SegmentSummary | null };

export class EngineRuns {
  private readonly runs = new Map<string, ActiveRun>();
  private readonly client: Pick<EngineClient, 'start'>;
  private readonly source: (info: VideoInfo) => FrameSource;

  constructor(
    private readonly ws: Workspace,
    private readonly o: EngineRunsOptions = {},
  ) {
    this.client = o.client ?? new EngineClient();
    this.source = o.source ?? engineFrameSource;
  }

  /** True while a run fills a track of the project. */
  busy(projectId: string): boolean {
    return [...this.runs.values()].some((r) => r.projectId === projectId);
  }

  /** A frame a running (or just finished) run holds in memory. */
  liveFrame(projectId: string, trackId: string, stem: string): LiveFrame | undefined {
    for (const r of this.runs.values()) if (r.projectId === projectId && r.trackId === trackId) return r.writer.frame(stem);
    return undefined;
  }

  async start(req: Req<'engine.run'>): Promise<Res<'engine.run'>> {
    const s = this.ws.session(req.projectId);
    const { project } = s.open;
    const info = this.ws.videoOf(s, "the project's video is missing; relocate it before running the engine");
    const model = await pickModel(req.model, this.ws.modelsDir ?? modelsRoot());
    const mine = [...this.runs.values()].filter((r) => r.projectId === s.open.id);
    const name = uniqueName(req.name?.trim() || defaultTrackName(req.mode, req.settings), [...project.tracks.map((t) => t.name), ...mine.map((r) => r.name)]);
    const settings = segmentSettings({ ...req.settings, mode: req.mode, model: model.dir });
    const runId = randomBytes(6).toString('hex');
    const { model: _m, ...trackSettings } = settings;
    const classMap = defaultClassMap(model.classes, project.classes, project.ignoreIndex);
    const track = await project.createTrack(name, { mode: req.mode, settings: trackSettings, source: `engine run ${runId}`, modelClasses: model.classes, classMap });
    const writer = new TrackWriter({ project, trackId: track.id, overwriteLocked: req.overwriteLocked ?? false, ...(this.o.onFileWritten ? { onFileWritten: this.o.onFileWritten } : {}) });
    const handle = this.client.start({ settings, out: null, force: false, source: info.path, total: info.frameCount }, this.source(info), { onResult: (r) => writer.put(r) });
    const run: ActiveRun = { runId, projectId: s.open.id, trackId: track.id, name, handle, writer, ended: Promise.resolve() };
    this.runs.set(runId, run);
    this.ws.setLiveStatus(run.projectId, track.id, { status: 'running', framesDone: 0 });
    run.ended = this.drive(run, info.frameCount);
    return { runId, trackId: track.id };
  }

  cancel(runId: string): boolean {
    const run = this.runs.get(runId);
    if (!run) return false;
    run.handle.cancel();
    return true;
  }

  /** Cancels the run filling a track (if any) and waits until it has stopped. */
  async stopTrack(projectId: string, trackId: string): Promise<void> {
    for (const r of this.runs.values()) {
      if (r.projectId === projectId && r.trackId === trackId) {
        r.handle.cancel();
        await r.ended;
      }
    }
  }

  async dispose(): Promise<void> {
    const all = [...this.runs.values()];
    for (const r of all) r.handle.cancel();
    await Promise.all(all.map((r) => r.ended));
  }

  /** Follows the run: progress events while it goes, then its end (track finished or left as it stopped). */
  private async drive(run: ActiveRun, total: number): Promise<void> {
    const { ws } = this;
    const marks = new RunFrameLog();
    const report = (p: SegmentProgress): void => {
      ws.setLiveStatus(run.projectId, run.trackId, { status: 'running', framesDone: run.writer.received, ...marks.snapshot() });
      const { frames: _f, ...info } = p;
      ws.emit('engine.progress', { ...info, done: run.writer.received, runId: run.runId, projectId: run.projectId, trackId: run.trackId, frames: marks.take() });
    };
    let end: RunEnd;
    try {
      for await (const p of run.handle) {
        marks.add(p.frames);
        report(p);
      }
      const summary = await run.handle.result;
      await run.writer.finish(summary);
      report({ done: summary.frames, total, fps: summary.fps, etaSec: 0, frames: [] });
      let message = `${summary.frames} frames at ${summary.fps} fps, ${summary.keyFrames.length} key frames`;
      if (run.writer.keptCorrections > 0) message += `, ${run.writer.keptCorrections} corrected frames kept`;
      end = { status: 'done', message, summary };
    } catch (e) {
      const w = toWireError(e);
      await run.writer.settle();
      end = { status: w.code === 'CANCELLED' ? 'cancelled' : 'failed', message: w.message, summary: null };
    } finally {
      this.runs.delete(run.runId);
    }
    await this.ended(run, end, marks);
  }

  private async ended(run: ActiveRun, end: RunEnd, marks: RunFrameLog): Promise<void> {
    const { ws } = this;
    const project = ws.session(run.projectId).open.project;
    const stopped = end.status !== 'done' ? { status: end.status, framesDone: run.writer.received, ...marks.snapshot() } : null;
    if (stopped && run.writer.received === 0 && project.tracks.some((t) => t.id === run.trackId)) await project.deleteTrack(run.trackId);
    const track = project.tracks.find((t) => t.id === run.trackId);
    // A stopped run keeps the key frames and TC it reported (its track has no summary.json).
    ws.setLiveStatus(run.projectId, run.trackId, track ? stopped : null);
    const info = track ? await trackInfo(ws, project, track, stopped ?? undefined) : null;
    ws.emit('engine.done', { runId: run.runId, projectId: run.projectId, trackId: run.trackId, status: end.status, message: end.message, track: info });
    await ws.runEnded(run.projectId);
  }
}
