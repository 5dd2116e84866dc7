/** Settings, inputs and the summary of an offline segmentation run (`vss segment`). */
import type { ExecutionProvider } from '../model/session.ts';
import type { ModeSettings, StageTimings } from '../modes/types.ts';

export interface SegmentSettings extends ModeSettings {
  /** Model bundle folder. */
  model: string;
  /** Requested execution provider (falls back to cpu with a note). Default cpu. */
  executionProvider: ExecutionProvider;
  /** ORT intra-op threads per session (default: cores, at most 4). */
  threads?: number;
  /** Compute temporal consistency for summary.json (extra flow per frame, not counted in fps). Default true. */
  tc: boolean;
  /**
   * Streaming use: frames are fed at the source's frame rate, as a camera delivers them (the caller
   * paces them: pacedFrames), and adaptive defaults to the low-latency schedule. Default false.
   */
  realtime: boolean;
}

/** One decoded frame entering the pipeline. */
export interface SourceFrame {
  index: number;
  /** Output file stem: image name without extension, or the zero-padded 6-digit index. */
  stem: string;
  width: number;
  height: number;
  rgba: Uint8Array;
  /** Time spent decoding it (main side), ms. */
  decodeMs: number;
}

export interface FrameTimings extends StageTimings {
  decode: number;
  /** Grey image at the flow size + model input (resize, normalise), on the critical path. */
  prepare: number;
  /** Labels and confidence at frame size from the probabilities. */
  labels: number;
  /** From the start of this frame's processing to its labels being ready (= its latency). */
  total: number;
}

export interface FrameRecord {
  index: number;
  stem: string;
  key: boolean;
  /** Temporal consistency with the previous frame's labels (null on the first frame or when off). */
  tcPrev: number | null;
  /** Pixel count per class id (index = id). */
  classPixels: number[];
  timings: FrameTimings;
}

export interface LatencyStats {
  p50: number;
  p95: number;
  max: number;
}

export interface SegmentSummary {
  mode: string;
  model: { name: string; dir: string; split: boolean; classes: string[] };
  source: string;
  frames: number;
  width: number;
  height: number;
  /** Frames per second of processing (labels ready), excluding model load, the TC analysis and the wait for the last PNG writes (see wallSec). */
  fps: number;
  elapsedSec: number;
  /** Whole run from the first frame to the last file written, TC analysis included (s). */
  wallSec: number;
  loadMs: number;
  /** Synthetic frames run through a throwaway copy of the pipeline before the first frame (warmup.ts); in neither fps nor latency. */
  warmupMs: number;
  latencyMs: LatencyStats;
  /** Latency of non-key frames only (the reference of the low-latency target). */
  nonKeyLatencyMs: LatencyStats | null;
  keyFrames: number[];
  averageKeyInterval: number | null;
  /** Mean temporal consistency (mIoU between labels of t and flow-warped labels of t-1), null when off. */
  tc: number | null;
  settings: Omit<SegmentSettings, 'model'>;
  executionProvider: string;
  notes: string[];
  modeInfo: Record<string, number | string | boolean>;
  records: FrameRecord[];
}

/** A frame finished by the run (or an earlier one whose TC became known: TC needs the next frame). */
export interface ProgressFrame {
  index: number;
  key: boolean;
  /** TC to the previous frame; null on the first frame, while unknown, or with tc off. */
  tcPrev: number | null;
}

export interface SegmentProgress {
  done: number;
  total: number;
  fps: number;
  etaSec: number;
  /** Frames finished since the previous progress event, and earlier frames whose TC became known since. */
  frames?: ProgressFrame[];
}
