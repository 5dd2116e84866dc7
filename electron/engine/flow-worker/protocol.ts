/** Messages between the FlowWorker (main side) and the flow worker thread. */
import type { WireError } from '../../core/errors.ts';
import type { FlowPairs } from './flow-grid.ts';

/** A frame as RGBA (copied into the message: the caller's frame cache keeps its own buffer). */
export interface FlowFrame {
  width: number;
  height: number;
  rgba: Uint8Array;
}

export type ToFlowWorker =
  | { type: 'flow'; id: number; a: FlowFrame; b: FlowFrame; maxWidth: number }
  | { type: 'pairs'; id: number; a: FlowFrame; b: FlowFrame; maxSide: number };

export type FromFlowWorker =
  | { type: 'flow'; id: number; width: number; height: number; data: Float32Array; scale: number }
  | { type: 'pairs'; id: number; pairs: FlowPairs }
  | { type: 'error'; id: number; error: WireError };
