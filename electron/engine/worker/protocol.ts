/** Messages between the EngineClient (main side) and the engine worker thread. */
import type { WireError } from '../../core/errors.ts';
import type { SegmentJob } from '../segment/job.ts';
import type { FrameResult } from '../segment/sink.ts';
import type { SegmentProgress, SegmentSummary, SourceFrame } from '../segment/types.ts';

/** Test-only switches that make the worker fail in the ways the client must survive. */
export interface WorkerTestHooks {
  /** Throw an uncaught exception when this frame arrives. */
  crashAt?: number;
  /** process.exit(3) in the worker when this frame arrives. */
  exitAt?: number;
  /** Fail the job (an ordinary error) at this frame. */
  failAt?: number;
}

export type ToWorker =
  | { type: 'start'; job: SegmentJob; test?: WorkerTestHooks }
  | { type: 'frame'; frame: SourceFrame }
  | { type: 'end' }
  | { type: 'cancel' };

export type FromWorker =
  | { type: 'loaded'; executionProvider: string; notes: string[] }
  | { type: 'ack'; index: number }
  | { type: 'progress'; progress: SegmentProgress }
  /** A frame's labels and confidence (buffers transferred) of a job without an output folder. */
  | { type: 'result'; result: FrameResult }
  | { type: 'done'; summary: SegmentSummary }
  | { type: 'error'; error: WireError };
