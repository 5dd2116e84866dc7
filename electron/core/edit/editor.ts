/**
 * The editing loop in one small object, for the renderer's store: run a command (apply + record),
 * brush drags as one undo step (beginStroke → moveStroke… → endStroke, each move applying only the
 * new segment), undo/redo, and propagation preview/apply. Every call returns the frames whose
 * labels changed so the caller redraws just those. Label maps are mutated in place.
 */
import type { Point } from './brush.ts';
import { applyChange, computeChange, revertChange, type Change, type EditCommand, type EditContext } from './commands.ts';
import type { FrameDiff } from './diff.ts';
import { EditHistory, type HistoryOptions } from './history.ts';
import { previewPropagation, type PropagateOptions } from './propagate.ts';

export interface EditResult {
  /** Frames whose labels changed (ascending, unique). */
  frames: number[];
}

interface Stroke {
  frame: number;
  radius: number;
  classId: number | null; // null = erase
  last: Point;
}

const framesOf = (diffs: readonly FrameDiff[]): EditResult => ({ frames: [...new Set(diffs.map((d) => d.frame))].sort((a, b) => a - b) });

export class Editor {
  readonly history: EditHistory;
  private stroke: Stroke | null = null;

  constructor(
    private readonly ctx: EditContext,
    historyOptions: HistoryOptions = {},
    history?: EditHistory,
  ) {
    this.history = history ?? new EditHistory(historyOptions);
  }

  /** Computes, applies and records one command as one undo step. */
  run(cmd: EditCommand): EditResult {
    this.endStroke();
    const change = computeChange(cmd, this.ctx);
    applyChange(this.ctx.labels, change.diffs);
    this.history.record(change);
    return framesOf(change.diffs);
  }

  /** Pointer down: stamps the first disc. classId null erases (writes the ignore index). */
  beginStroke(frame: number, at: Point, radius: number, classId: number | null): EditResult {
    this.endStroke();
    this.history.begin(classId === null ? 'erase' : 'brush');
    this.stroke = { frame, radius, classId, last: at };
    return this.segment([at]);
  }

  /** Pointer move: paints the segment from the previous point (no gaps however fast the drag). */
  moveStroke(to: Point): EditResult {
    if (!this.stroke) return { frames: [] };
    const from = this.stroke.last;
    this.stroke.last = to;
    return this.segment([from, to]);
  }

  /** Pointer up: the whole drag becomes one undo step. Returns the frames it changed. */
  endStroke(): EditResult {
    if (!this.stroke) return { frames: [] };
    this.stroke = null;
    const entry = this.history.commit();
    return framesOf(entry?.diffs ?? []);
  }

  /** Escape during a drag: reverts what the drag painted, nothing enters history. */
  cancelStroke(): EditResult {
    if (!this.stroke) return { frames: [] };
    this.stroke = null;
    const diffs = this.history.cancel();
    revertChange(this.ctx.labels, diffs);
    return framesOf(diffs);
  }

  undo(): EditResult {
    this.endStroke();
    const e = this.history.undo();
    if (!e) return { frames: [] };
    revertChange(this.ctx.labels, e.diffs);
    return framesOf(e.diffs);
  }

  redo(): EditResult {
    this.endStroke();
    const e = this.history.redo();
    if (!e) return { frames: [] };
    applyChange(this.ctx.labels, e.diffs);
    return framesOf(e.diffs);
  }

  /** Proposed diffs for frames t±1…t±N; labels are not touched. */
  previewPropagation(correction: FrameDiff, opts: PropagateOptions): FrameDiff[] {
    if (!this.ctx.flow) throw new RangeError('propagation needs a flow provider');
    return previewPropagation(correction, this.ctx.flow, this.ctx.labels, opts);
  }

  /** Applies a propagation as one undo step (all frames together). */
  propagate(correction: FrameDiff, opts: PropagateOptions): EditResult {
    return this.run({ kind: 'propagate', correction, ...opts });
  }

  private segment(points: Point[]): EditResult {
    const s = this.stroke!;
    const cmd: EditCommand =
      s.classId === null
        ? { kind: 'erase', frame: s.frame, points, radius: s.radius }
        : { kind: 'brush', frame: s.frame, points, radius: s.radius, classId: s.classId };
    const change: Change = computeChange(cmd, this.ctx);
    applyChange(this.ctx.labels, change.diffs);
    this.history.extend(change);
    return framesOf(change.diffs);
  }
}
