/**
 * The renderer's editing loop over the labels of one track: commands run locally on fetched
 * label maps (instant feedback), enter an EditHistory of diffs (a brush drag = one step; a
 * propagation = one step over many frames) and are sent, in order, as forward diffs through
 * edit.apply (undo sends the inverse), each with the undo step it records in the project's
 * saved history (history.log), so saving costs O(size of the step). History entries are
 * labelled "<kind>@<trackId>" so undo reaches the right track even after switching tracks or
 * reopening the project. Editing waits until the saved history is loaded (adoptHistory).
 */
import { applyDiff, computeChange, EditHistory, strokeSpans, type Change, type EditCommand, type FrameDiff, type Point } from '../../../electron/core/edit/index.ts';
import { superpixelAt, superpixelsUnder } from '../../../electron/core/superpixel/select.ts';
import type { Superpixels } from '../../../electron/core/superpixel/superpixels.ts';
import type { LabelMap } from '../../../electron/core/types.ts';
import type { EditStep, WireDiff, WireHistory } from '../../../electron/shared/contract.ts';
import { diffRect, unionRect, type Rect } from './dirty-rect.ts';
import { invertDiff } from '../../../electron/core/edit/invert-diff.ts';

/** An undo step without the operation id (the transport gives each request its own). */
export type StepIntent = EditStep extends infer S ? (S extends EditStep ? Omit<S, 'op'> : never) : never;

export interface EditTransport {
  /** edit.apply; called in order and queued at once; resolves with the track's corrected frame indices. */
  apply(trackId: string, frames: { index: number; diff: WireDiff }[], step: StepIntent | undefined): Promise<number[]>;
}

export interface EditSessionEvents {
  /** edit.apply answered: the track's corrected frames, and the frames this edit changed. */
  onCorrections(trackId: string, indices: number[], changed: number[]): void;
  onHistory(): void;
  onError(message: string): void;
}

interface Stroke {
  frame: number;
  radius: number;
  classId: number | null;
  last: Point;
  trackId: string;
  /** A superpixel brush: the frame's superpixels and those painted so far in this stroke. */
  superpixels?: { of: Superpixels; taken: Set<number> };
}

/** What a stroke paints: brush or eraser discs, or whole superpixels (a class, never the eraser). */
export type StrokePaint = { classId: number | null } | { classId: number; superpixels: Superpixels };

export const MAX_CACHED_FRAMES = 32;

export const entryTrack = (label: string): string | null => {
  const at = label.lastIndexOf('@');
  return at >= 0 ? label.slice(at + 1) : null;
};
export const entryKind = (label: string): string => label.split('@')[0] ?? label;

export class EditSession {
  private h = new EditHistory();
  private loaded = false;
  private labels = new Map<number, LabelMap>();
  private track: string | null = null;
  private stroke: Stroke | null = null;
  private sending: Promise<void> = Promise.resolve();

  constructor(
    private readonly ignoreIndex: number,
    private readonly transport: EditTransport,
    private readonly events: EditSessionEvents,
  ) {}

  get history(): EditHistory {
    return this.h;
  }
  /** True once the saved history is loaded: edits are refused before (they would not undo in order). */
  get ready(): boolean {
    return this.loaded;
  }
  /** Takes the saved history (project.history); null or unreadable starts empty. Returns whether it was read. */
  adoptHistory(saved: WireHistory | null): boolean {
    let ok = saved === null;
    try {
      if (saved !== null) this.h = EditHistory.fromSteps(saved);
      ok = true;
    } catch {
      this.h = new EditHistory(); // an unreadable history starts empty rather than undoing against wrong labels
    }
    this.loaded = true;
    this.events.onHistory();
    return ok;
  }

  get trackId(): string | null {
    return this.track;
  }
  /** Switching tracks drops the cached label maps (they belong to the old track). */
  setTrack(trackId: string | null): void {
    if (trackId === this.track) return;
    this.cancelStroke();
    this.track = trackId;
    this.labels.clear();
  }
  labelsOf(frame: number): LabelMap | undefined {
    return this.labels.get(frame);
  }
  /** Caches a frame's labels; the oldest frames beyond MAX_CACHED_FRAMES are dropped (refetched when needed). */
  setLabels(frame: number, labels: LabelMap): void {
    this.labels.delete(frame);
    this.labels.set(frame, labels);
    for (const f of this.labels.keys()) {
      if (this.labels.size <= MAX_CACHED_FRAMES) break;
      if (f !== this.stroke?.frame && f !== frame) this.labels.delete(f);
    }
  }
  dropLabels(frame: number): void {
    this.labels.delete(frame);
  }
  /** Resolves when every edit sent so far was answered. */
  idle(): Promise<void> {
    return this.sending;
  }

  private ctx() {
    return { labels: (f: number) => this.labels.get(f), ignoreIndex: this.ignoreIndex };
  }

  private applyLocal(diffs: readonly FrameDiff[], trackId: string): Rect | null {
    let rect: Rect | null = null;
    if (trackId !== this.track) return null;
    for (const d of diffs) {
      const l = this.labels.get(d.frame);
      if (l) applyDiff(l, d);
      rect = unionRect(rect, diffRect(d));
    }
    return rect;
  }

