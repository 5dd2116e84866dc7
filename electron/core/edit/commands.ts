/**
 * Edit commands as a named union. computeChange turns a command into a Change (per-frame diffs
 * plus whether it enters the undo history) without touching the label maps; applyChange /
 * revertChange write it. The renderer's store runs: change = computeChange(cmd, ctx);
 * applyChange(ctx.labels, change); history.record(change) (or extend inside a brush drag).
 */
import type { FlowField, LabelMap } from '../types.ts';
import { strokeSpans, type Point } from './brush.ts';
import { applyDiff, revertDiff, type FrameDiff } from './diff.ts';
import { floodFillSpans } from './flood-fill.ts';
import { polygonSpans, type FillRule } from './polygon.ts';
import { previewPropagation, type PropagateOptions } from './propagate.ts';
import { spansToDiff } from './spans.ts';
import { superpixelSpans } from '../superpixel/select.ts';
import type { Superpixels } from '../superpixel/superpixels.ts';

export type EditCommand =
  | { kind: 'brush'; frame: number; points: Point[]; radius: number; classId: number }
  | { kind: 'erase'; frame: number; points: Point[]; radius: number }
  | { kind: 'polygon'; frame: number; points: Point[]; classId: number; fillRule?: FillRule }
  | { kind: 'floodFill'; frame: number; x: number; y: number; classId: number }
  /** Every pixel of the superpixels `ids` (of the frame's superpixels, sized as its labels). */
  | { kind: 'superpixel'; frame: number; superpixels: Superpixels; ids: readonly number[]; classId: number }
  | ({ kind: 'propagate'; correction: FrameDiff } & PropagateOptions);

export type EditKind = EditCommand['kind'];

export interface Change {
  kind: EditKind;
  /** At most one diff per frame, frames ascending. */
  diffs: FrameDiff[];
  /** Whether the change enters the undo history (false for empty changes). */
  history: boolean;
}

export interface EditContext {
  labels: (frame: number) => LabelMap | undefined;
  /** Class written by `erase` (the model's ignoreIndex, e.g. 11 or 255). */
  ignoreIndex: number;
  /** Flow between adjacent frames; needed by `propagate` only. */
  flow?: (from: number, to: number) => FlowField | undefined;
}

function need(ctx: EditContext, frame: number): LabelMap {
  const l = ctx.labels(frame);
  if (!l) throw new RangeError(`no labels for frame ${frame}`);
  return l;
}

function single(kind: EditKind, d: FrameDiff): Change {
  const diffs = d.oldValues.length > 0 ? [d] : [];
  return { kind, diffs, history: diffs.length > 0 };
}

export function computeChange(cmd: EditCommand, ctx: EditContext): Change {
  switch (cmd.kind) {
    case 'brush':
    case 'erase': {
      const l = need(ctx, cmd.frame);
      const value = cmd.kind === 'brush' ? cmd.classId : ctx.ignoreIndex;
      return single(cmd.kind, spansToDiff(l, cmd.frame, strokeSpans(cmd.points, cmd.radius, l.width, l.height), value));
    }
    case 'polygon': {
      const l = need(ctx, cmd.frame);
      return single(cmd.kind, spansToDiff(l, cmd.frame, polygonSpans(cmd.points, l.width, l.height, cmd.fillRule), cmd.classId));
    }
    case 'floodFill': {
      const l = need(ctx, cmd.frame);
      return single(cmd.kind, spansToDiff(l, cmd.frame, floodFillSpans(l, cmd.x, cmd.y), cmd.classId));
    }
    case 'superpixel': {
      const l = need(ctx, cmd.frame);
      const sp = cmd.superpixels;
      if (sp.width !== l.width || sp.height !== l.height) throw new RangeError(`superpixels are ${sp.width}×${sp.height}, labels ${l.width}×${l.height}`);
      return single(cmd.kind, spansToDiff(l, cmd.frame, superpixelSpans(sp, cmd.ids), cmd.classId));
    }
    case 'propagate': {
      if (!ctx.flow) throw new RangeError('propagate needs a flow provider');
      const diffs = previewPropagation(cmd.correction, ctx.flow, ctx.labels, cmd);
      return { kind: cmd.kind, diffs, history: diffs.length > 0 };
    }
  }
}

/** Applies every diff of a change (forward). */
export function applyChange(labels: (frame: number) => LabelMap | undefined, diffs: readonly FrameDiff[]): void {
  for (const d of diffs) {
    const l = labels(d.frame);
    if (!l) throw new RangeError(`no labels for frame ${d.frame}`);
    applyDiff(l, d);
  }
}

/** Reverts the diffs of a change, last first. */
export function revertChange(labels: (frame: number) => LabelMap | undefined, diffs: readonly FrameDiff[]): void {
  for (let i = diffs.length - 1; i >= 0; i--) {
    const d = diffs[i]!;
    const l = labels(d.frame);
    if (!l) throw new RangeError(`no labels for frame ${d.frame}`);
    revertDiff(l, d);
  }
}
