/** Messages between the FlowWorker (main side) and the flow worker thread. */
import type { WireError } from '../../core/errors.ts';
import type { FrameDiff } from '../../core/edit/index.ts';
import type { FlowField, LabelMap } from '../../core/types.ts';
import type { FlowPairs } from './flow-grid.ts';

/** A frame as RGBA (copied into the message: the caller's frame cache keeps its own buffer). */
export interface FlowFrame {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/**
 * A frame's labels for a propagation job: a label map already in memory, or the bytes of its
 * label PNG, which the thread decodes (so no decode runs on the backend's event loop) and maps
 * through the track's class LUT (core/class-list.ts) when it has one.
 */
export type JobLabels = LabelMap | { png: Uint8Array; lut: Uint8Array | null };

/** A propagation preview to compute in the thread (propagate-job.ts). */
export interface PropagateJob {
  correction: FrameDiff;
  forward: number;
  backward: number;
  /** Labels of the frames to carry into, by frame index (an unreadable PNG: the frame is left out). */
  labels: [number, JobLabels][];
  /** Flow (and the occlusion of `a`) from frame a to the adjacent frame b, for each step. */
  steps: { a: number; b: number; flow: FlowField; occluded: Uint8Array }[];
  /** Frames never written to (locked). */
  skip: number[];
}

export type ToFlowWorker =
  | { type: 'flow'; id: number; a: FlowFrame; b: FlowFrame; maxWidth: number }
  | { type: 'pairs'; id: number; a: FlowFrame; b: FlowFrame; maxSide: number }
  | { type: 'propagate'; id: number; job: PropagateJob };

export type FromFlowWorker =
  | { type: 'flow'; id: number; width: number; height: number; data: Float32Array; scale: number }
  | { type: 'pairs'; id: number; pairs: FlowPairs }
  | { type: 'propagate'; id: number; diffs: FrameDiff[] }
  | { type: 'error'; id: number; error: WireError };