  private send(trackId: string, diffs: readonly FrameDiff[], step: StepIntent | undefined): void {
    if (diffs.length === 0) return;
    const frames = diffs.map((d) => ({ index: d.frame, diff: d }));
    const answer = this.transport.apply(trackId, frames, step); // queued now, in order
    answer.catch(() => undefined); // handled below, in order
    this.sending = this.sending.then(async () => {
      try {
        this.events.onCorrections(trackId, await answer, frames.map((f) => f.index));
      } catch (e) {
        for (const d of diffs) if (trackId === this.track) this.labels.delete(d.frame);
        this.events.onError(`Edit not saved: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
    this.events.onHistory();
  }

  /** Records a step in the history; the step to save with it (none when nothing was recorded). */
  private recordStep(change: Change, label: string): StepIntent | undefined {
    const before = this.h.revision;
    this.h.record(change, label);
    const e = this.h.peekUndo();
    return this.h.revision !== before && e ? { action: 'do', label: e.label, at: e.at } : undefined;
  }

  /** Polygon, flood fill (one step each). Returns the dirty rectangle of the frame. */
  run(cmd: Exclude<EditCommand, { kind: 'propagate' }>): Rect | null {
    const trackId = this.track;
    if (!trackId || !this.loaded || !this.labels.has(cmd.frame)) return null;
    this.endStroke();
    const change = computeChange(cmd, this.ctx());
    const rect = this.applyLocal(change.diffs, trackId);
    this.send(trackId, change.diffs, this.recordStep(change, `${cmd.kind}@${trackId}`));
    return rect;
  }

  beginStroke(frame: number, at: Point, radius: number, paint: StrokePaint): Rect | null {
    this.endStroke();
    if (!this.track || !this.loaded || !this.labels.has(frame)) return null;
    const superpixels = 'superpixels' in paint ? { of: paint.superpixels, taken: new Set<number>() } : undefined;
    this.h.begin(`${superpixels ? 'superpixel' : paint.classId === null ? 'erase' : 'brush'}@${this.track}`);
    this.stroke = { frame, radius, classId: paint.classId, last: at, trackId: this.track, ...(superpixels ? { superpixels } : {}) };
    return this.segment([at]);
  }

  moveStroke(to: Point): Rect | null {
    const s = this.stroke;
    if (!s) return null;
    const from = s.last;
    s.last = to;
    return this.segment([from, to]);
  }

  get stroking(): boolean {
    return this.stroke !== null;
  }

  /** Pointer up: the drag becomes one step and is sent as one edit.apply. */
  endStroke(): void {
    const s = this.stroke;
    if (!s) return;
    this.stroke = null;
    const entry = this.h.commit();
    if (entry) this.send(s.trackId, entry.diffs, { action: 'do', label: entry.label, at: entry.at });
  }

  cancelStroke(): Rect | null {
    const s = this.stroke;
    if (!s) return null;
    this.stroke = null;
    const diffs = this.h.cancel();
    return this.applyLocal(diffs.map(invertDiff).reverse(), s.trackId);
  }

  /** The command of one stroke segment: a superpixel stroke paints the superpixel under its first point, then every superpixel its brush touches. */
  private segmentCommand(s: Stroke, points: Point[]): EditCommand {
    if (s.superpixels) {
      const { of, taken } = s.superpixels;
      const p = points[0]!;
      const ids = points.length === 1 ? [superpixelAt(of, p.x, p.y)].filter((k) => k >= 0 && !taken.has(k)) : superpixelsUnder(of, strokeSpans(points, s.radius, of.width, of.height), taken);
      for (const k of ids) taken.add(k);
      return { kind: 'superpixel', frame: s.frame, superpixels: of, ids, classId: s.classId ?? this.ignoreIndex };
    }
    return s.classId === null ? { kind: 'erase', frame: s.frame, points, radius: s.radius } : { kind: 'brush', frame: s.frame, points, radius: s.radius, classId: s.classId };
  }

  private segment(points: Point[]): Rect | null {
    const s = this.stroke!;
    const change = computeChange(this.segmentCommand(s, points), this.ctx());
    const rect = this.applyLocal(change.diffs, s.trackId);
    this.h.extend(change);
    return rect;
  }

  /** Applies proposed propagation diffs (frames need not be cached) as ONE undo step. */
  applyPropagation(diffs: FrameDiff[]): void {
    const trackId = this.track;
    if (!trackId || !this.loaded || diffs.length === 0) return;
    this.endStroke();
    this.applyLocal(diffs, trackId);
    this.send(trackId, diffs, this.recordStep({ kind: 'propagate', diffs, history: true }, `propagate@${trackId}`));
  }

  /** The last step's diff of `frame` on the current track (the correction to propagate). */
  lastCorrection(frame: number): FrameDiff | undefined {
    const e = this.h.peekUndo();
    if (!e || entryTrack(e.label) !== this.track || entryKind(e.label) === 'propagate') return undefined;
    return e.diffs.find((d) => d.frame === frame);
  }

  undo(): number[] {
    this.endStroke();
    const e = this.h.undo();
    if (!e) return [];
    const trackId = entryTrack(e.label) ?? this.track ?? '';
    const inverse = e.diffs.map(invertDiff).reverse();
    this.applyLocal(inverse, trackId);
    this.send(trackId, inverse, { action: 'undo' });
    return e.diffs.map((d) => d.frame);
  }

  redo(): number[] {
    this.endStroke();
    const e = this.h.redo();
    if (!e) return [];
    const trackId = entryTrack(e.label) ?? this.track ?? '';
    this.applyLocal(e.diffs, trackId);
    this.send(trackId, e.diffs, { action: 'redo' });
    return e.diffs.map((d) => d.frame);
  }
}
