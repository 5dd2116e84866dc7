/**
 * The workspace: the one object of the backend that owns what is open. Videos (through the
 * VideoService), project sessions, the live status of tracks that engine runs are filling, the
 * engine runs themselves and the flow service (one worker thread for the flow overlay and for
 * propagation). Handlers (handler-tables.ts) are thin functions over it.
 *
 * Bounded: at most `maxOpen` projects (with their videos) stay open. Registering one more closes
 * the least recently used project that no engine run is filling, with its video; opening a bare
 * video closes videos no open project uses, oldest first. A project closed while a run fills it
 * stays open until the run ends.
 *
 * Each open project holds its project lock (project/lock.ts), so another app, review host or
 * `vss import` cannot write it meanwhile; a project another live process holds fails to open
 * with LOCKED.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { LabelMap } from '../../core/types.ts';
import type { EventName, Events, ProjectState, VideoInfo } from '../../shared/contract.ts';
import { VssError } from '../../core/errors.ts';
import { addRecentProject, Autosaver, openProjectHistory, setFrameRate, type Project } from '../project/index.ts';
import { acquireProjectLock, type ProjectLock } from '../project/lock.ts';
import { FOLDER_FPS } from '../video/open-folder.ts';
import type { VideoService } from '../video/types.ts';
import { EngineRuns, type EngineRunsOptions } from './engine-runs.ts';
import { FlowService } from './flow-service.ts';
import { projectState, refreshStems, type ProjectSession } from './project-session.ts';
import { stemMapFor } from '../../core/frame-stems.ts';
import { loadView, saveView } from './project-view.ts';
import { TcCache } from './track-info.ts';
import type { LiveTrackStatus } from './track-status.ts';
import type { JobLabels } from '../../engine/flow-worker/protocol.ts';

export type Emit = <E extends EventName>(name: E, payload: Events[E]) => void;

export interface WorkspaceOptions {
  video: VideoService;
  dataDir: string;
  emit: Emit;
  /** Folder of the model bundles; unset: modelsRoot() ($VSS_MODELS_DIR, beside the sources, <cwd>/native-models). */
  modelsDir?: string;
  /** Projects kept open at once (default 3). */
  maxOpen?: number;
  /** Engine client and frame source of engine runs (tests inject their own). */
  engine?: EngineRunsOptions;
  flows?: FlowService;
}

export class Workspace {
  readonly video: VideoService;
  readonly dataDir: string;
  readonly modelsDir: string | undefined;
  readonly maxOpen: number;
  /** Replaceable (tests wrap it to watch events). */
  emit: Emit;
  readonly runs: EngineRuns;
  readonly flows: FlowService;
  readonly tc = new TcCache();
  private readonly sessions = new Map<string, ProjectSession>();
  /** Folders being opened right now (register called again meanwhile waits for the same open). */
  private readonly opening = new Map<string, Promise<ProjectState>>();
  private readonly live = new Map<string, LiveTrackStatus>();
  private readonly lastUsed = new Map<string, number>();
  private readonly closeAfterRun = new Set<string>();
  /** The project lock (project/lock.ts) each open session holds, by session id. */
  private readonly locks = new Map<string, ProjectLock>();
  private clock = 0;

  constructor(o: WorkspaceOptions) {
    this.video = o.video;
    this.dataDir = o.dataDir;
    this.modelsDir = o.modelsDir;
    this.maxOpen = Math.max(1, o.maxOpen ?? 3);
    this.emit = o.emit;
    this.flows = o.flows ?? new FlowService((id, i) => this.video.frame(id, i));
    this.runs = new EngineRuns(this, o.engine);
  }

  get recentProjectsFile(): string {
    return join(this.dataDir, 'recent-projects.json');
  }

  /** The open project with this id (NOT_FOUND otherwise); marks it as just used. */
  session(projectId: string): ProjectSession {
    const s = this.sessions.get(projectId);
    if (!s) throw new VssError('NOT_FOUND', `no open project with id "${projectId}"`);
    this.lastUsed.set(projectId, ++this.clock);
    return s;
  }

  openSessions(): ProjectSession[] {
    return [...this.sessions.values()];
  }

  /** The project's video, or NOT_FOUND with `why` when it is missing. */
  videoOf(s: ProjectSession, why = "the project's video is missing; relocate it first"): VideoInfo {
    const info = s.open.videoId ? this.video.get(s.open.videoId) : undefined;
    if (!info) throw new VssError('NOT_FOUND', why);
    return info;
  }

