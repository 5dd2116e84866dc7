/**
 * Engine runs started from the UI: one EngineClient job per run over the project's video
 * (VideoService frames), writing into <project>/runs/<runId>, imported into a new track while it
 * runs (engine-import.ts). Emits engine.progress (done = frames whose labels can be fetched; frames
 * = key flags and TC reported since the previous event, so markers and the sparkline grow live)
 * and engine.done (with the track's final TrackInfo).
 */
import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Req, Res } from '../../shared/contract.ts';
import { RunFrameLog } from '../../shared/run-frames.ts';
import type { SegmentProgress } from '../../engine/segment/types.ts';
import { EngineClient, type EngineRun, type FrameSource } from '../../engine/worker/client.ts';
import { defaultTrackName, uniqueName } from '../../core/engine-settings.ts';
import { stemMapFor } from '../../core/frame-stems.ts';
import { videoFrameSource } from '../../engine/worker/video-source.ts';
import type { VideoInfo } from '../../shared/contract.ts';
import { segmentSettings } from '../../engine/segment/settings.ts';
import { VssError, toWireError } from '../../core/errors.ts';
import { trackIdFor } from '../project/paths.ts';
import { modelsRoot, pickModel } from './engine-models.ts';
import { ProgressiveImport } from './engine-import.ts';
import { trackInfo } from './track-info.ts';
import type { Workspace } from './workspace.ts';

export interface EngineRunsOptions {
  client?: Pick<EngineClient, 'start'>;
  /** Frames of a run (default: the engine's own sequential decoder of the video). */
  source?: (info: VideoInfo) => FrameSource;
}

interface ActiveRun {
  runId: string;
  projectId: string;
  trackId: string;
  name: string;
  handle: EngineRun;
  ended: Promise<void>;
}

export class EngineRuns {
  private readonly runs = new Map<string, ActiveRun>();
  private readonly client: Pick<EngineClient, 'start'>;
  private readonly source: (info: VideoInfo) => FrameSource;

  constructor(
    private readonly ws: Workspace,
    o: EngineRunsOptions = {},
  ) {
    this.client = o.client ?? new EngineClient();
    this.source = o.source ?? ((info) => videoFrameSource(ws.video, info));
  }

  /** True while a run fills a track of the project. */
  busy(projectId: string): boolean {
    return [...this.runs.values()].some((r) => r.projectId === projectId);
  }

  async start(req: Req<'engine.run'>): Promise<Res<'engine.run'>> {
    const s = this.ws.session(req.projectId);
    const open = s.open;
    const info = this.ws.videoOf(s, "the project's video is missing; relocate it before running the engine");
    const model = await pickModel(req.model, this.ws.modelsDir ?? modelsRoot());
    const mine = [...this.runs.values()].filter((r) => r.projectId === open.id);
    const tracks = open.project.tracks;
    const name = uniqueName(req.name?.trim() || defaultTrackName(req.mode, req.settings), [...tracks.map((t) => t.name), ...mine.map((r) => r.name)]);
    const trackId = trackIdFor(name, new Set([...tracks.map((t) => t.id), ...mine.map((r) => r.trackId)]));
    const settings = segmentSettings({ ...req.settings, mode: req.mode, model: model.dir });
    const runId = randomBytes(6).toString('hex');
    const runsDir = join(open.project.dir, 'runs');
    const out = join(runsDir, runId);
    const handle = this.client.start({ settings, out, force: false, source: info.path, total: info.frameCount }, this.source(info));
    const { model: _m, ...summarySettings } = settings;
    const importer = new ProgressiveImport({
      project: open.project,
      batchDir: join(runsDir, `${runId}.batch`),
      name,
      stemOf: stemMapFor(info).stemOf,
      overwriteLocked: req.overwriteLocked ?? false,
      summary: { mode: req.mode, settings: summarySettings },
    });
    const run: ActiveRun = { runId, projectId: open.id, trackId, name, handle, ended: Promise.resolve() };
    this.runs.set(runId, run);
    this.ws.setLiveStatus(open.id, trackId, { status: 'running', framesDone: 0 });
    run.ended = this.drive(run, importer, runsDir, out, info.frameCount);
    return { runId, trackId };
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

  private async drive(run: ActiveRun, importer: ProgressiveImport, runsDir: string, out: string, total: number): Promise<void> {
    const { ws } = this;
    const open = ws.session(run.projectId).open;
    let latest: SegmentProgress = { done: 0, total, fps: 0, etaSec: 0 };
    let tmpDir: string | null = null;
    let pumping: Promise<void> | null = null;
    const marks = new RunFrameLog();
    const report = (): void => {
      if (importer.trackId && importer.trackId !== run.trackId) run.trackId = importer.trackId;
      ws.setLiveStatus(run.projectId, run.trackId, { status: 'running', framesDone: importer.imported, ...marks.snapshot() });
      const { frames: _f, ...info } = latest;
      ws.emit('engine.progress', { ...info, done: importer.imported, runId: run.runId, projectId: run.projectId, trackId: run.trackId, frames: marks.take() });
    };
    const pump = (): void => {
      if (pumping) return;
      pumping = (async () => {
        while (importer.imported < latest.done) {
          tmpDir ??= await findTmp(runsDir, run.runId);
          if (!tmpDir) return;
          await importer.upTo(latest.done, tmpDir);
          report();
        }
      })()
        .catch(() => undefined) // the job's own result reports real failures
        .finally(() => (pumping = null));
    };
    let status: 'done' | 'failed' | 'cancelled' = 'done';
    let message = '';
    try {
      for await (const p of run.handle) {
        latest = p;
        marks.add(p.frames);
        pump();
      }
      const summary = await run.handle.result;
      while (pumping) await pumping;
      await importer.upTo(summary.frames, out, join(out, 'summary.json'));
      latest = { done: summary.frames, total, fps: summary.fps, etaSec: 0 };
      report();
      message = `${summary.frames} frames at ${summary.fps} fps, ${summary.keyFrames.length} key frames`;
      if (importer.skippedLocked > 0) message += `, ${importer.skippedLocked} locked frames kept`;
    } catch (e) {
      const w = toWireError(e);
      status = w.code === 'CANCELLED' ? 'cancelled' : 'failed';
      message = w.message;
      while (pumping) await pumping;
    } finally {
      this.runs.delete(run.runId);
      await rm(out, { recursive: true, force: true }).catch(() => undefined);
    }
    const trackId = importer.trackId ?? run.trackId;
    const track = open.project.tracks.find((t) => t.id === trackId);
    // A stopped run keeps the key frames and TC it reported (its track has no real summary.json).
    const stopped = track && status !== 'done' ? { status, framesDone: importer.imported, ...marks.snapshot() } : null;
    ws.setLiveStatus(run.projectId, trackId, stopped);
    const info = track ? await trackInfo(ws, open.project, track, stopped ?? undefined) : null;
    ws.emit('engine.done', { runId: run.runId, projectId: run.projectId, trackId, status, message, track: info });
    await ws.runEnded(run.projectId);
  }
}

async function findTmp(runsDir: string, runId: string): Promise<string | null> {
  const names = await readdir(runsDir).catch(() => [] as string[]);
  const hit = names.find((n) => n.startsWith(`${runId}.tmp-`));
  return hit ? join(runsDir, hit) : null;
}
