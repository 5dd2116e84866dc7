/**
 * An open project. Reads go straight to disk; changes are either written now (saveCorrection,
 * save) or staged (stageCorrection, setView, setPlayhead, lock…) and written by flush(), which an
 * Autosaver calls. A flush snapshots everything synchronously first (PNG encodes, project.json),
 * then writes corrections and finally project.json, each atomically; writes never overlap.
 * project.json records historySeq: the last undo-history log record (history-store.ts) whose
 * effects the written labels include.
 */
import { readFile, rename, rm, mkdir } from 'node:fs/promises';
import { relative, resolve, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { LabelMap } from '../../core/types.ts';
import type { SerializedHistory } from '../../core/edit/history.ts';
import { VssError } from '../../core/errors.ts';
import { TEMP_MARK, writeFileAtomic } from './atomic.ts';
import { copyRunFiles } from './copy-run.ts';
import { addStem } from './reconcile.ts';
import { assertRunDir, listStems, readRunSummary } from './engine-run.ts';
import { fingerprintMismatch, fingerprintOf, videoRef } from './fingerprint.ts';
import { decodeLabelPng, encodeLabelPng } from './label-png.ts';
import { projectPaths, trackIdFor } from './paths.ts';
import type { ClassInfo, ProjectFile, Track, ViewSettings } from './types.ts';
import { applyClassLut, classMapLut } from '../../core/class-list.ts';

export class Project {
  readonly paths: ReturnType<typeof projectPaths>;
  private staged = new Map<string, { trackId: string; stem: string; labels: LabelMap }>();
  /** Corrections a flush is writing right now: still served from memory until they are on disk. */
  private inFlight = new Map<string, { trackId: string; stem: string; labels: LabelMap }>();
  /** Last history log record whose effects are staged or written (see markApplied). */
  private appliedSeq: number;
  private projectDirty = false;
  private writing: Promise<unknown> = Promise.resolve();
  /** Called whenever something is staged (the Autosaver listens here). */
  onDirty: (() => void) | null = null;

  constructor(
    readonly dir: string,
    private file: ProjectFile,
    /** True when the video is missing or is not the recorded file; see videoProblem, relocateVideo. */
    public videoMissing: boolean,
    public videoProblem: string | null,
    public videoNote: string | null,
    /** history.json's revision stamp in project.json (projects saved before history.log). */
    private readonly legacyHistoryRevision: string | null,
    /** project.json's historySeq: the history log record the saved labels include. */
    private savedSeq = 0,
  ) {
    this.paths = projectPaths(dir);
    this.appliedSeq = savedSeq;
  }

  /** The history log record that the labels on disk include. */
  get flushedSeq(): number {
    return this.savedSeq;
  }

  /** A copy of the project.json content as last changed in memory. */
  get data(): ProjectFile {
    return structuredClone(this.file);
  }
  get classes(): ClassInfo[] {
    return this.file.classes.map((c) => ({ ...c, color: [...c.color] as [number, number, number] }));
  }
  get ignoreIndex(): number {
    return this.file.ignoreIndex;
  }
  get tracks(): Track[] {
    return structuredClone(this.file.tracks);
  }
  get videoPath(): string {
    return this.file.video.path;
  }
  /** The frame rate set for the project's frames folder, undefined for the default (or a video file). */
  get frameRate(): number | undefined {
    return this.file.video.fps;
  }
  get hasPendingChanges(): boolean {
    return this.staged.size > 0 || this.projectDirty || this.appliedSeq !== this.savedSeq;
  }

  track(idOrName: string): Track {
    const t = this.file.tracks.find((x) => x.id === idOrName) ?? this.file.tracks.find((x) => x.name === idOrName);
    if (!t) throw new VssError('NOT_FOUND', `unknown track "${idOrName}" (tracks: ${this.file.tracks.map((x) => x.id).join(', ') || 'none'})`);
    return structuredClone(t);
  }

  /** Frame stems of a track, natural order. */
  async frames(trackId: string): Promise<string[]> {
    this.track(trackId);
    return listStems(join(this.paths.trackDir(trackId), 'labels'));
  }

  correctedStems(trackId: string): string[] {
    return [...(this.file.corrections[trackId] ?? [])];
  }

  isLocked(trackId: string, stem: string): boolean {
    return (this.file.lockedFrames[trackId] ?? []).includes(stem);
  }

  /** Labels of a frame; with corrected (default) a correction replaces the engine labels. */
  async loadLabels(trackId: string, stem: string, opts: { corrected?: boolean } = {}): Promise<LabelMap> {
    const src = await this.labelSource(trackId, stem, opts);
    if (!('png' in src)) return src;
    const labels = decodeLabelPng(src.png, `labels of frame ${stem}`);
    if (src.lut) applyClassLut(labels.data, src.lut);
    return labels;
  }

  /**
   * A frame's labels as they are stored: a copy of staged corrections, or the bytes of its label
   * PNG with the class LUT its engine labels need (null for corrections); decoding is the
   * caller's (loadLabels here, the flow worker for a propagation preview).
   */
  async labelSource(trackId: string, stem: string, opts: { corrected?: boolean } = {}): Promise<LabelMap | { png: Uint8Array; lut: Uint8Array | null }> {
    this.track(trackId);
    const staged = this.staged.get(`${trackId}/${stem}`) ?? this.inFlight.get(`${trackId}/${stem}`);
    if ((opts.corrected ?? true) && staged) return { ...staged.labels, data: staged.labels.data.slice() };
    const corrected = (opts.corrected ?? true) && this.file.corrections[trackId]?.includes(stem);
    const p = corrected ? this.paths.correction(trackId, stem) : this.paths.labels(trackId, stem);
    try {
      return { png: await readFile(p), lut: corrected ? null : this.classLut(trackId) };
    } catch {
      throw new VssError('NOT_FOUND', `no labels for frame "${stem}" of track ${trackId}`);
    }
  }

  /** Engine labels of a track in project classes: its class map applied, in place (core/class-list.ts). */
  inProjectClasses(trackId: string, labels: LabelMap): LabelMap {
    const lut = this.classLut(trackId);
    if (lut) applyClassLut(labels.data, lut);
    return labels;
  }

  private classLut(trackId: string): Uint8Array | null {
    return classMapLut(this.file.tracks.find((t) => t.id === trackId)?.classMap ?? {});
  }

  /** Changes project.json through `change` and writes it now (callers check the change first). */
  async update(change: (file: ProjectFile) => void): Promise<void> {
    await this.serial(async () => {
      change(this.file);
      await this.writeProjectNow();
    });
  }

  async loadConfidence(trackId: string, stem: string): Promise<LabelMap | undefined> {
    try {
      return decodeLabelPng(await readFile(this.paths.confidence(trackId, stem)), `confidence of frame ${stem}`);
    } catch {
      return undefined;
    }
  }

  // ------------------------------------------------------------------ tracks

  /** Copies (or moves, with move: true) an engine run into tracks/<id>/ and lists it. */
  async addTrack(fromRunDir: string, name: string, opts: { move?: boolean; kind?: Track['kind']; source?: string } = {}): Promise<Track> {
    const runDir = resolve(fromRunDir);
    const stems = await assertRunDir(runDir);
    const summary = await readRunSummary(runDir);
    return this.serial(async () => {
      const id = trackIdFor(name, new Set(this.file.tracks.map((t) => t.id)));
      const final = this.paths.trackDir(id);
      const tmp = join(this.paths.tracksDir, `${TEMP_MARK}${id}-${randomBytes(3).toString('hex')}`);
      await mkdir(tmp, { recursive: true });
      await copyRunFiles(runDir, tmp, { stems, move: opts.move ?? false });
      await rm(final, { recursive: true, force: true });
      await rename(tmp, final);
      const track: Track = {
        id,
        name,
        kind: opts.kind ?? 'engine',
        source: opts.source ?? relative(this.dir, runDir).split('\\').join('/'),
        mode: summary.mode,
        settings: summary.settings,
        keyFrames: summary.keyFrames,
        createdAt: new Date().toISOString(),
      };
      this.file.tracks.push(track);
      await this.writeProjectNow();
      return structuredClone(track);
    });
  }

  /** Lists a new, empty engine track; an engine run writes its frames into tracks/<id>/ (TrackWriter). */
  async createTrack(name: string, meta: Pick<Track, 'mode' | 'settings' | 'source'> & Pick<Partial<Track>, 'modelClasses' | 'classMap'>): Promise<Track> {
    return this.serial(async () => {
      const id = trackIdFor(name, new Set(this.file.tracks.map((t) => t.id)));
      await rm(this.paths.trackDir(id), { recursive: true, force: true });
      for (const sub of ['labels', 'confidence']) await mkdir(join(this.paths.trackDir(id), sub), { recursive: true });
      const track: Track = { id, name, kind: 'engine', ...structuredClone(meta), keyFrames: [], createdAt: new Date().toISOString() };
      this.file.tracks.push(track);
      await this.writeProjectNow();
      return structuredClone(track);
    });
  }

  /** Records what an engine run learned about its track (key frames, mode, settings). */
  async updateTrack(trackId: string, meta: Partial<Pick<Track, 'mode' | 'settings' | 'keyFrames'>>): Promise<void> {
    this.track(trackId);
    await this.serial(async () => {
      const t = this.file.tracks.find((x) => x.id === trackId);
      if (!t) return; // deleted meanwhile
      Object.assign(t, structuredClone(meta));
      await this.writeProjectNow();
    });
  }

  /** Gives a track a new display name (its id and folder stay). */
  async renameTrack(trackId: string, name: string): Promise<Track> {
    const clean = name.trim();
    if (!clean) throw new VssError('BAD_REQUEST', 'a track name cannot be empty');
    return this.serial(async () => {
      const t = this.file.tracks.find((x) => x.id === trackId);
      if (!t) throw new VssError('NOT_FOUND', `unknown track "${trackId}"`);
      t.name = clean;
      await this.writeProjectNow();
      return structuredClone(t);
    });
  }

  /** Removes a track with its labels, corrections and locks. */
  async deleteTrack(trackId: string): Promise<void> {
    this.track(trackId);
    await this.serial(async () => {
      this.file.tracks = this.file.tracks.filter((x) => x.id !== trackId);
      delete this.file.corrections[trackId];
      delete this.file.lockedFrames[trackId];
      for (const m of [this.staged, this.inFlight]) for (const k of [...m.keys()]) if (k.startsWith(`${trackId}/`)) m.delete(k);
      await this.writeProjectNow();
      await rm(this.paths.trackDir(trackId), { recursive: true, force: true });
      await rm(this.paths.correctionsDir(trackId), { recursive: true, force: true });
    });
  }

  // ------------------------------------------------------------------ corrections and locks

  /** Stages the full corrected label map of a frame (written by the next flush) and locks it. */
  stageCorrection(trackId: string, stem: string, labels: LabelMap): void {
    this.track(trackId);
    this.paths.correction(trackId, stem); // validates the stem
    this.staged.set(`${trackId}/${stem}`, { trackId, stem, labels });
    addStem(this.file.corrections, trackId, stem);
    addStem(this.file.lockedFrames, trackId, stem);
    this.markDirty();
  }

  /** Writes a frame's corrected label map now (and locks the frame). */
  async saveCorrection(trackId: string, stem: string, labels: LabelMap): Promise<void> {
    this.stageCorrection(trackId, stem, { ...labels, data: labels.data.slice() });
    await this.flush();
  }

  /** Deletes a frame's correction (back to the engine labels) and unlocks it. */
  async removeCorrection(trackId: string, stem: string): Promise<void> {
    this.staged.delete(`${trackId}/${stem}`);
    this.inFlight.delete(`${trackId}/${stem}`);
    this.file.corrections[trackId] = (this.file.corrections[trackId] ?? []).filter((s) => s !== stem);
    this.file.lockedFrames[trackId] = (this.file.lockedFrames[trackId] ?? []).filter((s) => s !== stem);
    this.projectDirty = true;
    // File first: an index entry without its file is dropped on open (reconcileCorrections).
    await this.serial(() => rm(this.paths.correction(trackId, stem), { force: true }));
    await this.flush();
  }

  lockFrames(trackId: string, stems: readonly string[]): void {
    this.track(trackId);
    for (const s of stems) addStem(this.file.lockedFrames, trackId, s);
    this.markDirty();
  }

  unlockFrames(trackId: string, stems: readonly string[]): void {
    const drop = new Set(stems);
    this.file.lockedFrames[trackId] = (this.file.lockedFrames[trackId] ?? []).filter((s) => !drop.has(s));
    this.markDirty();
  }

  // ------------------------------------------------------------------ view, playhead, history

  setView(view: Partial<ViewSettings>): void {
    const v = this.file.view;
    this.file.view = { ...v, ...view, overlay: { ...v.overlay, ...(view.overlay ?? {}) } };
    this.markDirty();
  }

  setPlayhead(frame: number): void {
    if (!Number.isInteger(frame) || frame < 0) throw new VssError('BAD_REQUEST', `playhead must be a frame index ≥ 0, got ${frame}`);
    this.file.playhead = frame;
    this.markDirty();
  }

  /** The effects of history log records up to `seq` are staged: the next flush records it. */
  markApplied(seq: number): void {
    if (seq <= this.appliedSeq) return;
    this.appliedSeq = seq;
    this.markDirty();
  }

  /** The undo history an older version saved (history.json), when it matches the saved labels. */
  async loadLegacyHistory(): Promise<SerializedHistory | null> {
    try {
      const raw = JSON.parse(await readFile(this.paths.historyFile, 'utf8')) as { revision?: unknown; history?: SerializedHistory };
      if (!raw.history || this.legacyHistoryRevision === null || raw.revision !== this.legacyHistoryRevision) return null;
      return raw.history;
    } catch {
      return null;
    }
  }

  // ------------------------------------------------------------------ video

  /** Points the project at the video's new location after checking it is the same file. */
  async relocateVideo(newPath: string, opts: { frameCount?: number } = {}): Promise<void> {
    const abs = resolve(newPath);
    let fp;
    try {
      fp = await fingerprintOf(abs, opts.frameCount ?? null);
    } catch {
      throw new VssError('NOT_FOUND', `video not found: ${abs}`);
    }
    const why = fingerprintMismatch(this.file.video.fingerprint, fp);
    if (why) throw new VssError('BAD_REQUEST', `${abs} is not this project's video (${why})`);
    const frameCount = this.file.video.fingerprint.frameCount ?? fp.frameCount;
    const fps = this.file.video.fps;
    this.file.video = { ...videoRef(this.dir, abs, { ...fp, frameCount }), ...(fps === undefined ? {} : { fps }) };
    this.videoMissing = false;
    this.videoProblem = null;
    this.videoNote = null;
    this.projectDirty = true;
    await this.flush();
  }

  // ------------------------------------------------------------------ saving

  /** Writes project.json now (plus anything staged). */
  async save(): Promise<void> {
    this.projectDirty = true;
    await this.flush();
  }

  /** Writes everything staged; resolves when it is on disk. Calls never overlap. */
  flush(): Promise<void> {
    return this.serial(() => this.flushNow());
  }

  private async flushNow(): Promise<void> {
    if (!this.hasPendingChanges) return;
    // Snapshot synchronously: later edits go into the next flush.
    const staged = [...this.staged.entries()];
    const pngs = staged.map(([, s]) => ({ path: this.paths.correction(s.trackId, s.stem), data: encodeLabelPng(s.labels) }));
    this.staged.clear();
    for (const [k, v] of staged) this.inFlight.set(k, v);
    const seq = this.appliedSeq;
    this.projectDirty = false;
    const json = this.snapshot(seq);
    try {
      for (const p of pngs) await writeFileAtomic(p.path, p.data);
      await writeFileAtomic(this.paths.projectFile, json);
    } catch (e) {
      // Put the snapshot back so the next flush retries it (newer staged data wins).
      for (const [k, v] of staged) if (!this.staged.has(k)) this.staged.set(k, v);
      this.projectDirty = true;
      throw new VssError('INTERNAL', `could not save the project: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    } finally {
      for (const [k, v] of staged) if (this.inFlight.get(k) === v) this.inFlight.delete(k);
    }
    this.savedSeq = seq;
  }

  private async writeProjectNow(): Promise<void> {
    await writeFileAtomic(this.paths.projectFile, this.snapshot(this.savedSeq));
  }

  /** project.json text; historySeq: the history log record the labels written with it include. */
  private snapshot(historySeq: number): string {
    this.file.updatedAt = new Date().toISOString();
    return JSON.stringify({ ...this.file, historySeq, historyRevision: this.legacyHistoryRevision }, null, 2) + '\n';
  }

  private serial<T>(step: () => Promise<T>): Promise<T> {
    const next = this.writing.then(step, step);
    this.writing = next.catch(() => undefined);
    return next;
  }

  private markDirty(): void {
    this.projectDirty = true;
    this.onDirty?.();
  }
}
