/**
 * The renderer's editing loop over the labels of one track: commands run locally on fetched
 * label maps (instant feedback), enter an EditHistory of diffs (a brush drag = one step; a
 * propagation = one step over many frames) and are sent, in order, as forward diffs through
 * edit.apply (undo sends the inverse). History entries are labelled "<kind>@<trackId>" so undo
 * reaches the right track even after switching tracks or reopening the project.
 */
import { applyDiff, computeChange, EditHistory, type EditCommand, type FrameDiff, type Point } from '../../../electron/core/edit/index.ts';
import type { WireDiff } from '../../../electron/shared/contract.ts';
import type { LabelMap } from '../../../electron/core/types.ts';
import { diffRect, unionRect, type Rect } from './dirty-rect.ts';
import { invertDiff } from '../../../electron/core/edit/invert-diff.ts';

export interface EditTransport {
  /** edit.apply; resolves with the track's corrected frame indices. */
  apply(trackId: string, frames: { index: number; diff: WireDiff }[]): Promise<number[]>;
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
}

export const MAX_CACHED_FRAMES = 32;

export const entryTrack = (label: string): string | null => {
  const at = label.lastIndexOf('@');
  return at >= 0 ? label.slice(at + 1) : null;
};
export const entryKind = (label: string): string => label.split('@')[0] ?? label;

export class EditSession {
  readonly history: EditHistory;
  private labels = new Map<number, LabelMap>();
  private track: string | null = null;
  private stroke: Stroke | null = null;
  private sending: Promise<void> = Promise.resolve();

  constructor(
    private readonly ignoreIndex: number,
    private readonly transport: EditTransport,
    private readonly events: EditSessionEvents,
    history: string | null = null,
  ) {
    let h: EditHistory | null = null;
    try {
      h = history ? EditHistory.fromJSON(JSON.parse(history)) : null;
    } catch {
      h = null; // an unreadable history starts empty rather than undoing against wrong labels
    }
    this.history = h ?? new EditHistory();
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

  private send(trackId: string, diffs: readonly FrameDiff[]): void {
    if (diffs.length === 0) return;
    const frames = diffs.map((d) => ({ index: d.frame, diff: d }));
    this.sending = this.sending.then(async () => {
      try {
        this.events.onCorrections(trackId, await this.transport.apply(trackId, frames), frames.map((f) => f.index));
      } catch (e) {
        for (const d of diffs) if (trackId === this.track) this.labels.delete(d.frame);
        this.events.onError(`Edit not saved: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
    this.events.onHistory();
  }

  /** Polygon, flood fill (one step each). Returns the dirty rectangle of the frame. */
  run(cmd: Exclude<EditCommand, { kind: 'propagate' }>): Rect | null {
    const trackId = this.track;
    if (!trackId || !this.labels.has(cmd.frame)) return null;
    this.endStroke();
    const change = computeChange(cmd, this.ctx());
    const rect = this.applyLocal(change.diffs, trackId);
    this.history.record(change, `${cmd.kind}@${trackId}`);
    this.send(trackId, change.diffs);
    return rect;
  }

  beginStroke(frame: number, at: Point, radius: number, classId: number | null): Rect | null {
    this.endStroke();
    if (!this.track || !this.labels.has(frame)) return null;
    this.history.begin(`${classId === null ? 'erase' : 'brush'}@${this.track}`);
    this.stroke = { frame, radius, classId, last: at, trackId: this.track };
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
    const entry = this.history.commit();
    if (entry) this.send(s.trackId, entry.diffs);
  }

  cancelStroke(): Rect | null {
    const s = this.stroke;
    if (!s) return null;
    this.stroke = null;
    const diffs = this.history.cancel();
    return this.applyLocal(diffs.map(invertDiff).reverse(), s.trackId);
  }

  private segment(points: Point[]): Rect | null {
    const s = this.stroke!;
    const cmd: EditCommand =
      s.classId === null ? { kind: 'erase', frame: s.frame, points, radius: s.radius } : { kind: 'brush', frame: s.frame, points, radius: s.radius, classId: s.classId };
    const change = computeChange(cmd, this.ctx());
    const rect = this.applyLocal(change.diffs, s.trackId);
    this.history.extend(change);
    return rect;
  }

  /** Applies proposed propagation diffs (frames need not be cached) as ONE undo step. */
  applyPropagation(diffs: FrameDiff[]): void {
    const trackId = this.track;
    if (!trackId || diffs.length === 0) return;
    this.endStroke();
    this.applyLocal(diffs, trackId);
    this.history.record({ kind: 'propagate', diffs, history: true }, `propagate@${trackId}`);
    this.send(trackId, diffs);
  }

  /** The last step's diff of `frame` on the current track (the correction to propagate). */
  lastCorrection(frame: number): FrameDiff | undefined {
    const e = this.history.peekUndo();
    if (!e || entryTrack(e.label) !== this.track || entryKind(e.label) === 'propagate') return undefined;
    return e.diffs.find((d) => d.frame === frame);
  }

  undo(): number[] {
    this.endStroke();
    const e = this.history.undo();
    if (!e) return [];
    const trackId = entryTrack(e.label) ?? this.track ?? '';
    const inverse = e.diffs.map(invertDiff).reverse();
    this.applyLocal(inverse, trackId);
    this.send(trackId, inverse);
    return e.diffs.map((d) => d.frame);
  }

  redo(): number[] {
    this.endStroke();
    const e = this.history.redo();
    if (!e) return [];
    const trackId = entryTrack(e.label) ?? this.track ?? '';
    this.applyLocal(e.diffs, trackId);
    this.send(trackId, e.diffs);
    return e.diffs.map((d) => d.frame);
  }

  serialize(): string {
    return JSON.stringify(this.history.toJSON());
  }
}