  /**
   * A frame's labels in a track: its correction when `corrected` and it has one, else the
   * engine's (from a running engine run's memory until they are on disk). A copy: callers edit it.
   */
  async labels(s: ProjectSession, trackId: string, stem: string, corrected = true): Promise<LabelMap> {
    return this.liveLabels(s, trackId, stem, corrected) ?? s.open.project.loadLabels(trackId, stem, { corrected });
  }

  /** A copy of a running run's labels of the frame (in project classes), unless a correction replaces them. */
  private liveLabels(s: ProjectSession, trackId: string, stem: string, corrected: boolean): LabelMap | undefined {
    const p = s.open.project;
    const live = corrected && p.correctedStems(trackId).includes(stem) ? undefined : this.runs.liveFrame(s.open.id, trackId, stem);
    return live && p.inProjectClasses(trackId, { ...live.labels, data: live.labels.data.slice() });
  }

  /**
   * A frame's labels for a propagation job: in memory when they are (a running run, staged
   * corrections), else the PNG bytes for the flow worker to decode (never decoded here).
   */
  async jobLabels(s: ProjectSession, trackId: string, stem: string): Promise<JobLabels> {
    const live = this.liveLabels(s, trackId, stem, true);
    if (live) return live;
    const src = await s.open.project.labelSource(trackId, stem);
    if (!('png' in src)) return src;
    // The job transfers the bytes to the thread: they must own their whole buffer.
    const whole = src.png.byteOffset === 0 && src.png.byteLength === src.png.buffer.byteLength;
    return whole ? src : { ...src, png: src.png.slice() };
  }

  liveStatus(projectId: string, trackId: string): LiveTrackStatus | undefined {
    return this.live.get(`${projectId}/${trackId}`);
  }

  setLiveStatus(projectId: string, trackId: string, s: LiveTrackStatus | null): void {
    if (s) this.live.set(`${projectId}/${trackId}`, s);
    else this.live.delete(`${projectId}/${trackId}`);
  }

  /**
   * Opens a video (an open one with the same path is reused; fps re-times an open frames folder);
   * closes videos nothing uses beyond the bound.
   */
  async openVideo(path: string, opts: { fps?: number } = {}): Promise<VideoInfo> {
    const abs = resolve(path);
    const open = this.video.list().find((v) => v.path === abs);
    const info = open && opts.fps === undefined ? open : await this.video.open(abs, opts);
    await this.closeUnusedVideos(info.id);
    return info;
  }

  /**
   * Opens a project session for `project` (or returns the one already open for its folder; two
   * opens of one folder at once make one session). The id comes from the folder, so a page keeps
   * working across a host restart once it opens the folder again.
   */
  register(project: Project): Promise<ProjectState> {
    const existing = this.openSessions().find((s) => s.open.project.dir === project.dir);
    if (existing) return projectState(this, existing.open.id);
    const opening = this.opening.get(project.dir) ?? this.registerNew(project).finally(() => this.opening.delete(project.dir));
    this.opening.set(project.dir, opening);
    return opening;
  }

  private async registerNew(project: Project): Promise<ProjectState> {
    const lock = await acquireProjectLock(project.dir, 'app');
    let session: ProjectSession;
    const id = `p${createHash('sha256').update(project.dir).digest('hex').slice(0, 12)}`;
    try {
      await this.makeRoom();
      const videoId = project.videoMissing ? null : await this.projectVideo(project);
      session = await this.newSession(id, project, videoId);
    } catch (e) {
      await lock.release();
      throw e;
    }
    this.locks.set(id, lock);
    this.sessions.set(id, session);
    this.lastUsed.set(id, ++this.clock);
    await addRecentProject(project.dir, this.recentProjectsFile).catch(() => undefined);
    if (project.videoMissing && project.videoProblem) this.emit('app.notice', { level: 'warning', message: project.videoProblem });
    return projectState(this, id);
  }

