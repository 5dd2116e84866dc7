/**
 * The engine modes: settings, what they consume per frame and what they produce. Names, defaults
 * and ranges of the settings come from the table in core/engine-settings.ts.
 */
import { defaultMaxInterval, ENGINE_MODES, ENGINE_SETTINGS as T, type DisPreset, type EngineMode, type FusionKind } from '../../core/engine-settings.ts';
import type { FlowField, GrayImage, Tensor3 } from '../../core/types.ts';

export type ModeName = EngineMode;
export const MODE_NAMES: readonly ModeName[] = ENGINE_MODES;
export type { FusionKind };

export interface ModeSettings {
  mode: ModeName;
  /** dff: a key frame every K frames. Default 5. */
  keyInterval: number;
  /** adaptive: wanted average key interval; calibrates the threshold online. Default 5. */
  targetInterval: number;
  /** adaptive: fixed threshold on the renewal statistic of the deviation (renewal.ts; disables the calibration). */
  threshold?: number;
  /** adaptive: a key frame at the latest after this many frames. Default 2 x targetInterval. */
  maxInterval: number;
  /**
   * adaptive: the low-latency schedule (streaming use): answer a triggered key frame from propagated
   * features while its high stage runs alongside. Default: on for realtime runs (frames fed at the
   * source's frame rate, SegmentSettings.realtime), off for batch runs, where every triggered frame
   * waits for its own high stage (the new key is used at once: better mIoU, same throughput).
   */
  lowLatency: boolean;
  /** fused: causal (NetWarp-like) or bidirectional (GRFP-like, default). */
  fusion: FusionKind;
  /** fused bidirectional: frames per window of the backward pass. Default 8. */
  window: number;
  /** fused: weight of the current frame's probabilities. Default 1. */
  fuseCurrent: number;
  /** fused: weight of the warped fused past (before confidence gating). Default 1.5. */
  fusePrevious: number;
  /** DIS preset of the flow used for propagation and fusion. Default ultrafast. */
  preset: DisPreset;
  /**
   * Flow is computed on grey images of the model input size times this factor. Default 0.25
   * (120x88 for a 480x352 input: the stride-4 grid). The DIS finest level is kept where the preset
   * puts it at scale 0.5 (flowDisOptions), so a smaller scale only skips the upsampling of the flow
   * to a resolution nothing uses (features are warped at stride 4 or 16).
   */
  flowScale: number;
}

export const MODE_DEFAULTS: ModeSettings = {
  mode: 'per-frame',
  keyInterval: T.keyInterval.default,
  targetInterval: T.targetInterval.default,
  maxInterval: defaultMaxInterval(T.targetInterval.default),
  lowLatency: false,
  fusion: T.fusion.default,
  window: T.window.default,
  fuseCurrent: T.fuseCurrent.default,
  fusePrevious: T.fusePrevious.default,
  preset: T.preset.default,
  flowScale: T.flowScale.default,
};

/** One frame as the modes see it. */
export interface ModeFrame {
  index: number;
  /**
   * The preprocessed model input (bundle.preprocess), made on the first call and the same array on
   * later calls of this frame: frames that need none (a single-graph bundle's non-key frames, which
   * only warp) never pay for it. Valid only until push() resolves: the pipeline writes the next
   * frame into the same buffer (modes use it synchronously or copy it).
   */
  input(): Float32Array;
  /** Grey image at the flow size (the model input size). */
  gray: GrayImage;
}

export interface StageTimings {
  low: number;
  high: number;
  /** DIS flow (and, in fused, the occlusion check and flow resizing). */
  flow: number;
  /** Warping key features or probabilities along the flow. */
  warp: number;
  head: number;
  fuse: number;
  /** Waiting for a later frame (dff's and adaptive's batch schedules: the run's key), not work. */
  wait: number;
}

export function zeroTimings(): StageTimings {
  return { low: 0, high: 0, flow: 0, warp: 0, head: 0, fuse: 0, wait: 0 };
}

export interface ModeOutput {
  index: number;
  /** Class probabilities on the model's output grid. */
  probabilities: Tensor3;
  /** A key frame: its high features (or full-model output) were computed. */
  key: boolean;
  timings: StageTimings;
  /** Flow from this frame to the previous one at the flow size, when the mode computed it anyway. */
  flowToPrev?: FlowField;
}

export interface Mode {
  /** Consumes one frame; returns the outputs that are ready now, in index order. */
  push(frame: ModeFrame): Promise<ModeOutput[]>;
  /** End of stream: the remaining outputs. */
  flush(): Promise<ModeOutput[]>;
  /**
   * Called once the outputs of a push have been delivered (labels out), before the next push:
   * the mode may start work it deferred so as not to slow the frame being answered.
   */
  answered?(): void;
  /** Facts for summary.json (thresholds, intervals, ...). */
  info(): Record<string, number | string | boolean>;
}

/** Milliseconds since an earlier performance.now(). */
export function since(t0: number): number {
  return performance.now() - t0;
}