  /**
   * Closes a project: saves what is pending, stops its autosaver and closes its video unless
   * another open project shows it. While an engine run fills one of its tracks it closes when the
   * run ends. False when no such project is open.
   */
  async closeProject(projectId: string): Promise<boolean> {
    const s = this.sessions.get(projectId);
    if (!s) return false;
    if (this.runs.busy(projectId)) {
      this.closeAfterRun.add(projectId);
      return true;
    }
    this.sessions.delete(projectId);
    this.lastUsed.delete(projectId);
    this.closeAfterRun.delete(projectId);
    for (const k of [...this.live.keys()]) if (k.startsWith(`${projectId}/`)) this.live.delete(k);
    s.open.project.onDirty = null;
    await s.autosaver.dispose();
    await this.releaseLock(projectId);
    const videoId = s.open.videoId;
    if (videoId && !this.openSessions().some((o) => o.open.videoId === videoId)) await this.closeVideo(videoId);
    return true;
  }

  /** An engine run of the project ended: a close asked for meanwhile happens now. */
  async runEnded(projectId: string): Promise<void> {
    if (this.closeAfterRun.has(projectId) && !this.runs.busy(projectId)) await this.closeProject(projectId);
  }

  /** Saves everything pending in every open project. */
  async flushAll(): Promise<void> {
    await Promise.all(this.openSessions().map((s) => s.autosaver.flush().catch(() => undefined)));
  }

  async dispose(): Promise<void> {
    await this.runs.dispose();
    await this.flows.dispose();
    await this.flushAll();
    for (const s of this.openSessions()) {
      await s.autosaver.dispose();
      await this.releaseLock(s.open.id);
    }
    this.sessions.clear();
    this.live.clear();
  }

  /**
   * Opens a project's video at the project's frame rate; a frames folder whose project has none
   * yet keeps the rate it is open at (e.g. set with `vss serve --fps`), and the project records it.
   */
  private async projectVideo(project: Project): Promise<string | null> {
    try {
      const info = await this.openVideo(project.videoPath, { fps: project.frameRate });
      if (info.kind === 'frames' && project.frameRate === undefined && info.fps !== FOLDER_FPS) await setFrameRate(project, info.fps);
      return info.id;
    } catch (e) {
      project.videoMissing = true;
      project.videoProblem = `the video at ${project.videoPath} cannot be opened: ${e instanceof Error ? e.message : String(e)}`;
      return null;
    }
  }

  private async newSession(id: string, project: Project, videoId: string | null): Promise<ProjectSession> {
    const video = videoId ? (this.video.get(videoId) ?? null) : null;
    const opened = await openProjectHistory(project, stemMapFor(video).stemOf);
    for (const message of opened.problems) this.emit('app.notice', { level: 'warning', message });
    const view = await loadView(project.dir, project.data.view);
    const session: ProjectSession = {
      open: { id, project, videoId },
      autosaver: new Autosaver(
        async () => {
          if (session.viewDirty) {
            session.viewDirty = false;
            await saveView(project.dir, session.view);
          }
          await project.flush();
          await session.history.compactIfLarge(project.flushedSeq);
        },
        { onError: (e) => this.emit('app.notice', { level: 'error', message: e instanceof Error ? e.message : String(e) }) },
      ),
      view,
      viewDirty: false,
      history: opened.history,
      edits: Promise.resolve(),
      stems: stemMapFor(null),
    };
    project.onDirty = () => session.autosaver.touch();
    refreshStems(this, session);
    return session;
  }

  private async releaseLock(projectId: string): Promise<void> {
    const lock = this.locks.get(projectId);
    this.locks.delete(projectId);
    await lock?.release();
  }

  /** Closes least recently used idle projects until one more fits. */
  private async makeRoom(): Promise<void> {
    while (this.sessions.size >= this.maxOpen) {
      const idle = this.openSessions().filter((s) => !this.runs.busy(s.open.id));
      if (idle.length === 0) return;
      idle.sort((a, b) => (this.lastUsed.get(a.open.id) ?? 0) - (this.lastUsed.get(b.open.id) ?? 0));
      await this.closeProject(idle[0]!.open.id);
    }
  }

  private async closeUnusedVideos(keep: string): Promise<void> {
    const used = new Set(this.openSessions().map((s) => s.open.videoId));
    const spare = this.video.list().filter((v) => v.id !== keep && !used.has(v.id));
    const excess = this.video.list().length - this.maxOpen;
    for (const v of spare.slice(0, Math.max(0, excess))) await this.closeVideo(v.id);
  }

  private async closeVideo(videoId: string): Promise<void> {
    this.flows.forget(videoId);
    await this.video.close(videoId);
  }
}
